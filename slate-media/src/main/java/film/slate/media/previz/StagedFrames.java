package film.slate.media.previz;

import film.slate.media.ffmpeg.PassVideoEncoder;
import java.util.stream.IntStream;

/**
 * A take's frames staged for its passes a batch ahead of their drawing, on every core (a frame's
 * staging depends on nothing but its instant and camera), while FFmpeg, started with the take,
 * encodes the frames before. A frame with the same masks and skeletons as the one before holds
 * it: it is that frame, so its pictures are drawn once and the pass encoder sees the same arrays
 * and does not pipe them ({@link PassVideoEncoder}). Up to {@link #KEPT} staged frames are kept;
 * a longer take stages the rest again when they are drawn.
 */
final class StagedFrames {
    /** Staged frames kept at most: a minute of a moving camera at 24 fps, some tens of megabytes. */
    static final int KEPT = 1440;

    /** Frames staged at once: enough to keep both cores busy, few enough that a long take's memory stays small. */
    private static final int BATCH = 48;

    private final PrevizShot shot;
    private final PassFrame[] frames;
    /** Frames staged so far, the last of them, and how many are kept. */
    private int staged;
    private PassFrame last;
    private PrevizShot.Draft lastDraft;
    private int kept;

    private StagedFrames(PrevizShot shot) {
        this.shot = shot;
        this.frames = new PassFrame[shot.frames()];
    }

    /**
     * Stages the next batch of frames: each drafted (camera and cast key), then, on every core, the
     * frames that are not their predecessor's draft again staged (faces built and put in painting
     * order, the costliest part) and held when their masks and pose are those of the frame before
     * all the same; a repeated draft holds the frame before without being staged.
     */
    private void stageBatch() {
        int from = staged;
        int to = Math.min(frames.length, from + BATCH);
        PrevizShot.Draft[] drafts = IntStream.range(from, to).parallel().mapToObj(shot::draft)
                .toArray(PrevizShot.Draft[]::new);
        boolean[] repeats = new boolean[drafts.length];
        PrevizShot.Draft before = lastDraft;
        for (int k = 0; k < drafts.length; k++) {
            repeats[k] = drafts[k].sameAs(before);
            before = drafts[k];
        }
        lastDraft = before;
        PassFrame[] batch = IntStream.range(0, drafts.length).parallel()
                .mapToObj(k -> repeats[k] ? null : PassFrame.of(shot, shot.setup(drafts[k])))
                .toArray(PassFrame[]::new);
        for (int i = from; i < to; i++) {
            PassFrame frame = batch[i - from];
            if (frame == null || frame.sameMasks(last) && frame.samePose(last)) {
                frames[i] = frames[i - 1];
            } else if (kept < KEPT) {
                frames[i] = frame;
                kept++;
            }
            last = frame != null ? frame : last;
        }
        staged = to;
    }

    /** Stages {@code shot}'s frames as they are asked for. */
    static StagedFrames stage(PrevizShot shot) {
        return new StagedFrames(shot);
    }

    /**
     * Frame {@code i}, staged (again, past the frames kept); a held frame is the frame it holds,
     * the very object. Frames are asked for in order, as a take is drawn.
     */
    PassFrame frame(int i) {
        while (staged <= i) {
            stageBatch();
        }
        PassFrame f = frames[i];
        return f != null ? f : PassFrame.of(shot, shot.setup(i));
    }
}
