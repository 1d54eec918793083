package film.slate.deliver.c2pa;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The CBOR (RFC 8949) that C2PA claims, assertions and COSE signatures are written in: maps keep
 * the order they are given (so the same values give the same bytes), integers take their shortest
 * head, text is UTF-8, {@code byte[]} is a byte string. Writing only: Slate never reads CBOR back;
 * the c2pa project's reader does, in the tests.
 */
public final class Cbor {
    /** A tagged item, such as COSE_Sign1's tag 18. */
    public record Tagged(long tag, Object value) {
    }

    private Cbor() {
    }

    /** The CBOR of {@code value}: a Map, List, String, byte[], Integer, Long, Boolean or null. */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        if (value == null) {
            out.write(0xf6);
        } else if (value instanceof Boolean b) {
            out.write(b ? 0xf5 : 0xf4);
        } else if (value instanceof Integer || value instanceof Long) {
            long n = ((Number) value).longValue();
            head(out, n >= 0 ? 0 : 1, n >= 0 ? n : -1 - n);
        } else if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            head(out, 3, utf8.length);
            out.writeBytes(utf8);
        } else if (value instanceof byte[] bytes) {
            head(out, 2, bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof List<?> list) {
            head(out, 4, list.size());
            list.forEach(v -> write(out, v));
        } else if (value instanceof Map<?, ?> map) {
            head(out, 5, map.size());
            map.forEach((k, v) -> {
                write(out, k);
                write(out, v);
            });
        } else if (value instanceof Tagged t) {
            head(out, 6, t.tag());
            write(out, t.value());
        } else {
            throw new IllegalArgumentException("no CBOR for " + value.getClass().getName());
        }
    }

    /** A major type and its argument in the shortest form (RFC 8949 §3). */
    private static void head(ByteArrayOutputStream out, int major, long n) {
        int type = major << 5;
        if (n < 24) {
            out.write(type | (int) n);
        } else if (n < 0x100) {
            out.write(type | 24);
            out.write((int) n);
        } else if (n < 0x10000) {
            out.write(type | 25);
            bigEndian(out, n, 2);
        } else if (n < 0x100000000L) {
            out.write(type | 26);
            bigEndian(out, n, 4);
        } else {
            out.write(type | 27);
            bigEndian(out, n, 8);
        }
    }

    private static void bigEndian(ByteArrayOutputStream out, long n, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (n >>> (8 * i)) & 0xff);
        }
    }
}
