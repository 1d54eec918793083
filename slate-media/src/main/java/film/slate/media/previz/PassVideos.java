package film.slate.media.previz;

import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoEncoder;
import film.slate.media.file.WholeFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A take's passes being written a frame at a time, inside whichever frame loop stages the frames
 * (the previz render's own, or one of their own). Each frame's pass is its owner picture and its
 * skeletons; from them, as {@link MaskAndPoseRender.Videos} asks: the whole pass kept (every mask
 * at once as the ID matte video, the keypoints), the mask videos of some characters and the pose
 * video made straight away (what a take that binds them needs, without the matte in between),
 * and the first frame's stills.
 */
final class PassVideos implements AutoCloseable {
    private final PrevizShot shot;
    private final Path dir;
    private final boolean stills;
    private final VideoEncoder matte;
    private final PoseKeypoints keypoints;
    private final Map<String, VideoEncoder> masks = new LinkedHashMap<>();
    private final VideoEncoder pose;
    private final Map<String, Path> maskStills = new LinkedHashMap<>();
    private Path poseStill;
    private boolean closed;

    /** Opens every video asked for. */
    PassVideos(PrevizShot shot, Ffmpeg ffmpeg, Path dir, MaskAndPoseRender.Videos wanted, boolean stills) {
        this.shot = shot;
        this.dir = dir;
        this.stills = stills;
        var f = shot.format();
        this.matte = wanted.matte() ? VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.GRAY8,
                EncodeTargets.masterOnly(dir.resolve("matte.mkv"))) : null;
        this.keypoints = wanted.keypoints() ? new PoseKeypoints(f.width(), f.height()) : null;
        for (String who : shot.cast()) {
            if (wanted.masks().contains(who)) {
                masks.put(who, VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.GRAY8,
                        EncodeTargets.masterOnly(maskVideo(who))));
            }
        }
        this.pose = wanted.pose() ? VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.BGR24,
                EncodeTargets.masterOnly(dir.resolve("pose.mkv"))) : null;
    }

    /** Draws and queues {@code frame}'s passes (the stills too, on the first frame, when asked). */
    void write(FrameSetup frame) throws IOException {
        boolean first = stills && frame.index() == 0;
        if (matte != null || !masks.isEmpty() || first) {
            SubjectMasks owners = shot.masks(frame);
            if (first) {
                List<String> cast = shot.cast();
                for (int i = 0; i < cast.size(); i++) {
                    Path p = dir.resolve("mask-" + i + ".png");
                    WholeFile.png(p, owners.mask(cast.get(i)));
                    maskStills.put(cast.get(i), p);
                }
            }
            if (matte != null) {
                matte.write(owners.matte());
            }
            masks.forEach((who, video) -> video.write(owners.mask(who)));
        }
        if (keypoints != null || pose != null || first) {
            var skeletons = shot.skeletons(frame);
            var picture = first || pose != null
                    ? PoseDrawing.draw(skeletons, shot.format().width(), shot.format().height()) : null;
            if (first) {
                poseStill = dir.resolve("pose.png");
                WholeFile.png(poseStill, picture);
            }
            if (keypoints != null) {
                keypoints.add(skeletons);
            }
            if (pose != null) {
                pose.write(picture);
            }
        }
    }

    private Path maskVideo(String who) {
        return dir.resolve("mask-" + shot.cast().indexOf(who) + ".mkv");
    }

    /** The files written, once closed. */
    MaskAndPoseRender.Passes passes() {
        Map<String, Path> videos = new LinkedHashMap<>();
        masks.keySet().forEach(who -> videos.put(who, maskVideo(who)));
        return new MaskAndPoseRender.Passes(shot.cast(), shot.format(), maskStills, videos,
                matte != null ? dir.resolve("matte.mkv") : null, poseStill,
                pose != null ? dir.resolve("pose.mkv") : null, keypoints != null ? dir.resolve("pose.json") : null);
    }

    /** Finishes every video (FFmpeg's failure on one is thrown after the others are finished), then writes the keypoints. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        List<VideoEncoder> all = new ArrayList<>(masks.values());
        for (VideoEncoder e : new VideoEncoder[] {matte, pose}) {
            if (e != null) {
                all.add(e);
            }
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
        if (keypoints != null) {
            keypoints.write(dir.resolve("pose.json"));
        }
    }
}
