package film.slate.media.previz;

import film.slate.core.model.VideoFormat;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PassVideoEncoder;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The conditioning passes of a take, drawn beside (not into) its previz. A frame's pass is who
 * previz draws at each pixel and where each figure's joints are. Kept whole for a shot: per
 * character of the scene a mask of the first frame (8-bit grey PNG, 255 where previz draws them);
 * every frame's masks at once as an <em>ID matte</em> (one lossless FFV1 grey video whose pixel is
 * its owner's number: 0 for the set, 1 + the character's place in the cast, as VFX pipelines keep
 * object ids); the OpenPose skeletons of the first frame (PNG) and every frame's keypoints
 * ({@link PoseKeypoints}). The files a backend binds, a character's mask video and the pose video
 * (lossless QuickTime Animation {@code .mov}s, all of a take's from one FFmpeg, {@link PassVideoEncoder}), are made from a kept pass ({@link #maskVideo}, {@link #poseVideo}) or, for a take drawing its
 * own, straight from each frame's pass in the same loop ({@link Videos#bound}): the same bytes
 * either way. Keeping the pass costs one grey stream a shot instead of one a character and no
 * full-colour stream; a take that needs the files themselves is cheaper without the matte in
 * between (bench/RESULTS.md, issue 12). {@link PrevizRender#encode(PrevizShot, Ffmpeg,
 * film.slate.media.ffmpeg.EncodeTargets, Path, Videos)} writes passes in the previz render's own loop.
 */
public final class MaskAndPoseRender {
    /**
     * The files of one take's passes (a still or video not written is absent, or null), with the
     * cast the matte numbers and the format its frames have.
     */
    public record Passes(List<String> cast, VideoFormat format, Map<String, Path> maskStill,
            Map<String, Path> maskVideo, Path matte, Path poseStill, Path poseVideo, Path keypoints) {
        public Passes {
            cast = List.copyOf(cast);
            maskStill = Map.copyOf(maskStill);
            maskVideo = Map.copyOf(maskVideo);
        }
    }

    /**
     * What a frame loop writes besides the stills: the whole pass kept ({@code matte}: the ID matte
     * video, {@code keypoints}: the pose keypoints), and the bound files made straight away
     * ({@code masks}: those characters' mask videos, {@code pose}: the pose video).
     */
    public record Videos(boolean matte, boolean keypoints, Set<String> masks, boolean pose) {
        public Videos {
            masks = Set.copyOf(masks);
        }

        /** The whole pass: the ID matte and the keypoints. */
        public static Videos all() {
            return new Videos(true, true, Set.of(), false);
        }

        /** The mask videos of {@code masks} and, if {@code pose}, the pose video: what a take that binds them gets. */
        public static Videos bound(Set<String> masks, boolean pose) {
            return new Videos(false, false, masks, pose);
        }
    }

    private MaskAndPoseRender() {
    }

    /** The first frame's masks and pose as PNGs in {@code dir}: {@code mask-N.png} (N the cast index), {@code pose.png}. */
    public static Passes stills(PrevizShot shot, Path dir) throws IOException {
        FrameSetup first = shot.setup(0);
        PassVideos passes = new PassVideos(shot, null, dir, new Videos(false, false, Set.of(), false), true);
        try (passes) {
            passes.write(first);
        }
        return passes.passes();
    }

    /** The whole pass in {@code dir}: the stills, the ID matte {@code matte.mkv} and the keypoints {@code pose.json}. */
    public static Passes all(PrevizShot shot, Ffmpeg ffmpeg, Path dir) throws IOException {
        return render(shot, ffmpeg, dir, Videos.all());
    }

    /**
     * The stills and the videos {@code wanted}, in one frame loop: {@code mask-N.mov} (N the cast
     * index; a character outside the cast has none), {@code pose.mov}, {@code matte.mkv}, {@code pose.json}.
     */
    public static Passes render(PrevizShot shot, Ffmpeg ffmpeg, Path dir, Videos wanted) throws IOException {
        // Staged a batch ahead while FFmpeg encodes: a held frame is the frame before, which the bound videos do not pipe.
        StagedFrames frames = StagedFrames.stage(shot);
        PassVideos passes = new PassVideos(shot, ffmpeg, dir, wanted, true, true);
        try (passes) {
            for (int frame = 0; frame < shot.frames(); frame++) {
                passes.write(frame, frames.frame(frame));
            }
        }
        return passes.passes();
    }

    /**
     * {@code character}'s mask video split from the pass's ID matte into {@code out} (a {@code .mov}):
     * every frame 255 where previz draws them, 0 elsewhere, lossless, the very file a take that binds
     * it draws straight away ({@link PassVideoEncoder}).
     *
     * @return empty when the character is not in the pass's cast (no matte number)
     */
    public static Optional<Path> maskVideo(Passes passes, Ffmpeg ffmpeg, String character, Path out) {
        int id = passes.cast().indexOf(character) + 1;
        if (id == 0 || passes.matte() == null) {
            return Optional.empty();
        }
        try (VideoDecoder matte = VideoDecoder.open(ffmpeg, passes.matte(), PixelFormat.GRAY8);
                PassVideoEncoder masks = PassVideoEncoder.open(ffmpeg, shape(passes), Map.of(id, out), Optional.empty(),
                        palette())) {
            for (Optional<BufferedImage> frame = matte.next(); frame.isPresent(); frame = matte.next()) {
                masks.write(((DataBufferByte) frame.get().getRaster().getDataBuffer()).getData(), null);
            }
        }
        return Optional.of(out);
    }

    /** The pose video drawn from the pass's keypoints into {@code out} (a {@code .mov}): the pictures {@link PrevizShot#pose(int)} draws, lossless. */
    public static Path poseVideo(Passes passes, Ffmpeg ffmpeg, Path out) throws IOException {
        if (passes.keypoints() == null) {
            throw new IllegalArgumentException("this pass was drawn without its keypoints");
        }
        PoseKeypoints keypoints = PoseKeypoints.read(passes.keypoints());
        try (PassVideoEncoder poses = PassVideoEncoder.open(ffmpeg, shape(passes), Map.of(), Optional.of(out),
                palette())) {
            for (int i = 0; i < keypoints.frames(); i++) {
                poses.write(null, keypoints.indices(i));
            }
        }
        return out;
    }

    /** The palette of the pose pictures the pass videos are sent ({@link PassVideoEncoder}). */
    public static int[] palette() {
        return PoseDrawing.passPaletteRgb();
    }

    private static PassVideoEncoder.Shape shape(Passes passes) {
        VideoFormat f = passes.format();
        return new PassVideoEncoder.Shape(f.width(), f.height(), f.fps());
    }
}
