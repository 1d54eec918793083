package film.slate.media.file;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A grey picture (a mask still) as PNG, the very bytes ImageIO's PNG writer makes of it (JDK 17:
 * IHDR, IDAT chunks of 32,768 bytes, IEND; rows unfiltered, as ImageIO leaves every picture
 * but a palette's; Deflater level 4, fed a row at a time as ImageIO feeds it), read straight from
 * the picture's bytes instead of a raster copied, widened to ints and narrowed back a row. WholeFileTest holds the bytes to ImageIO's on seeded
 * pictures; any other picture goes to ImageIO itself.
 */
final class GreyPng {
    /** ImageIO's PNG writer: its default compression, its IDAT chunk length, its deflate buffer. */
    private static final int LEVEL = 4;
    private static final int CHUNK = 32768;
    private static final int BUFFER = 512;
    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    private GreyPng() {
    }

    /** Whether {@code image} is a grey picture whose bytes are its pixels, row after row. */
    static boolean fits(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getDataBuffer() instanceof DataBufferByte data && data.getNumBanks() == 1
                && image.getRaster().getSampleModel() instanceof ComponentSampleModel m && m.getPixelStride() == 1
                && m.getScanlineStride() == image.getWidth() && image.getRaster().getParent() == null
                && data.getOffset() == 0 && data.getData().length == image.getWidth() * image.getHeight();
    }

    /** Writes {@code image}, which {@link #fits}. */
    static void write(BufferedImage image, OutputStream out) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        out.write(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array(), 0, 13);
        byte[] compressed = rows(pixels, width, height);
        for (int off = 0; off < compressed.length; off += CHUNK) {
            chunk(out, "IDAT", compressed, off, Math.min(CHUNK, compressed.length - off));
        }
        chunk(out, "IEND", new byte[0], 0, 0);
    }

    /**
     * The rows, deflated as ImageIO deflates them: each row's filter byte (0, none: ImageIO filters
     * only palette pictures), then the row, each its own input.
     */
    private static byte[] rows(byte[] pixels, int width, int height) {
        Deflater deflater = new Deflater(LEVEL);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(pixels.length / 8 + 64);
        byte[] buffer = new byte[BUFFER];
        byte[] none = new byte[1];
        try {
            for (int y = 0; y < height; y++) {
                deflate(deflater, none, 0, 1, buffer, compressed);
                deflate(deflater, pixels, y * width, width, buffer, compressed);
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
