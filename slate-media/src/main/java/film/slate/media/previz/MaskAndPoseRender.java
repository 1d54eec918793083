package film.slate.media.previz;

import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoEncoder;
import film.slate.media.file.WholeFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conditioning passes of a take, drawn beside (not into) its previz: per character of the
 * scene a mask of the first frame (8-bit grey PNG, 255 where previz draws them) and of the whole
 * shot (FFV1 grey, lossless), and the OpenPose skeletons of the first frame (PNG) and of the whole
 * shot (FFV1). One owner picture per frame serves every character's mask.
 */
public final class MaskAndPoseRender {
    /** The files of one take's passes. */
    public record Passes(Map<String, Path> maskStill, Map<String, Path> maskVideo, Path poseStill, Path poseVideo) {
        public Passes {
            maskStill = Map.copyOf(maskStill);
            maskVideo = Map.copyOf(maskVideo);
        }
    }

    private MaskAndPoseRender() {
    }

    /** The first frame's masks and pose as PNGs in {@code dir}: {@code mask-N.png} (N the cast index), {@code pose.png}. */
    public static Passes stills(PrevizShot shot, Path dir) throws IOException {
        SubjectMasks masks = shot.masks(0);
        Map<String, Path> still = new LinkedHashMap<>();
        List<String> cast = shot.cast();
        for (int i = 0; i < cast.size(); i++) {
            Path p = dir.resolve("mask-" + i + ".png");
            WholeFile.png(p, masks.mask(cast.get(i)));
            still.put(cast.get(i), p);
        }
        Path pose = dir.resolve("pose.png");
        WholeFile.png(pose, shot.pose(0));
        return new Passes(still, Map.of(), pose, null);
    }

    /**
     * The stills, and every frame's masks and pose as lossless videos: {@code mask-N.mkv},
     * {@code pose.mkv}. A character's mask video is made only when they appear in some frame (an
     * encoder opened at their first appearance, after as many black frames); one who never does has
     * none here, and takes the blank video every such shot shares.
     */
    public static Passes all(PrevizShot shot, Ffmpeg ffmpeg, Path dir) throws IOException {
        Passes stills = stills(shot, dir);
        var f = shot.format();
        List<String> cast = shot.cast();
        Map<String, Path> videos = new LinkedHashMap<>();
        Map<String, VideoEncoder> masks = new LinkedHashMap<>();
        Path posePath = dir.resolve("pose.mkv");
        try (VideoEncoder pose = VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.BGR24,
                EncodeTargets.masterOnly(posePath))) {
            try {
                for (int frame = 0; frame < shot.frames(); frame++) {
                    SubjectMasks owners = shot.masks(frame);
                    for (int i = 0; i < cast.size(); i++) {
                        String who = cast.get(i);
                        VideoEncoder e = masks.get(who);
                        if (e == null && owners.shows(who)) {
                            Path p = dir.resolve("mask-" + i + ".mkv");
                            e = VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.GRAY8,
                                    EncodeTargets.masterOnly(p));
                            masks.put(who, e);
                            videos.put(who, p);
                            for (int before = 0; before < frame; before++) {
                                e.write(SubjectMasks.blank(f.width(), f.height()));
                            }
                        }
                        if (e != null) {
                            e.write(owners.mask(who));
                        }
                    }
                    pose.write(shot.pose(frame));
                }
            } finally {
                for (VideoEncoder e : masks.values()) {
                    e.close();
                }
            }
        }
        return new Passes(stills.maskStill(), videos, stills.poseStill(), posePath);
    }
}
