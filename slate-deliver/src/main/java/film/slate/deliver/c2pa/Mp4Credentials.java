package film.slate.deliver.c2pa;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeds a signed C2PA manifest store in an MP4: a top-level {@code uuid} box (the C2PA UUID,
 * version and flags 0, purpose {@code manifest}, a zero auxiliary offset, then the store) right after
 * {@code ftyp}, bound to the file by a {@code c2pa.hash.bmff.v3} hard binding. That hash covers every
 * top-level box except {@code ftyp}, the C2PA box and {@code mfra} (the exclusions the specification
 * requires), each preceded by its 64-bit big-endian file offset, so moving, adding or changing any
 * other box breaks it. The file is rewritten beside itself and renamed into place.
 */
public final class Mp4Credentials {
    /** The extended type of the C2PA box (C2PA specification, embedding in BMFF). */
    static final byte[] C2PA_UUID = HexFormat.of().parseHex("D8FEC3D61B0E483C92975828877EC481");
    public static final String BINDING = "c2pa.hash.bmff.v3";
    private static final String PURPOSE = "manifest";

    private Mp4Credentials() {
    }

    /** Signs {@code manifest} into {@code mp4}. */
    public static void embed(Path mp4, Manifest manifest, SigningIdentity identity) throws IOException {
        Path aside = mp4.resolveSibling("." + mp4.getFileName() + ".c2pa.part");
        try (FileChannel in = FileChannel.open(mp4, StandardOpenOption.READ)) {
            List<Mp4Boxes.Box> boxes = Mp4Boxes.topLevel(in);
            if (boxes.isEmpty() || !boxes.get(0).type().equals("ftyp")) {
                throw new IOException(mp4 + " does not start with an ftyp box; it is not an MP4 that C2PA can bind");
            }
            for (Mp4Boxes.Box b : boxes) {
                if (b.type().equals("uuid") && isC2pa(in, b)) {
                    throw new IOException(mp4 + " already carries a C2PA manifest");
                }
            }
            long insertAt = boxes.get(0).end();
            int size = box(manifest.unsigned(BINDING, binding(new byte[32]), identity)).length;
            byte[] moov = null;
            Mp4Boxes.Box moovBox = boxes.stream().filter(b -> b.type().equals("moov")).findFirst().orElse(null);
            if (moovBox != null) {
                moov = Mp4Boxes.read(in, moovBox.offset(), Math.toIntExact(moovBox.size())).array();
                Mp4Boxes.shiftChunkOffsets(moov, insertAt, size);
            }
            byte[] hash = hash(in, boxes, moovBox, moov, size);
            byte[] c2pa = box(manifest.store(BINDING, binding(hash), identity));
            if (c2pa.length != size) {
                throw new IllegalStateException("the manifest changed size once its hash was filled in");
            }
            try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                for (Mp4Boxes.Box b : boxes) {
                    if (b == moovBox) {
                        write(out, moov);
                    } else {
                        copy(in, b, out);
                    }
                    if (b == boxes.get(0)) {
                        write(out, c2pa);
                    }
                }
                out.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(aside);
            throw e;
        }
        Files.move(aside, mp4, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The hard binding's value: the mandatory exclusions, SHA-256 and the hash. */
    static Map<String, Object> binding(byte[] hash) {
        Map<String, Object> uuid = new LinkedHashMap<>();
        uuid.put("xpath", "/uuid");
        Map<String, Object> data = new LinkedHashMap<>(); // not Map.of: its order changes from one JVM to the next
        data.put("offset", 8);
        data.put("value", C2PA_UUID);
        uuid.put("data", List.of(data));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exclusions", List.of(uuid, Map.of("xpath", "/ftyp"), Map.of("xpath", "/mfra")));
        out.put("alg", "sha256");
        out.put("hash", hash);
        out.put("name", "jumbf manifest");
        return out;
    }

    /** The hash over the file as it will be: each kept box's new offset, then its bytes. */
    private static byte[] hash(FileChannel in, List<Mp4Boxes.Box> boxes, Mp4Boxes.Box moovBox, byte[] moov, int size)
            throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(1 << 20, boxes.stream().mapToLong(Mp4Boxes.Box::size)
                .max().orElse(0))); // one for the file: a proxy's boxes are small, and a new buffer is zeroed
        for (Mp4Boxes.Box b : boxes) {
            if (b.type().equals("ftyp") || b.type().equals("mfra")) {
                continue;
            }
            sha.update(ByteBuffer.allocate(8).putLong(0, b.offset() + size));
            if (b == moovBox) {
                sha.update(moov);
                continue;
            }
            for (long at = b.offset(); at < b.end(); ) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), b.end() - at));
                int n = in.read(chunk, at);
                if (n < 0) {
                    throw new IOException("the file ended while hashing it");
                }
                sha.update(chunk.flip());
                at += n;
            }
        }
        return sha.digest();
    }

    /** The C2PA box around a manifest store. */
    static byte[] box(byte[] store) {
        ByteBuffer payload = ByteBuffer.allocate(16 + 4 + PURPOSE.length() + 1 + 8 + store.length);
        payload.put(C2PA_UUID).putInt(0).put(PURPOSE.getBytes(StandardCharsets.US_ASCII)).put((byte) 0).putLong(0)
                .put(store);
        return Jumbf.box("uuid", payload.array());
    }

    private static boolean isC2pa(FileChannel in, Mp4Boxes.Box b) throws IOException {
        return b.size() >= 24 && java.util.Arrays.equals(Mp4Boxes.read(in, b.offset() + 8, 16).array(), C2PA_UUID);
    }

    private static void write(FileChannel out, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private static void copy(FileChannel in, Mp4Boxes.Box b, FileChannel out) throws IOException {
        for (long at = b.offset(); at < b.end(); ) {
            at += in.transferTo(at, b.end() - at, out);
        }
    }
}
