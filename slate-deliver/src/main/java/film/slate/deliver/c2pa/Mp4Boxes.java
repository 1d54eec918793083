package film.slate.deliver.c2pa;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The top-level boxes of an ISO BMFF (MP4) file, and the one edit that moving them needs: the
 * chunk offset tables ({@code stco}, {@code co64} under moov/trak/mdia/minf/stbl) hold absolute file
 * positions, so inserting bytes before the media data shifts every entry by as much.
 */
final class Mp4Boxes {
    /** A box: its four-character type, where it starts and its whole size. */
    record Box(String type, long offset, long size) {
        long end() {
            return offset + size;
        }
    }

    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl");

    private Mp4Boxes() {
    }

    /** The top-level boxes of {@code file}, in order. */
    static List<Box> topLevel(FileChannel file) throws IOException {
        List<Box> boxes = new ArrayList<>();
        long at = 0;
        long length = file.size();
        while (at + 8 <= length) {
            ByteBuffer head = read(file, at, 16 <= length - at ? 16 : 8);
            long size = Integer.toUnsignedLong(head.getInt(0));
            String type = new String(head.array(), 4, 4, StandardCharsets.ISO_8859_1);
            if (size == 1) {
                size = head.getLong(8);
            } else if (size == 0) {
                size = length - at; // to the end of the file
            }
            if (size < 8 || at + size > length) {
                throw new IOException("box " + type + " at byte " + at + " runs past the end of the file");
            }
            boxes.add(new Box(type, at, size));
            at += size;
        }
        return boxes;
    }

    static ByteBuffer read(FileChannel file, long at, int bytes) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(bytes);
        while (b.hasRemaining()) {
            if (file.read(b, at + b.position()) < 0) {
                throw new IOException("the file ends at byte " + (at + b.position()));
            }
        }
        return b.flip();
    }

    /** Adds {@code delta} to every chunk offset in {@code moov} (the whole box) that is at or past {@code from}. */
    static void shiftChunkOffsets(byte[] moov, long from, long delta) throws IOException {
        walk(ByteBuffer.wrap(moov), 8, moov.length, from, delta);
    }

    private static void walk(ByteBuffer b, int start, int end, long from, long delta) throws IOException {
        int at = start;
        while (at + 8 <= end) {
            long size = Integer.toUnsignedLong(b.getInt(at));
            String type = new String(b.array(), at + 4, 4, StandardCharsets.ISO_8859_1);
            if (size < 8 || at + size > end) {
                throw new IOException("box " + type + " inside moov is damaged");
            }
            int boxEnd = (int) (at + size);
            if (CONTAINERS.contains(type)) {
                walk(b, at + 8, boxEnd, from, delta);
            } else if (type.equals("stco") || type.equals("co64")) {
                boolean wide = type.equals("co64");
                int count = b.getInt(at + 12);
                int width = wide ? 8 : 4;
                for (int i = 0, p = at + 16; i < count && p + width <= boxEnd; i++, p += width) {
                    long offset = wide ? b.getLong(p) : Integer.toUnsignedLong(b.getInt(p));
                    if (offset >= from) {
                        offset += delta;
                        if (!wide && offset > 0xFFFFFFFFL) {
                            throw new IOException("a chunk offset passes 4 GiB after the manifest is inserted");
                        }
                        if (wide) {
                            b.putLong(p, offset);
                        } else {
                            b.putInt(p, (int) offset);
                        }
                    }
                }
            }
            at = boxEnd;
        }
    }
}
