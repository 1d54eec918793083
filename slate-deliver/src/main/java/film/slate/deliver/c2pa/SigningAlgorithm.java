package film.slate.deliver.c2pa;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Optional;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The C2PA signature algorithms Slate signs with: ECDSA on the NIST curves, deterministic (RFC 6979)
 * so a delivery conformed twice is the same bytes. C2PA also allows PS256-512 and Ed25519; a key of
 * those kinds is refused with a sentence rather than signed non-deterministically.
 */
enum SigningAlgorithm {
    ES256(-7, 256, "SHA256"), ES384(-35, 384, "SHA384"), ES512(-36, 521, "SHA512");

    /** The COSE algorithm id (RFC 9053). */
    final int cose;
    private final int curveBits;
    private final String jca;

    SigningAlgorithm(int cose, int curveBits, String jca) {
        this.cose = cose;
        this.curveBits = curveBits;
        this.jca = jca;
    }

    /** The algorithm for {@code key}: ES256 for P-256, ES384 for P-384, ES512 for P-521; empty for any other key. */
    static Optional<SigningAlgorithm> of(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            for (SigningAlgorithm a : values()) {
                if (a.curveBits == bits) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    /** Bytes of r and of s in the signature (COSE: fixed length, big-endian). */
    int coordinateBytes() {
        return (curveBits + 7) / 8;
    }

    Digest digest() {
        return switch (this) {
            case ES256 -> new SHA256Digest();
            case ES384 -> new SHA384Digest();
            case ES512 -> new SHA512Digest();
        };
    }

    /** The JDK's verifier of this algorithm's raw (r || s) signatures. */
    String verifier() {
        return jca + "withECDSAinP1363Format";
    }
}
