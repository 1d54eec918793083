package film.slate.media.ffmpeg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Raw frames with their own timestamps, as a Matroska stream FFmpeg reads from a pipe:
 * uncompressed video ({@code V_UNCOMPRESSED}: grey {@code Y800}, or {@code BGR} 24 bits), one
 * cluster a frame. Unlike raw frames, whose times are their count, a frame may come after a gap
 * (the frames between hold its picture) without FFmpeg being told of the gaps at its start. Times
 * are in nanoseconds, a frame at the nanosecond its number starts at (rounded down), which
 * FFmpeg's {@code settb} brings back to the frame's number.
 */
final class TimedFrames {
    /** Grey frames: a byte a pixel. */
    static final byte[] GREY = "Y800".getBytes(StandardCharsets.US_ASCII);
    /** Blue, green and red bytes a pixel ({@link PixelFormat#BGR24}): FFmpeg's raw tag {@code BGR} and 24. */
    static final byte[] BGR = {'B', 'G', 'R', 24};
    private static final long UNKNOWN_SIZE = 0x01ffffffffffffffL;

    private TimedFrames() {
    }

    /** The tag of a pixel format's frames. */
    static byte[] tag(PixelFormat format) {
        return switch (format) {
            case BGR24 -> BGR;
            case GRAY8 -> GREY;
        };
    }

    /**
     * The stream's start: its header and the one video track, {@code width} by {@code height},
     * its pixels laid out as {@code fourcc} says ({@link #GREY}, {@link #BGR}).
     */
    static byte[] header(int width, int height, int fps, byte[] fourcc) {
        var ebml = new Element(0x1a45dfa3).uint(0x4286, 1).uint(0x42f7, 1).uint(0x42f2, 4).uint(0x42f3, 8)
                .text(0x4282, "matroska").uint(0x4287, 4).uint(0x4285, 2);
        var info = new Element(0x1549a966).uint(0x2ad7b1, 1);
        var video = new Element(0xe0).uint(0xb0, width).uint(0xba, height).bytes(0x2eb524, fourcc);
        var track = new Element(0xae).uint(0xd7, 1).uint(0x73c5, 1).uint(0x83, 1).text(0x86, "V_UNCOMPRESSED")
                .text(0x22b59c, "und").uint(0x9c, 0).uint(0x23e383, 1_000_000_000L / fps).child(video);
        var tracks = new Element(0x1654ae6b).child(track);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ebml.writeTo(out);
        id(out, 0x18538067); // the segment, of a size unknown until the stream ends
        size(out, UNKNOWN_SIZE);
        info.writeTo(out);
        tracks.writeTo(out);
        return out.toByteArray();
    }

    /** What goes before a frame of {@code bytes} bytes that is frame {@code number} at {@code fps}. */
    static byte[] frameHead(long number, int fps, int bytes) {
        long nanos = number * 1_000_000_000L / fps;
        byte[] time = uint(nanos);
        int block = 4 + bytes; // track 1, time 0 in the cluster, a key frame
        ByteArrayOutputStream out = new ByteArrayOutputStream(40);
        id(out, 0x1f43b675);
        size(out, 1 + 8 + time.length + 1 + 8 + (long) block);
        id(out, 0xe7);
        size(out, time.length);
        out.writeBytes(time);
        id(out, 0xa3);
        size(out, block);
        out.writeBytes(new byte[] {(byte) 0x81, 0, 0, (byte) 0x80});
        return out.toByteArray();
    }

    private static void id(ByteArrayOutputStream out, int id) {
        int bytes = id > 0xffffff ? 4 : id > 0xffff ? 3 : id > 0xff ? 2 : 1;
        for (int i = bytes - 1; i >= 0; i--) {
            out.write(id >>> (8 * i));
        }
    }

    /** A size as eight bytes: the first marks the length, the seven others hold the value. */
    private static void size(ByteArrayOutputStream out, long size) {
        long coded = size == UNKNOWN_SIZE ? size : size | 0x0100000000000000L;
        for (int i = 7; i >= 0; i--) {
            out.write((int) (coded >>> (8 * i)));
        }
    }

    private static byte[] uint(long v) {
        int bytes = 1;
        while (bytes < 8 && v >>> (8 * bytes) != 0) {
            bytes++;
        }
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (v >>> (8 * (bytes - 1 - i)));
        }
        return b;
    }

    /** An element of known size, its children written before it is. */
    private static final class Element {
        private final int id;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Element(int id) {
            this.id = id;
        }

        Element uint(int child, long value) {
            return bytes(child, TimedFrames.uint(value));
        }

        Element text(int child, String value) {
            return bytes(child, value.getBytes(StandardCharsets.US_ASCII));
        }

        Element bytes(int child, byte[] value) {
            id(body, child);
            size(body, value.length);
            body.writeBytes(value);
            return this;
        }

        Element child(Element e) {
            e.writeTo(body);
            return this;
        }

        void writeTo(ByteArrayOutputStream out) {
            id(out, id);
            size(out, body.size());
            out.writeBytes(body.toByteArray());
        }
    }
}
