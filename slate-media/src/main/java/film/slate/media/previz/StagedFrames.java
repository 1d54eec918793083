package film.slate.media.previz;

import film.slate.media.ffmpeg.PassVideoEncoder;
import java.awt.geom.Point2D;
import java.util.List;
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
    private Drafted lastDraft;
    private int kept;

    private StagedFrames(PrevizShot shot) {
        this.shot = shot;
        this.frames = new PassFrame[shot.frames()];
    }

    /**
     * Stages the next batch of frames: each drafted with its skeletons, on every core; a frame whose
     * draft and skeletons are those of the frame before holds it without being put in painting order
     * (the costliest part of staging); the others are ordered, on every core, and held when their
     * masks and pose are those of the frame before all the same.
     */
    private void stageBatch() {
        int from = staged;
        int to = Math.min(frames.length, from + BATCH);
        Drafted[] drafts = IntStream.range(from, to).parallel().mapToObj(i -> {
            PrevizShot.Draft d = shot.draft(i);
            return new Drafted(d, shot.skeletons(d));
        }).toArray(Drafted[]::new);
        boolean[] repeats = new boolean[drafts.length];
        Drafted before = lastDraft;
        for (int k = 0; k < drafts.length; k++) {
            repeats[k] = drafts[k].repeats(before);
            before = drafts[k];
        }
        lastDraft = before;
        PassFrame[] batch = IntStream.range(0, drafts.length).parallel()
                .mapToObj(k -> repeats[k] ? null : PassFrame.of(shot, drafts[k].draft(), drafts[k].skeletons()))
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

    /** A frame drafted, with its skeletons. */
    private record Drafted(PrevizShot.Draft draft, List<Point2D.Double[]> skeletons) {
        /** Whether this frame is {@code before} again: the same draft (so the same setup) and the same skeletons. */
        boolean repeats(Drafted before) {
            return before != null && draft.sameAs(before.draft) && PassFrame.sameSkeletons(skeletons, before.skeletons);
        }
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
