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
 * A take's passes being written a frame at a time, inside whichever frame loop stages the frames
 * (the previz render's own, or one of their own): every character's mask at once as the ID matte
 * video when asked, the pose keypoints when asked, and, when asked, the first frame's stills from
 * the same drawing. The per-character mask videos and the pose video are made from these only when
 * a take binds them ({@link MaskAndPoseRender#maskVideo}, {@link MaskAndPoseRender#poseVideo}).
 */
final class PassVideos implements AutoCloseable {
    private final PrevizShot shot;
    private final Path dir;
    private final boolean stills;
    private final VideoEncoder matte;
    private final PoseKeypoints keypoints;
    private final Map<String, Path> maskStills = new LinkedHashMap<>();
    private Path poseStill;
    private boolean closed;

    /** Opens the ID matte video now when masks are asked for. */
    PassVideos(PrevizShot shot, Ffmpeg ffmpeg, Path dir, MaskAndPoseRender.Videos wanted, boolean stills) {
        this.shot = shot;
        this.dir = dir;
        this.stills = stills;
        var f = shot.format();
        this.matte = wanted.masks() ? VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.GRAY8,
                EncodeTargets.masterOnly(mattePath())) : null;
        this.keypoints = wanted.pose() ? new PoseKeypoints(f.width(), f.height()) : null;
    }

    /** Draws and queues {@code frame}'s passes (the stills too, on the first frame, when asked). */
    void write(FrameSetup frame) throws IOException {
        boolean first = stills && frame.index() == 0;
        if (matte != null || first) {
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
        }
        if (keypoints != null || first) {
            var skeletons = shot.skeletons(frame);
            if (first) {
                poseStill = dir.resolve("pose.png");
                WholeFile.png(poseStill, PoseDrawing.draw(skeletons, shot.format().width(), shot.format().height()));
            }
            if (keypoints != null) {
                keypoints.add(skeletons);
            }
        }
    }

    private Path mattePath() {
        return dir.resolve("matte.mkv");
    }

    private Path keypointsPath() {
        return dir.resolve("pose.json");
    }

    /** The files written, once closed. */
    MaskAndPoseRender.Passes passes() {
        return new MaskAndPoseRender.Passes(shot.cast(), shot.format(), maskStills, matte != null ? mattePath() : null,
                poseStill, keypoints != null ? keypointsPath() : null);
    }

    /** Finishes the matte (FFmpeg's failure is thrown) and writes the keypoints. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (matte != null) {
            matte.close();
        }
        if (keypoints != null) {
            keypoints.write(keypointsPath());
        }
    }
}
