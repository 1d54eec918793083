package film.slate.media.previz;

import film.slate.core.stage.Vec3;
import java.util.SplittableRandom;

/**
 * Handheld wobble: for each axis a sum of slow sines whose frequencies and phases come from the
 * seed, so a take shakes the same way on every run, and frame rate does not change the path.
 */
final class Shake {
    private static final int WAVES = 3;
    private final double amplitude;
    private final double[][] frequency = new double[6][WAVES];
    private final double[][] phase = new double[6][WAVES];

    Shake(long seed, double amplitude) {
        this.amplitude = amplitude;
        SplittableRandom r = new SplittableRandom(seed);
        for (int axis = 0; axis < 6; axis++) {
            for (int w = 0; w < WAVES; w++) {
                frequency[axis][w] = 0.3 + r.nextDouble() * 2.2 * (w + 1) / WAVES;
                phase[axis][w] = r.nextDouble() * 2 * Math.PI;
            }
        }
    }

    /** The offset of the eye at {@code seconds}, within about {@code amplitude} metres. */
    Vec3 eye(double seconds) {
        return new Vec3(wave(0, seconds), wave(1, seconds), wave(2, seconds)).times(amplitude);
    }

    /** The offset of the aim: the operator's hands wander a little more than the body. */
    Vec3 aim(double seconds) {
        return new Vec3(wave(3, seconds), wave(4, seconds), wave(5, seconds)).times(amplitude * 2);
    }

    private double wave(int axis, double t) {
        double sum = 0;
        for (int w = 0; w < WAVES; w++) {
            sum += StrictMath.sin(2 * Math.PI * frequency[axis][w] * t + phase[axis][w]) / (w + 1);
        }
        return sum / 1.84; // the weights 1 + 1/2 + 1/3 bring the peak to about 1
    }
}
