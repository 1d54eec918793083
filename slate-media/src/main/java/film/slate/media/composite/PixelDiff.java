package film.slate.media.composite;

import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pixel difference of two takes of one shot, decoded: per frame the box of changed pixels and
 * their count; the PSNR inside a region (a fix's mask); and whether any pixel outside it changed.
 */
public final class PixelDiff {
    private PixelDiff() {
    }

    /** One frame that differs: its number, the box of changed pixels, how many changed (outside the region too). */
    public record Frame(int frame, Mask.Box changed, int pixels, int outside) {
    }

    /**
     * The whole difference.
     *
     * @param frames frames compared (the shorter video's length)
     * @param lengthsDiffer whether one video has frames the other lacks
     * @param changed the frames that differ, in order
     * @param psnrInside PSNR in dB of the region's pixels over the compared frames (infinite when equal); empty without a region
     * @param outsideChanged pixels outside the region that differ (all changed pixels without a region)
     */
    public record Result(int frames, boolean lengthsDiffer, List<Frame> changed, Optional<Double> psnrInside,
            long outsideChanged) {
        public Result {
            changed = List.copyOf(changed);
        }

        public long pixels() {
            return changed.stream().mapToLong(Frame::pixels).sum();
        }

        /** Nothing changed outside the region (and the lengths agree). */
        public boolean outsideUntouched() {
            return outsideChanged == 0 && !lengthsDiffer;
        }
    }

    /** Where changes are expected: a pixel of a frame. */
    public interface Region {
        boolean inside(int frame, int x, int y);
    }

    /** A mask over frames {@code first..last} (inclusive). */
    public static Region of(Mask mask, int first, int last) {
        return (f, x, y) -> f >= first && f <= last && mask.inside(x, y);
    }

    /**
     * Compares {@code a} and {@code b} frame by frame; {@code region} is where changes are expected,
     * if anywhere: the PSNR is measured there.
     */
    public static Result of(Ffmpeg ffmpeg, Path a, Path b, Optional<Region> region) {
        List<Frame> changed = new ArrayList<>();
        Squares inside = new Squares();
        long outside = 0;
        int n = 0;
        boolean lengthsDiffer;
        try (VideoDecoder da = VideoDecoder.open(ffmpeg, a, PixelFormat.BGR24);
                VideoDecoder db = VideoDecoder.open(ffmpeg, b, PixelFormat.BGR24)) {
            if (da.width() != db.width() || da.height() != db.height()) {
                throw new IllegalArgumentException("the takes differ in size: " + da.width() + "x" + da.height() + " and "
                        + db.width() + "x" + db.height());
            }
            while (true) {
                Optional<BufferedImage> fa = da.next();
                Optional<BufferedImage> fb = db.next();
                if (fa.isEmpty() || fb.isEmpty()) {
                    lengthsDiffer = fa.isPresent() || fb.isPresent();
                    break;
                }
                Optional<Frame> f = frame(n, bytes(fa.get()), bytes(fb.get()), da.width(), region, inside);
                f.ifPresent(changed::add);
                outside += f.map(Frame::outside).orElse(0);
                n++;
            }
        }
        Optional<Double> psnr = region.isEmpty() || inside.samples == 0 ? Optional.empty()
                : Optional.of(inside.sum == 0 ? Double.POSITIVE_INFINITY
                        : 10 * Math.log10(255.0 * 255.0 / (inside.sum / inside.samples)));
        return new Result(n, lengthsDiffer, changed, psnr, outside);
    }

    /** Squared differences inside the region, summed over frames. */
    private static final class Squares {
        double sum;
        long samples;
    }

    /** Frame {@code n} compared: empty when no pixel differs. */
    private static Optional<Frame> frame(int n, byte[] pa, byte[] pb, int w, Optional<Region> region, Squares inside) {
        int x0 = w;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        int count = 0;
        int out = 0;
        for (int p = 0; p < pa.length / 3; p++) {
            int x = p % w;
            int y = p / w;
            boolean in = region.isPresent() && region.get().inside(n, x, y);
            int i = p * 3;
            if (in) {
                for (int c = i; c < i + 3; c++) {
                    int d = (pa[c] & 255) - (pb[c] & 255);
                    inside.sum += d * d;
                }
                inside.samples += 3;
            }
            if (pa[i] != pb[i] || pa[i + 1] != pb[i + 1] || pa[i + 2] != pb[i + 2]) {
                count++;
                out += in ? 0 : 1;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
            }
        }
        return count == 0 ? Optional.empty()
                : Optional.of(new Frame(n, new Mask.Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1), count, out));
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
