package film.slate.deliver.c2pa;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * The claim signature: a COSE_Sign1 (RFC 9052, tag 18) over the claim's bytes as a detached
 * payload, ES256, ES384 or ES512 by the signer's curve ({@link SigningAlgorithm}), with the certificate chain in the protected header's {@code x5chain} (label 33)
 * as C2PA requires. The ECDSA nonce is derived from the key and the message (RFC 6979), so the same
 * claim signed with the same key gives the same bytes: conforming twice gives identical files.
 */
public final class ClaimSignature {
    private static final int ALG = 1;
    private static final int X5CHAIN = 33;
    private static final int COSE_SIGN1 = 18;

    private ClaimSignature() {
    }

    /** The tagged COSE_Sign1 that signs {@code claim}. */
    public static byte[] sign(SigningIdentity identity, byte[] claim) {
        return sign1(identity, claim, true);
    }

    /**
     * A COSE_Sign1 of the same length as {@link #sign}'s, with zeros for the signature (whose length is
     * fixed by the curve): what sizes a manifest store before the hash it binds is known, without
     * signing twice.
     */
    static byte[] placeholder(SigningIdentity identity) {
        return sign1(identity, new byte[0], false);
    }

    private static byte[] sign1(SigningIdentity identity, byte[] claim, boolean signed) {
        List<Object> chain = new ArrayList<>();
        try {
            for (var c : identity.chain()) {
                chain.add(c.getEncoded());
            }
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate that was read cannot be encoded", e);
        }
        Map<Object, Object> headers = new LinkedHashMap<>();
        SigningAlgorithm alg = identity.algorithm();
        headers.put(ALG, alg.cose);
        headers.put(X5CHAIN, chain.size() == 1 ? chain.get(0) : chain);
        byte[] protectedHeader = Cbor.encode(headers);
        byte[] signature = new byte[2 * alg.coordinateBytes()];
        if (signed) {
            byte[] toBeSigned = Cbor.encode(List.of("Signature1", protectedHeader, new byte[0], claim));
            try {
                signature = p1363(ecdsa(identity.key(), alg, toBeSigned), alg);
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("the signing key was checked when it was read", e);
            }
        }
        List<Object> sign1 = new ArrayList<>();
        sign1.add(protectedHeader);
        sign1.add(Map.of());
        sign1.add(null); // detached: the claim is the payload
        sign1.add(signature);
        return Cbor.encode(new Cbor.Tagged(COSE_SIGN1, sign1));
    }

    /** Deterministic ECDSA (RFC 6979) with {@code alg}'s digest over {@code message}, on {@code alg}'s curve. */
    static BigInteger[] ecdsa(PrivateKey key, SigningAlgorithm alg, byte[] message) throws InvalidKeyException {
        if (!(key instanceof ECPrivateKey ec)) {
            throw new InvalidKeyException("not an EC key");
        }
        ECPrivateKeyParameters params = new ECPrivateKeyParameters(ec.getS(), alg.domain());
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(alg.digest()));
        signer.init(true, params);
        Digest digest = alg.digest();
        digest.update(message, 0, message.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return signer.generateSignature(hash);
    }

    /** r and s as two fixed-length big-endian numbers, the form COSE uses. */
    static byte[] p1363(BigInteger[] rs, SigningAlgorithm alg) {
        int n = alg.coordinateBytes();
        byte[] out = new byte[2 * n];
        for (int i = 0; i < 2; i++) {
            byte[] b = rs[i].toByteArray();
            int len = Math.min(b.length, n);
            System.arraycopy(b, b.length - len, out, i * n + n - len, len);
        }
        return out;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
