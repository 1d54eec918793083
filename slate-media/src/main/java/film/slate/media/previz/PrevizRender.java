package film.slate.media.previz;

import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoEncoder;
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
        try (VideoEncoder pictures = VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.BGR24, picture);
                VideoEncoder depths = depth.map(d -> VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(),
                        PixelFormat.GRAY8, d)).orElse(null)) {
            for (int i = 0; i < shot.frames(); i++) {
                pictures.write(burnIn.isPresent() ? shot.picture(i, burnIn.get()) : shot.picture(i));
                if (depths != null) {
                    depths.write(shot.depth(i));
                }
            }
        }
        return shot.frames();
    }

    /** Renders the depth picture of every frame of {@code shot} alone, as the depth outputs above get it. */
    public static void depth(PrevizShot shot, Ffmpeg ffmpeg, EncodeTargets depth) {
        var f = shot.format();
        try (VideoEncoder depths = VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.GRAY8, depth)) {
            for (int i = 0; i < shot.frames(); i++) {
                depths.write(shot.depth(i));
            }
        }
    }
}
