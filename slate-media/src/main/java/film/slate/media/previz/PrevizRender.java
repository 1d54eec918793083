package film.slate.media.previz;

import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Renders a take to video: the picture to a master and a proxy, and optionally the depth picture
 * to its own outputs. Frames are drawn on the calling thread while the encoders' writer threads
 * pipe the previous ones into FFmpeg, so drawing hides behind encoding.
 */
public final class PrevizRender {
    private PrevizRender() {
    }

    /** Renders every frame of {@code shot}; returns the frame count. */
    public static int encode(PrevizShot shot, Ffmpeg ffmpeg, EncodeTargets picture, Optional<EncodeTargets> depth,
            Optional<BurnIn> burnIn) {
        var f = shot.format();
        try (VideoEncoder pictures = VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.BGR24, picture,
                shot.frames());
                VideoEncoder depths = depth.map(d -> VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(),
                        PixelFormat.GRAY8, d, shot.frames())).orElse(null)) {
            HeldPictures held = new HeldPictures(shot);
            for (int i = 0; i < shot.frames(); i++) {
                FrameSetup frame = shot.setup(i);
                pictures.write(burnIn.isPresent() ? shot.picture(frame, burnIn.get()) : held.picture(frame));
                if (depths != null) {
                    depths.write(shot.depth(i));
                }
            }
        }
        return shot.frames();
    }

    /**
     * Renders the picture as {@link #encode(PrevizShot, Ffmpeg, EncodeTargets, Optional, Optional)}
     * does and, in the same frame loop, the first frame's masks and pose stills and the parts of the
     * pass {@code wanted} (the ID matte, the keypoints) into {@code passes} ({@link MaskAndPoseRender}):
     * each frame is staged once (the camera, the cast's faces in painting order) for the picture, the
     * owners and the skeletons.
     */
    public static MaskAndPoseRender.Passes encode(PrevizShot shot, Ffmpeg ffmpeg, EncodeTargets picture, Path passes,
            MaskAndPoseRender.Videos wanted) throws IOException {
        var f = shot.format();
        PassVideos videos = new PassVideos(shot, ffmpeg, passes, wanted, true);
        try (videos; VideoEncoder pictures = VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.BGR24,
                picture, shot.frames())) {
            HeldPictures held = new HeldPictures(shot);
            for (int i = 0; i < shot.frames(); i++) {
                FrameSetup frame = shot.setup(i);
                pictures.write(held.picture(frame));
                videos.write(frame);
            }
        }
        return videos.passes();
    }

    /** Renders the depth picture of every frame of {@code shot} alone, as the depth outputs above get it. */
    public static void depth(PrevizShot shot, Ffmpeg ffmpeg, EncodeTargets depth) {
        var f = shot.format();
        try (VideoEncoder depths = VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.GRAY8, depth,
                shot.frames())) {
            for (int i = 0; i < shot.frames(); i++) {
                depths.write(shot.depth(i));
            }
        }
    }
}
