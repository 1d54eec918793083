package film.slate.media.previz;

import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PassVideoEncoder;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoEncoder;
import film.slate.media.file.WholeFile;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Vec3;
import java.awt.geom.Point2D;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A take's passes being written a frame at a time, inside whichever frame loop stages the frames
 * (the previz render's own, or one of their own). Each frame's pass is its owner picture and its
 * skeletons; from them, as {@link MaskAndPoseRender.Videos} asks: the whole pass kept (every mask
 * at once as the ID matte video, the keypoints), the mask videos of some characters and the pose
 * video made straight away (what a take that binds them needs, without the matte in between:
 * one {@link PassVideoEncoder} for all of them), and the first frame's stills.
 */
final class PassVideos implements AutoCloseable {
    private final PrevizShot shot;
    private final Path dir;
    private final boolean stills;
    private final VideoEncoder matte;
    private final PoseKeypoints keypoints;
    /** The characters whose mask videos are made, by their matte number. */
    private final Map<String, Integer> masks = new LinkedHashMap<>();
    private final boolean pose;
    private final PassVideoEncoder bound;
    private final Map<String, Path> maskStills = new LinkedHashMap<>();
    private Path poseStill;
    private boolean closed;
    /** The last frame's masks and what they were drawn from: most frames repeat the one before. */
    private MaskSource lastSource;
    private SubjectMasks lastMasks;
    /** The last frame's skeletons and their picture as palette indices. */
    private List<Point2D.Double[]> lastSkeletons;
    private byte[] lastPose;

    /**
     * What a frame's owner picture is drawn from: the camera (the picture plane follows it) and
     * each face's corners and owner, in painting order. Two frames with the same source have the
     * same masks (a still camera on a still cast: two frames in three of the example).
     */
    private record MaskSource(CameraPose camera, List<List<Vec3>> corners, List<String> owners) {
        static MaskSource of(FrameSetup frame) {
            List<List<Vec3>> corners = new ArrayList<>(frame.cast().size());
            List<String> owners = new ArrayList<>(frame.cast().size());
            for (Face f : frame.cast()) {
                corners.add(f.corners());
                owners.add(f.owner());
            }
            return new MaskSource(frame.camera(), corners, owners);
        }
    }

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
                masks.put(who, shot.cast().indexOf(who) + 1);
            }
        }
        this.pose = wanted.pose();
        this.bound = masks.isEmpty() && !pose ? null : open(ffmpeg, shot, masks, pose ? Optional.of(poseVideo(dir))
                : Optional.empty(), dir);
    }

    /** One encoder for the mask videos of {@code masks} (by matte number) and the pose video. */
    static PassVideoEncoder open(Ffmpeg ffmpeg, PrevizShot shot, Map<String, Integer> masks, Optional<Path> pose,
            Path dir) {
        Map<Integer, Path> videos = new LinkedHashMap<>();
        masks.forEach((who, id) -> videos.put(id, maskVideo(dir, id)));
        var f = shot.format();
        return PassVideoEncoder.open(ffmpeg, new PassVideoEncoder.Shape(f.width(), f.height(), f.fps()), videos, pose,
                PoseDrawing.passPaletteRgb());
    }

    /** The mask video of matte number {@code id} (1 + the cast index) in {@code dir}. */
    static Path maskVideo(Path dir, int id) {
        return dir.resolve("mask-" + (id - 1) + ".mov");
    }

    static Path poseVideo(Path dir) {
        return dir.resolve("pose.mov");
    }

    /** Draws and queues {@code frame}'s passes (the stills too, on the first frame, when asked). */
    void write(FrameSetup frame) throws IOException {
        boolean first = stills && frame.index() == 0;
        SubjectMasks owners = null;
        if (matte != null || !masks.isEmpty() || first) {
            owners = masks(frame);
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
        byte[] poseIndices = null;
        if (keypoints != null || pose || first) {
            var skeletons = shot.skeletons(frame);
            int w = shot.format().width();
            int h = shot.format().height();
            if (first) {
                poseStill = dir.resolve("pose.png");
                WholeFile.png(poseStill, PoseDrawing.draw(skeletons, w, h));
            }
            if (keypoints != null) {
                keypoints.add(skeletons);
            }
            if (pose) {
                poseIndices = poseIndices(skeletons, w, h);
            }
        }
        if (bound != null) {
            bound.write(owners == null ? null : ((DataBufferByte) owners.matte().getRaster().getDataBuffer()).getData(),
                    poseIndices);
        }
    }

    private SubjectMasks masks(FrameSetup frame) {
        MaskSource source = MaskSource.of(frame);
        if (!source.equals(lastSource)) {
            lastSource = source;
            lastMasks = shot.masks(frame);
        }
        return lastMasks;
    }

    /** The pose picture's indices, the last frame's array when the skeletons are the same (the encoder only reads it). */
    private byte[] poseIndices(List<Point2D.Double[]> skeletons, int width, int height) {
        boolean same = lastSkeletons != null && lastSkeletons.size() == skeletons.size();
        for (int i = 0; same && i < skeletons.size(); i++) {
            same = Arrays.equals(lastSkeletons.get(i), skeletons.get(i));
        }
        if (!same) {
            lastSkeletons = skeletons;
            lastPose = PoseDrawing.drawIndexed(skeletons, width, height);
        }
        return lastPose;
    }

    /** The files written, once closed. */
    MaskAndPoseRender.Passes passes() {
        Map<String, Path> videos = new LinkedHashMap<>();
        masks.forEach((who, id) -> videos.put(who, maskVideo(dir, id)));
        return new MaskAndPoseRender.Passes(shot.cast(), shot.format(), maskStills, videos,
                matte != null ? dir.resolve("matte.mkv") : null, poseStill,
                pose ? poseVideo(dir) : null, keypoints != null ? dir.resolve("pose.json") : null);
    }

    /** Finishes every video (FFmpeg's failure on one is thrown after the others are finished), then writes the keypoints. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        List<Runnable> finishes = new ArrayList<>();
        if (matte != null) {
            finishes.add(matte::close);
        }
        if (bound != null) {
            finishes.add(bound::close);
        }
        for (Runnable finish : finishes) {
            try {
                finish.run();
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
