package film.slate.core.recipe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Seed derivation. The seed of take {@code n} of a shot depends only on the production id, the
 * shot's full id and {@code n} (FORMAT.md), never on what was rendered before. Seeds keep to 53
 * bits so that a JSON number holds them exactly.
 */
public final class Seeds {
    /** Seeds are below this: the integers a double represents exactly. */
    public static final long LIMIT = 1L << 53;

    private Seeds() {
    }

    /** The first 8 bytes of SHA-256 of {@code slate/seed/v1\nPRODUCTION\nSHOT\nTAKE}, top 53 bits. */
    public static long derive(String production, String shot, int take) {
        byte[] text = ("slate/seed/v1\n" + production + "\n" + shot + "\n" + take).getBytes(StandardCharsets.UTF_8);
        long first = ByteBuffer.wrap(Sha256.digest().digest(text)).getLong();
        return first >>> 11;
    }

    /** A pinned {@code seed:} fixes take 1 only; other takes are derived. */
    public static long of(String production, String shot, int take, OptionalLong pinned) {
        return take == 1 && pinned.isPresent() ? pinned.getAsLong() : derive(production, shot, take);
    }
}
