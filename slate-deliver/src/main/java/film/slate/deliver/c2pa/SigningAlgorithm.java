package film.slate.deliver.c2pa;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.util.Optional;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The C2PA signature algorithms Slate signs with: ECDSA on the NIST curves, deterministic (RFC 6979)
 * so a delivery conformed twice is the same bytes. C2PA also allows PS256-512 and Ed25519; a key of
 * those kinds is refused with a sentence rather than signed non-deterministically.
 */
enum SigningAlgorithm {
    ES256(-7, 256, "secp256r1"), ES384(-35, 384, "secp384r1"), ES512(-36, 521, "secp521r1");

    /** The COSE algorithm id (RFC 9053). */
    final int cose;
    private final int curveBits;
    private final String curve;

    SigningAlgorithm(int cose, int curveBits, String curve) {
        this.cose = cose;
        this.curveBits = curveBits;
        this.curve = curve;
    }

    /** The algorithm for {@code key}: ES256 for P-256, ES384 for P-384, ES512 for P-521; empty for any other key. */
    static Optional<SigningAlgorithm> of(PublicKey key) {
        return key instanceof ECPublicKey ec ? of(ec.getParams()) : Optional.empty();
    }

    /** The algorithm whose curve has the size of {@code curve}'s; empty for another size. */
    static Optional<SigningAlgorithm> of(ECParameterSpec curve) {
        int bits = curve.getCurve().getField().getFieldSize();
        for (SigningAlgorithm a : values()) {
            if (a.curveBits == bits) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The curve's domain, with the one generator point of BouncyCastle's table: the comb table that
     * makes signing fast is kept on that point, so it is made once per process, not per signature.
     */
    ECDomainParameters domain() {
        return new ECDomainParameters(CustomNamedCurves.getByName(curve));
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
}
