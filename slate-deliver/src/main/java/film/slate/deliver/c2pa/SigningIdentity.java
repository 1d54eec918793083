package film.slate.deliver.c2pa;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Who signs a delivery's C2PA manifests: an ECDSA key (P-256, P-384 or P-521) and its certificate
 * chain (signer first). A studio supplies its own (slate.yaml's {@code delivery.signing}: the chain in
 * a file, the key in an environment variable); otherwise {@link DevelopmentCa} makes a per-production
 * one. The key is only ever held in memory here: never logged, never written into a delivery (only
 * the certificates are, as C2PA requires), and no sentence of a {@link SigningException} quotes it.
 */
public record SigningIdentity(PrivateKey key, List<X509Certificate> chain, boolean development) {
    public SigningIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing identity needs its certificate");
        }
    }

    /** The certificate that signs. */
    public X509Certificate signer() {
        return chain.get(0);
    }

    /** The subject of the certificate that signs, as readers show it ({@code CN=...,O=...}). */
    public String subject() {
        return signer().getSubjectX500Principal().getName();
    }

    SigningAlgorithm algorithm() {
        return SigningAlgorithm.of(signer().getPublicKey()).orElseThrow(() -> new IllegalStateException(
                "a signer's key is checked when it is read"));
    }

    /**
     * A studio's certificate chain from the PEM bytes of {@code file}, checked for a C2PA signer
     * ({@link SignerProfile}) valid on {@code on}.
     *
     * @throws SigningException (part CERTIFICATES) when it holds no PEM certificate or its signer is unfit
     */
    public static List<X509Certificate> studioChain(byte[] pem, String file, LocalDate on) throws SigningException {
        String text = new String(pem, StandardCharsets.US_ASCII);
        if (text.contains("PRIVATE KEY-----")) { // the production is shared (git): a key there is a leaked key
            throw new SigningException(file + " holds a private key; keep only certificates in it, put the key in the"
                    + " environment variable key_env names, and treat that key as exposed");
        }
        List<X509Certificate> chain;
        try {
            chain = certificates(text, file);
        } catch (SigningException e) {
            throw new SigningException(file + " holds no PEM certificate chain; export the studio's chain as PEM"
                    + " (-----BEGIN CERTIFICATE-----), signer first, into that file");
        }
        SignerProfile.check(chain.get(0), file, on);
        return chain;
    }

    /**
     * The studio's identity: {@code chain} (from {@link #studioChain}) and the PEM private key held by
     * the environment variable {@code variable} ({@code pem}, empty when it is not set).
     *
     * @throws SigningException (part KEY) when the variable is unset, holds no private key, or a key
     *     that does not belong to the chain's signer
     */
    public static SigningIdentity studio(List<X509Certificate> chain, Optional<String> pem, String variable, String file)
            throws SigningException {
        if (pem.isEmpty() || pem.get().isBlank()) {
            throw new SigningException(SigningException.Part.KEY, "the environment variable " + variable
                    + " is not set; export the studio's private key (PEM, PKCS#8) in it before conforming, or remove"
                    + " delivery.signing to sign with the development CA");
        }
        PrivateKey key;
        try {
            key = privateKey(pem.get(), variable);
        } catch (SigningException | RuntimeException e) {
            throw new SigningException(SigningException.Part.KEY, "the environment variable " + variable
                    + " holds no PEM private key; put the PEM text of the studio's signing key in it"
                    + " (-----BEGIN PRIVATE KEY-----, unencrypted PKCS#8), not a path or a certificate");
        }
        SigningIdentity identity = new SigningIdentity(key, chain, false);
        identity.checkPair(SigningException.Part.KEY, "the key in " + variable + " does not belong to the signer"
                + " certificate of " + file + " (" + identity.subject() + "); export the key that certificate was"
                + " issued for, or put that key's certificate first in the chain");
        return identity;
    }

    /**
     * Fails unless the key is the private half of the first certificate's public key: the key times
     * the curve's generator must be the certificate's point. One point multiplication, with the
     * table signing uses next, instead of a probe signature and a verify by the JDK's own EC code.
     */
    void checkPair(SigningException.Part part, String mismatch) throws SigningException {
        try {
            SigningAlgorithm alg = algorithm();
            ECPrivateKey k = (ECPrivateKey) key;
            ECPublicKey certified = (ECPublicKey) signer().getPublicKey();
            if (SigningAlgorithm.of(k.getParams()).orElse(null) != alg) {
                throw new SigningException(part, mismatch);
            }
            ECPoint derived = new FixedPointCombMultiplier().multiply(alg.domain().getG(), k.getS()).normalize();
            if (derived.isInfinity() || !derived.getAffineXCoord().toBigInteger().equals(certified.getW().getAffineX())
                    || !derived.getAffineYCoord().toBigInteger().equals(certified.getW().getAffineY())) {
                throw new SigningException(part, mismatch);
            }
        } catch (ClassCastException | IllegalArgumentException | IllegalStateException e) {
            throw new SigningException(part, mismatch); // another kind of key: no detail that could quote it
        }
    }

    static List<X509Certificate> certificates(String pem, String source) throws SigningException {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new SigningException(source + " holds no certificate");
            }
            return out;
        } catch (CertificateException e) {
            throw new SigningException(source + " is not a PEM certificate chain (" + e.getMessage() + ")");
        }
    }

    static PrivateKey privateKey(String pem, String source) throws SigningException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new SigningException(source + " holds no unencrypted private key (PKCS#8 or SEC 1 PEM)");
        } catch (IOException e) {
            throw new SigningException(source + " is not a PEM private key (" + e.getMessage() + ")", e);
        }
    }
}
