package film.slate.media.previz;

import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PassVideoEncoder;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoEncoder;
import film.slate.media.file.WholeFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
    /** The frame the last masks were drawn from, and they: most frames repeat the one before. */
    private PassFrame lastMaskFrame;
    private SubjectMasks lastMasks;
    /** The frame the last pose picture (as palette indices) was drawn from, and it. */
    private PassFrame lastPoseFrame;
    private byte[] lastPose;

    /** Opens every video asked for, for frames written as they are staged. */
    PassVideos(PrevizShot shot, Ffmpeg ffmpeg, Path dir, MaskAndPoseRender.Videos wanted, boolean stills) {
        this(shot, ffmpeg, dir, wanted, stills, false);
    }

    /**
     * Opens every video asked for; with {@code wholeTake}, every frame of the shot will be written,
     * so the bound videos' encoder does not pipe a frame that holds the picture before.
     */
    PassVideos(PrevizShot shot, Ffmpeg ffmpeg, Path dir, MaskAndPoseRender.Videos wanted, boolean stills,
            boolean wholeTake) {
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
                : Optional.empty(), dir, wholeTake);
    }

    /** One encoder for the mask videos of {@code masks} (by matte number) and the pose video. */
    private static PassVideoEncoder open(Ffmpeg ffmpeg, PrevizShot shot, Map<String, Integer> masks,
            Optional<Path> pose, Path dir, boolean wholeTake) {
        Map<Integer, Path> videos = new LinkedHashMap<>();
        masks.forEach((who, id) -> videos.put(id, maskVideo(dir, id)));
        var f = shot.format();
        var shape = new PassVideoEncoder.Shape(f.width(), f.height(), f.fps());
        int[] palette = PoseDrawing.passPaletteRgb();
        return wholeTake ? PassVideoEncoder.open(ffmpeg, shape, videos, pose, palette, shot.frames())
                : PassVideoEncoder.open(ffmpeg, shape, videos, pose, palette);
    }

    /** The mask video of matte number {@code id} (1 + the cast index) in {@code dir}. */
    static Path maskVideo(Path dir, int id) {
        return dir.resolve("mask-" + (id - 1) + ".mov");
    }

    static Path poseVideo(Path dir) {
        return dir.resolve("pose.mov");
    }

    /**
     * Draws and queues {@code frame}'s passes (the stills too, on the first frame, when asked); its
     * skeletons are staged only when a pose is drawn or kept from it.
     */
    void write(FrameSetup frame) throws IOException {
        write(frame.index(), posed(frame.index()) ? PassFrame.of(shot, frame) : PassFrame.masksOf(frame));
    }

    /** Whether frame {@code index} gives a pose: to the keypoints, the pose video or, the first, the pose still. */
    private boolean posed(int index) {
        return keypoints != null || pose || stills && index == 0;
    }

    /**
     * Draws and queues the passes of frame {@code index}, staged as {@code frame} (which may be an
     * earlier frame with the same pictures: {@link StagedFrames#frame}).
     */
    void write(int index, PassFrame frame) throws IOException {
        boolean first = stills && index == 0;
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
        if (posed(index)) {
            int w = shot.format().width();
            int h = shot.format().height();
            if (first) {
                poseStill = dir.resolve("pose.png");
                WholeFile.png(poseStill, PoseDrawing.draw(frame.skeletons(), w, h));
            }
            if (keypoints != null) {
                keypoints.add(frame.skeletons());
            }
            if (pose) {
                poseIndices = poseIndices(frame, w, h);
            }
        }
        if (bound != null) {
            bound.write(owners == null ? null : owners.owners(), poseIndices);
        }
    }

    private SubjectMasks masks(PassFrame frame) {
        if (!frame.sameMasks(lastMaskFrame)) {
            lastMaskFrame = frame;
            lastMasks = shot.masks(frame.setup());
        }
        return lastMasks;
    }

    /** The pose picture's indices, the last frame's array when the skeletons are the same (the encoder only reads it). */
    private byte[] poseIndices(PassFrame frame, int width, int height) {
        if (!frame.samePose(lastPoseFrame)) {
            lastPoseFrame = frame;
            lastPose = PoseDrawing.drawIndexed(frame.skeletons(), width, height);
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
