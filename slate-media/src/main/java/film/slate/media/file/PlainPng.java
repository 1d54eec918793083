package film.slate.media.file;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A grey or BGR picture (a mask still, a pose still) as PNG, the very bytes ImageIO's PNG writer
 * makes of it (JDK 17:
 * IHDR, IDAT chunks of 32,768 bytes, IEND; rows unfiltered, as ImageIO leaves every picture
 * but a palette's; Deflater level 4, fed a row at a time as ImageIO feeds it), read straight from
 * the picture's bytes instead of a raster copied, widened to ints and narrowed back a row. WholeFileTest holds the bytes to ImageIO's on seeded
 * pictures; any other picture goes to ImageIO itself.
 */
final class PlainPng {
    /** ImageIO's PNG writer: its default compression, its IDAT chunk length, its deflate buffer. */
    private static final int LEVEL = 4;
    private static final int CHUNK = 32768;
    private static final int BUFFER = 512;
    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    private PlainPng() {
    }

    /** Whether {@code image} is a grey or BGR picture whose bytes are its pixels, row after row. */
    static boolean fits(BufferedImage image) {
        int bands = channels(image);
        return bands > 0 && image.getRaster().getDataBuffer() instanceof DataBufferByte data && data.getNumBanks() == 1
                && image.getRaster().getSampleModel() instanceof ComponentSampleModel m && m.getPixelStride() == bands
                && m.getScanlineStride() == bands * image.getWidth() && image.getRaster().getParent() == null
                && Arrays.equals(m.getBandOffsets(), bands == 1 ? new int[] {0} : new int[] {2, 1, 0})
                && data.getOffset() == 0 && data.getData().length == bands * image.getWidth() * image.getHeight();
    }

    /** Bytes a pixel: 1 grey, 3 BGR; 0 for any other kind of picture. */
    private static int channels(BufferedImage image) {
        return switch (image.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY -> 1;
            case BufferedImage.TYPE_3BYTE_BGR -> 3;
            default -> 0;
        };
    }

    /** Writes {@code image}, which {@link #fits}. */
    static void write(BufferedImage image, OutputStream out) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int bands = channels(image);
        out.write(SIGNATURE);
        // 8 bits a sample; colour type 0 grey, 2 RGB
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8)
                .put((byte) (bands == 1 ? 0 : 2))
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array(), 0, 13);
        byte[] compressed = rows(pixels, width, height, bands);
        for (int off = 0; off < compressed.length; off += CHUNK) {
            chunk(out, "IDAT", compressed, off, Math.min(CHUNK, compressed.length - off));
        }
        chunk(out, "IEND", new byte[0], 0, 0);
    }

    /**
     * The rows, deflated as ImageIO deflates them: each row's filter byte (0, none: ImageIO filters
     * only palette pictures), then the row (RGB for a BGR picture), each its own input.
     */
    private static byte[] rows(byte[] pixels, int width, int height, int bands) {
        Deflater deflater = new Deflater(LEVEL);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(pixels.length / 8 + 64);
        byte[] buffer = new byte[BUFFER];
        byte[] none = new byte[1];
        int stride = width * bands;
        byte[] rgb = bands == 3 ? new byte[stride] : null;
        try {
            for (int y = 0; y < height; y++) {
                deflate(deflater, none, 0, 1, buffer, compressed);
                if (rgb == null) {
                    deflate(deflater, pixels, y * stride, stride, buffer, compressed);
                } else {
                    for (int i = 0, at = y * stride; i < stride; i += 3, at += 3) {
                        rgb[i] = pixels[at + 2];
                        rgb[i + 1] = pixels[at + 1];
                        rgb[i + 2] = pixels[at];
                    }
                    deflate(deflater, rgb, 0, stride, buffer, compressed);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length));
            }
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    private static void deflate(Deflater deflater, byte[] input, int off, int len, byte[] buffer,
            ByteArrayOutputStream out) {
        deflater.setInput(input, off, len);
        while (!deflater.needsInput()) {
            out.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length));
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data, int off, int len) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, off, len);
        out.write(ByteBuffer.allocate(8).putInt(len).put(name).array());
        out.write(data, off, len);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
