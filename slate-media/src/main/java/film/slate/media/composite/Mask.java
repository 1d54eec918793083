package film.slate.media.composite;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which pixels a fix may change: one bit a pixel, at the production's picture size. Stored as a
 * binary PGM of 0 and 255 ({@link #pgm()}), whose SHA-256 a fix recipe names; shown to a backend as
 * a PNG, white inside ({@link #image()}).
 */
public final class Mask {
    private final int width;
    private final int height;
    private final boolean[] inside;

    private Mask(int width, int height, boolean[] inside) {
        this.width = width;
        this.height = height;
        this.inside = inside;
    }

    /** The rectangle {@code x,y,w,h} of a {@code width} x {@code height} picture (clipped to it). */
    public static Mask region(int width, int height, int x, int y, int w, int h) {
        boolean[] in = new boolean[width * height];
        for (int row = Math.max(0, y); row < Math.min(height, y + h); row++) {
            Arrays.fill(in, row * width + Math.max(0, x), row * width + Math.min(width, x + w), true);
        }
        return new Mask(width, height, in);
    }

    /**
     * A mask drawn as an image: a pixel is inside when it is light (luma of 128 or more) and, where
     * the image has transparency, opaque (alpha of 128 or more).
     */
    public static Mask of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean[] in = new boolean[w * h];
        boolean alpha = image.getColorModel().hasAlpha();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                int luma = (299 * (argb >> 16 & 255) + 587 * (argb >> 8 & 255) + 114 * (argb & 255)) / 1000;
                in[y * w + x] = luma >= 128 && (!alpha || (argb >>> 24) >= 128);
            }
        }
        return new Mask(w, h, in);
    }

    /** A mask read back from its {@link #pgm()} bytes; empty when they are not such a file. */
    public static Optional<Mask> fromPgm(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 40), StandardCharsets.US_ASCII);
        String[] head = text.split("\\s+", 5);
        if (head.length < 5 || !head[0].equals("P5") || !head[3].equals("255")) {
            return Optional.empty();
        }
        int w = Integer.parseInt(head[1]);
        int h = Integer.parseInt(head[2]);
        int offset = header(w, h).length;
        if (bytes.length != offset + w * h) {
            return Optional.empty();
        }
        boolean[] in = new boolean[w * h];
        for (int i = 0; i < in.length; i++) {
            in[i] = bytes[offset + i] != 0;
        }
        return Optional.of(new Mask(w, h, in));
    }

    private static byte[] header(int w, int h) {
        return ("P5\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The canonical bytes: a binary PGM, 255 inside and 0 outside. The same mask always gives the same bytes. */
    public byte[] pgm() {
        byte[] head = header(width, height);
        byte[] out = Arrays.copyOf(head, head.length + inside.length);
        for (int i = 0; i < inside.length; i++) {
            out[head.length + i] = inside[i] ? (byte) 255 : 0;
        }
        return out;
    }

    /** The mask as a grey image, white inside: what a backend's {@code mask} file shows. */
    public BufferedImage image() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < inside.length; i++) {
            data[i] = inside[i] ? (byte) 255 : 0;
        }
        return img;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean inside(int x, int y) {
        return inside[y * width + x];
    }

    /** Pixels inside. */
    public int area() {
        int n = 0;
        for (boolean b : inside) {
            n += b ? 1 : 0;
        }
        return n;
    }

    public boolean isEmpty() {
        return area() == 0;
    }

    /** The smallest rectangle holding every pixel inside, or empty for an empty mask. */
    public Optional<Box> bounds() {
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (inside[y * width + x]) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? Optional.empty() : Optional.of(new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1));
    }

    /** A rectangle of pixels: its top-left corner, width and height. */
    public record Box(int x, int y, int w, int h) {
        /** {@code x,y,w,h}, as {@code --region} writes it. */
        @Override
        public String toString() {
            return x + "," + y + "," + w + "," + h;
        }
    }
}
