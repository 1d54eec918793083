package film.slate.media.composite;

import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import film.slate.media.ffmpeg.VideoEncoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A fix's new take: the parent's master decoded frame by frame; inside the frame range, the
 * backend's frame of the same number laid over it through the {@link Alpha}; everything else the
 * parent's decoded bytes as they came. Written as every take is (FFV1 master, H.264 proxy). The
 * time spent laying frames over (the composite step proper) is measured apart from FFmpeg's.
 */
public final class TakeComposite {
    private TakeComposite() {
    }

    /** What a composite did: frames written, frames laid over, and nanoseconds spent laying them. */
    public record Report(int frames, int changed, long compositeNanos) {
    }

    /**
     * Composites {@code backend} into {@code parent} for frames {@code first..last} (inclusive).
     * A backend video shorter than the range holds its last frame.
     *
     * @throws FfmpegException when a video cannot be decoded or the outputs cannot be encoded
     */
    public static Report run(Ffmpeg ffmpeg, Path parent, Path backend, Alpha alpha, int first, int last, int fps,
            EncodeTargets out) {
        int frames = 0;
        int changed = 0;
        long nanos = 0;
        try (VideoDecoder p = VideoDecoder.open(ffmpeg, parent, PixelFormat.BGR24);
                VideoDecoder b = VideoDecoder.open(ffmpeg, backend, PixelFormat.BGR24)) {
            if (p.width() != alpha.width() || p.height() != alpha.height() || b.width() != p.width()
                    || b.height() != p.height()) {
                throw new FfmpegException("the parent (" + p.width() + "x" + p.height() + "), the backend's video ("
                        + b.width() + "x" + b.height() + ") and the mask (" + alpha.width() + "x" + alpha.height()
                        + ") differ in size");
            }
            VideoEncoder enc = VideoEncoder.open(ffmpeg, p.width(), p.height(), fps, PixelFormat.BGR24, out);
            try {
                BufferedImage held = null;
                for (Optional<BufferedImage> f = p.next(); f.isPresent(); f = p.next(), frames++) {
                    BufferedImage frame = f.get();
                    if (frames <= last) {
                        Optional<BufferedImage> over = b.next();
                        held = over.orElse(held);
                    }
                    if (frames >= first && frames <= last && held != null) {
                        long t0 = System.nanoTime();
                        lay(bytes(held), bytes(frame), alpha);
                        nanos += System.nanoTime() - t0;
                        changed++;
                    }
                    enc.write(frame);
                }
            } catch (RuntimeException e) {
                enc.abort();
                throw e;
            }
            enc.close();
        }
        return new Report(frames, changed, nanos);
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    /**
     * Lays {@code over} onto {@code under} (both BGR24 of the alpha's size) inside the alpha's box:
     * alpha 255 takes the backend's bytes, 0 keeps the parent's, between blends with rounding.
     */
    public static void lay(byte[] over, byte[] under, Alpha alpha) {
        Mask.Box box = alpha.box();
        int w = alpha.width();
        for (int y = box.y(); y < box.y() + box.h(); y++) {
            for (int x = box.x(); x < box.x() + box.w(); x++) {
                int a = alpha.at(x, y);
                if (a == 0) {
                    continue;
                }
                int i = (y * w + x) * 3;
                if (a == 255) {
                    under[i] = over[i];
                    under[i + 1] = over[i + 1];
                    under[i + 2] = over[i + 2];
                } else {
                    for (int c = i; c < i + 3; c++) {
                        under[c] = (byte) (((under[c] & 255) * (255 - a) + (over[c] & 255) * a + 127) / 255);
                    }
                }
            }
        }
    }
}
