package film.slate.media.previz;

import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.file.WholeFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conditioning passes of a take, drawn beside (not into) its previz: per character of the
 * scene a mask of the first frame (8-bit grey PNG, 255 where previz draws them) and of the whole
 * shot (FFV1 grey, lossless), and the OpenPose skeletons of the first frame (PNG) and of the whole
 * shot (FFV1). Only the videos asked for are written; {@link PrevizRender#encode(PrevizShot, Ffmpeg,
 * film.slate.media.ffmpeg.EncodeTargets, Path, Videos)} writes them in the previz render's own
 * frame loop.
 */
public final class MaskAndPoseRender {
    /** The files of one take's passes (a still or video not written is absent, or null). */
    public record Passes(Map<String, Path> maskStill, Map<String, Path> maskVideo, Path poseStill, Path poseVideo) {
        public Passes {
            maskStill = Map.copyOf(maskStill);
            maskVideo = Map.copyOf(maskVideo);
        }
    }

    /** Which pass videos to write: the mask videos of {@code masks} (characters of the scene), the pose video if {@code pose}. */
    public record Videos(Set<String> masks, boolean pose) {
        public Videos {
            masks = Set.copyOf(masks);
        }

        /** Every character's mask video and the pose video. */
        public static Videos all(PrevizShot shot) {
            return new Videos(Set.copyOf(shot.cast()), true);
        }
    }

    private MaskAndPoseRender() {
    }

    /** The first frame's masks and pose as PNGs in {@code dir}: {@code mask-N.png} (N the cast index), {@code pose.png}. */
    public static Passes stills(PrevizShot shot, Path dir) throws IOException {
        FrameSetup first = shot.setup(0);
        SubjectMasks masks = shot.masks(first);
        Map<String, Path> still = new LinkedHashMap<>();
        List<String> cast = shot.cast();
        for (int i = 0; i < cast.size(); i++) {
            Path p = dir.resolve("mask-" + i + ".png");
            WholeFile.png(p, masks.mask(cast.get(i)));
            still.put(cast.get(i), p);
        }
        Path pose = dir.resolve("pose.png");
        WholeFile.png(pose, shot.pose(first));
        return new Passes(still, Map.of(), pose, null);
    }

    /**
     * The stills, and every frame's masks and pose as lossless videos: {@code mask-N.mkv},
     * {@code pose.mkv}. A character's mask video is made only when they appear in some frame; one
     * who never does has none here, and takes the blank video every such shot shares.
     */
    public static Passes all(PrevizShot shot, Ffmpeg ffmpeg, Path dir) throws IOException {
        return render(shot, ffmpeg, dir, Videos.all(shot), true);
    }

    /** Only the videos {@code wanted}, no stills: what a take that binds those videos needs. */
    public static Passes videos(PrevizShot shot, Ffmpeg ffmpeg, Path dir, Videos wanted) throws IOException {
        return render(shot, ffmpeg, dir, wanted, false);
    }

    private static Passes render(PrevizShot shot, Ffmpeg ffmpeg, Path dir, Videos wanted, boolean stills)
            throws IOException {
        PassVideos passes = new PassVideos(shot, ffmpeg, dir, wanted, stills);
        try (passes) {
            for (int frame = 0; frame < shot.frames(); frame++) {
                passes.write(shot.setup(frame));
            }
        }
        return passes.passes();
    }
}
