package film.slate.store.db;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Secrets: random tokens, their slow hash (PBKDF2-HMAC-SHA256 from the JDK, salted) for what a
 * person types, and a fast SHA-256 for random session ids, which no dictionary can guess.
 */
public final class TokenHash {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 210_000;

    private TokenHash() {
    }

    /** {@code bytes} random bytes, URL-safe Base64 without padding. */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}. */
    public static String slow(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + HexFormat.of().formatHex(salt) + "$"
                + HexFormat.of().formatHex(pbkdf2(secret, salt, ITERATIONS));
    }

    /** Whether {@code secret} hashes to {@code stored}, compared in constant time. */
    public static boolean matches(String secret, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(parts[3]);
        byte[] actual = pbkdf2(secret, HexFormat.of().parseHex(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /** SHA-256 in hex: for random session ids only. */
    public static String fast(String secret) {
        return film.slate.core.recipe.Sha256.hex(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        }
    }
}
