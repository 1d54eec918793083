package film.slate.media.composite;

import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One frame of a take's later version with the pixels that differ from the earlier one tinted red,
 * and the rest dimmed to grey, so a reviewer sees at a glance where a fix reached (the pixels are
 * compared exactly, as {@link PixelDiff} compares them).
 */
public final class ChangedPixels {
    private ChangedPixels() {
    }

    /** Frame {@code frame} (from 0) of {@code b}, its pixels that differ from {@code a}'s tinted. */
    public static BufferedImage of(Ffmpeg ffmpeg, Path a, Path b, int frame) {
        try (VideoDecoder da = VideoDecoder.open(ffmpeg, a, PixelFormat.BGR24);
                VideoDecoder db = VideoDecoder.open(ffmpeg, b, PixelFormat.BGR24)) {
            if (da.width() != db.width() || da.height() != db.height()) {
                throw new IllegalArgumentException("the takes differ in size: " + da.width() + "x" + da.height() + " and "
                        + db.width() + "x" + db.height());
            }
            BufferedImage fa = at(da, frame);
            BufferedImage fb = at(db, frame);
            return tint(bytes(fa), bytes(fb), db.width(), db.height());
        }
    }

    /** The picture: changed pixels half red, unchanged ones at a third of their grey. */
    static BufferedImage tint(byte[] pa, byte[] pb, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] po = bytes(out);
        for (int i = 0; i < pb.length; i += 3) {
            boolean changed = pa[i] != pb[i] || pa[i + 1] != pb[i + 1] || pa[i + 2] != pb[i + 2];
            int grey = ((pb[i] & 255) + (pb[i + 1] & 255) + (pb[i + 2] & 255)) / 3;
            if (changed) {
                po[i] = (byte) (grey / 2);
                po[i + 1] = (byte) (grey / 2);
                po[i + 2] = (byte) (128 + grey / 2);
            } else {
                po[i] = (byte) (grey / 3);
                po[i + 1] = (byte) (grey / 3);
                po[i + 2] = (byte) (grey / 3);
            }
        }
        return out;
    }

    /** Whether a pixel of a tinted picture marks a change: red clearly above green and blue. */
    public static boolean marked(int rgb) {
        int r = (rgb >> 16) & 255;
        int g = (rgb >> 8) & 255;
        return r >= 128 && r - g >= 64;
    }

    private static BufferedImage at(VideoDecoder d, int frame) {
        Optional<BufferedImage> f = Optional.empty();
        for (int i = 0; i <= frame; i++) {
            f = d.next();
            if (f.isEmpty()) {
                throw new IllegalArgumentException("the take has " + i + " frames, so there is no frame " + frame);
            }
        }
        return f.orElseThrow();
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
