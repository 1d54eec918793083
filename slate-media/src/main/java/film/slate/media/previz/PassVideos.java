package film.slate.media.previz;

import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoEncoder;
import film.slate.media.file.WholeFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A take's pass videos being written a frame at a time, inside whichever frame loop stages the
 * frames (the previz render's own, or one of their own): the mask videos of the characters asked
 * for, the pose video if asked, and, when asked, the first frame's stills from the same drawing.
 * One owner picture a frame serves every mask, split in one pass over its pixels. A character's
 * mask video is opened at their first appearance, after as many black frames; one who never
 * appears has none.
 */
final class PassVideos implements AutoCloseable {
    private final PrevizShot shot;
    private final Ffmpeg ffmpeg;
    private final Path dir;
    private final List<String> masks;
    private final boolean stills;
    private final BufferedImage blank;
    private final Map<String, VideoEncoder> maskEncoders = new LinkedHashMap<>();
    private final Map<String, Path> maskVideos = new LinkedHashMap<>();
    private final Map<String, Path> maskStills = new LinkedHashMap<>();
    private final VideoEncoder pose;
    private Path poseStill;

    /** Opens the pose video now when asked for; the mask videos open as their characters appear. */
    PassVideos(PrevizShot shot, Ffmpeg ffmpeg, Path dir, MaskAndPoseRender.Videos wanted, boolean stills) {
        this.shot = shot;
        this.ffmpeg = ffmpeg;
        this.dir = dir;
        this.masks = shot.cast().stream().filter(wanted.masks()::contains).toList();
        this.stills = stills;
        var f = shot.format();
        this.blank = SubjectMasks.blank(f.width(), f.height()); // the encoders only read it
        this.pose = wanted.pose() ? VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.BGR24,
                EncodeTargets.masterOnly(posePath())) : null;
    }

    /** Draws and queues {@code frame}'s passes (the stills too, on the first frame, when asked). */
    void write(FrameSetup frame) throws IOException {
        boolean first = stills && frame.index() == 0;
        if (!masks.isEmpty() || first) {
            SubjectMasks owners = shot.masks(frame);
            Map<String, BufferedImage> shown = owners.shown(first ? shot.cast() : masks);
            if (first) {
                List<String> cast = shot.cast();
                for (int i = 0; i < cast.size(); i++) {
                    Path p = dir.resolve("mask-" + i + ".png");
                    WholeFile.png(p, shown.getOrDefault(cast.get(i), blank));
                    maskStills.put(cast.get(i), p);
                }
            }
            for (String who : masks) {
                writeMask(frame.index(), who, shown.get(who));
            }
        }
        if (pose != null || first) {
            BufferedImage skeletons = shot.pose(frame);
            if (first) {
                poseStill = dir.resolve("pose.png");
                WholeFile.png(poseStill, skeletons);
            }
            if (pose != null) {
                pose.write(skeletons);
            }
        }
    }

    private void writeMask(int frame, String who, BufferedImage mask) {
        VideoEncoder e = maskEncoders.get(who);
        if (e == null && mask != null) {
            var f = shot.format();
            Path p = dir.resolve("mask-" + shot.cast().indexOf(who) + ".mkv");
            e = VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.GRAY8, EncodeTargets.masterOnly(p));
            maskEncoders.put(who, e);
            maskVideos.put(who, p);
            for (int before = 0; before < frame; before++) {
                e.write(blank);
            }
        }
        if (e != null) {
            e.write(mask != null ? mask : blank);
        }
    }

    private Path posePath() {
        return dir.resolve("pose.mkv");
    }

    /** The files written, once closed. */
    MaskAndPoseRender.Passes passes() {
        return new MaskAndPoseRender.Passes(maskStills, maskVideos, poseStill, pose != null ? posePath() : null);
    }

    /** Finishes every video (FFmpeg's failure on one is thrown after the others are finished). */
    @Override
    public void close() {
        List<VideoEncoder> all = new java.util.ArrayList<>(maskEncoders.values());
        if (pose != null) {
            all.add(pose);
        }
        RuntimeException failure = null;
        for (VideoEncoder e : all) {
            try {
                e.close();
            } catch (RuntimeException x) {
                if (failure == null) {
                    failure = x;
                } else {
                    failure.addSuppressed(x);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
