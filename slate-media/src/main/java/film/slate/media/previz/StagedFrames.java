package film.slate.media.previz;

import film.slate.media.ffmpeg.PassVideoEncoder;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * Every frame of a take staged for its passes before the first is drawn, so that the pass
 * encoder knows from its start which frames hold the picture before ({@link PassVideoEncoder.Holds})
 * and pipes only the others. A frame holds when the videos asked for would show the same picture
 * as the frame before: the same masks when mask videos are made, the same pose picture when the
 * pose video is. The staged frames are kept for the drawing (a frame with the same masks and
 * skeletons as the one before shares it), up to {@link #KEPT} of them; a longer take stages the
 * rest again when they are drawn.
 */
final class StagedFrames {
    /** Staged frames kept at most: a minute of a moving camera at 24 fps, some tens of megabytes. */
    static final int KEPT = 1440;

    /**
     * Frames staged at once, on every core (a frame's staging depends on nothing but its instant
     * and camera), so the staging before FFmpeg starts takes less wall time; few enough that a long
     * take's memory stays small.
     */
    private static final int BATCH = 48;

    private final PrevizShot shot;
    private final PassFrame[] frames;
    private final BitSet held = new BitSet();

    private StagedFrames(PrevizShot shot, boolean masks, boolean pose) {
        this.shot = shot;
        this.frames = new PassFrame[shot.frames()];
        PassFrame last = null;
        int kept = 0;
        PassFrame[] batch = new PassFrame[0];
        for (int i = 0; i < frames.length; i++) {
            if (i % BATCH == 0) {
                batch = stage(shot, i, Math.min(frames.length, i + BATCH));
            }
            PassFrame frame = batch[i % BATCH];
            boolean sameMasks = frame.sameMasks(last);
            boolean samePose = frame.samePose(last);
            if (last != null && (!masks || sameMasks) && (!pose || samePose)) {
                held.set(i);
            }
            if (sameMasks && samePose) {
                frames[i] = frames[i - 1];
            } else if (kept < KEPT) {
                frames[i] = frame;
                kept++;
            }
            last = frame;
        }
    }

    private static PassFrame[] stage(PrevizShot shot, int from, int to) {
        return IntStream.range(from, to).parallel().mapToObj(i -> PassFrame.of(shot, shot.setup(i)))
                .toArray(PassFrame[]::new);
    }

    /** Stages every frame of {@code shot}, noting the held ones for the mask videos ({@code masks}) and the pose video ({@code pose}). */
    static StagedFrames stage(PrevizShot shot, boolean masks, boolean pose) {
        return new StagedFrames(shot, masks, pose);
    }

    /** The held frames of the take. */
    PassVideoEncoder.Holds holds() {
        return new PassVideoEncoder.Holds(frames.length, held);
    }

    /** Frame {@code i}, staged (again, past the frames kept); a held frame is the frame it holds. */
    PassFrame frame(int i) {
        PassFrame f = frames[i];
        return f != null ? f : PassFrame.of(shot, shot.setup(i));
    }
}
