package film.slate.core.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import film.slate.core.model.Aim;
import film.slate.core.model.Camera;
import film.slate.core.model.MoveType;
import film.slate.core.model.Point;
import film.slate.core.stage.Body.Joint;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The skeleton follows the blocking, the facing and the height: the joints previz and the pose pass share. */
class BodyTest {
    static LongStream seeds() {
        return LongStream.range(0, 20L * Integer.getInteger("slate.trials", 1)).map(i -> 0xB0D10000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aStandingFigureIsItsHeightFacesItsWayAndHoldsAtTheHand(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Point at = new Point(r.nextDouble() * 6, r.nextDouble() * 6);
        double facing = r.nextDouble() * 360;
        double h = 1.2 + r.nextDouble();
        Body b = Body.of(at, facing, h, 0, 0, true);
        Point f = Point.ofBearing(facing);
        assertThat(b.joint(Joint.RIGHT_EYE).z()).isCloseTo(Sight.EYES * h, within(1e-9));
        assertThat(b.joint(Joint.LEFT_ANKLE).z()).isCloseTo(Body.ANKLE * h, within(1e-9));
        assertThat(b.joint(Joint.RIGHT_ANKLE).z()).isCloseTo(Body.ANKLE * h, within(1e-9));
        assertThat(b.joint(Joint.NOSE).plan().minus(b.joint(Joint.NECK).plan()).dot(f)).as("the nose leads").isPositive();
        assertThat(b.joint(Joint.RIGHT_SHOULDER).plan().minus(at).dot(b.right())).as("right is right").isPositive();
        assertThat(b.joint(Joint.LEFT_SHOULDER).plan().minus(at).dot(b.right())).isNegative();
        assertThat(b.joint(Joint.RIGHT_WRIST).minus(Sight.hand(at, facing, h)).length()).as("the hand holds the prop")
                .isLessThan(0.05 * h);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void legsWalkWhileTheFigureCoversGroundAndStandStillAtRest(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Point from = new Point(1 + r.nextDouble(), 1 + r.nextDouble());
        Point to = from.plus(Point.ofBearing(r.nextDouble() * 360).times(1.5 + r.nextDouble() * 2));
        Camera cam = new Camera(new Point(0, -5), 1.6, 35, Aim.at(new Point(0, 0)), StagingTest.HERE);
        Staging s = StagingTest.staging(StagingTest.shot(cam, StagingTest.move(MoveType.STATIC, null, null), Map.of()),
                from, to);
        Body start = s.body("MARA", 0).orElseThrow();
        assertThat(apart(start)).as("at rest the feet are side by side").isCloseTo(0, within(1e-9));
        double most = 0;
        for (double t = 0.3; t <= 0.7; t += 0.05) {
            most = Math.max(most, apart(s.body("MARA", t).orElseThrow()));
        }
        assertThat(most).as("mid-walk one foot leads").isGreaterThan(0.1);
        assertThat(s.body("MARA", 0.5).orElseThrow().joint(Joint.NECK).plan().distance(s.position("MARA", 0.5)
                .orElseThrow())).isCloseTo(0, within(1e-9));
        assertThat(s.body("NOBODY", 0.5)).isEmpty();
    }

    /** How far one ankle is ahead of the other, along the facing. */
    private static double apart(Body b) {
        return Math.abs(b.joint(Joint.RIGHT_ANKLE).minus(b.joint(Joint.LEFT_ANKLE)).plan().dot(b.forward()));
    }
}
