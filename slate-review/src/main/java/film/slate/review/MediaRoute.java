package film.slate.review;

import film.slate.core.recipe.Sha256;
import film.slate.store.ObjectStore;
import film.slate.store.db.Takes;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code GET /media/HASH}: a take's object by its content hash, and nothing else. The hash must be
 * 64 hex digits that some take names, so no request path ever reaches the file system; the bytes
 * are hashed once before they are first served, so a damaged object is refused, not played.
 */
final class MediaRoute {
    private final ObjectStore objects;
    private final Takes takes;
    private final VerifiedObjects sound;

    MediaRoute(ObjectStore objects, Takes takes) {
        this.objects = objects;
        this.takes = takes;
        this.sound = new VerifiedObjects(objects);
    }

    void serve(Context ctx) throws IOException {
        String hash = ctx.pathParam("hash");
        if (!Sha256.isHex(hash) || !takes.referencedObjects().contains(hash) || !objects.has(hash)) {
            throw Refusal.notFound();
        }
        Path file = sound.sound(hash);
        ctx.header("Cache-Control", "private, max-age=31536000, immutable");
        ctx.header("Accept-Ranges", "bytes");
        ctx.contentType(contentType(file));
        long size = Files.size(file);
        long[] range = range(ctx.header("Range"), size);
        if (range == null) {
            ctx.header("Content-Length", String.valueOf(size));
            ctx.result(Files.newInputStream(file));
            return;
        }
        if (range.length == 0) {
            ctx.header("Content-Range", "bytes */" + size);
            ctx.status(416);
            return;
        }
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(range[0]);
        ctx.status(206).header("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size)
                .header("Content-Length", String.valueOf(range[1] - range[0] + 1));
        ctx.result(new BoundedInput(in, range[1] - range[0] + 1));
    }

    /**
     * One byte range of a {@code Range: bytes=} header as {@code [first, last]}; null for no (or a
     * multi-part) range, which gets the whole object; empty when it cannot be satisfied.
     */
    static long[] range(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        try {
            if (dash < 0) {
                return null;
            }
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            long first;
            long last;
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = Long.parseLong(a);
                last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            }
            return first > last || first >= size ? new long[0] : new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The first {@code left} bytes of a stream. */
    private static final class BoundedInput extends java.io.FilterInputStream {
        private long left;

        BoundedInput(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            left -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            left -= Math.max(n, 0);
            return n;
        }
    }

    /** The type from the first bytes: MP4/MOV ({@code ftyp}), Matroska, PNG or JPEG. */
    static String contentType(Path file) throws IOException {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            return "video/mp4";
        }
        if (n >= 4 && (head[0] & 0xff) == 0x1a && (head[1] & 0xff) == 0x45 && (head[2] & 0xff) == 0xdf && (head[3] & 0xff) == 0xa3) {
            return "video/x-matroska";
        }
        if (n >= 4 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "image/png";
        }
        if (n >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }
}
