package film.slate.deliver.c2pa;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Who signs a delivery's C2PA manifests: an ECDSA P-256 key and its certificate chain (signer
 * first). A studio supplies its own through the environment; otherwise {@link DevelopmentCa}
 * makes a per-production one. The key is only ever held in memory here: never logged, never written
 * into a delivery (only the certificates are, as C2PA requires).
 */
public record SigningIdentity(PrivateKey key, List<X509Certificate> chain, boolean development) {
    /** The signing key: a path to a PEM file, or the PEM text itself (PKCS#8 or SEC 1 EC key). */
    public static final String KEY_VARIABLE = "SLATE_C2PA_KEY";
    /** The certificate chain, signer first: a path to a PEM file, or the PEM text itself. */
    public static final String CERTS_VARIABLE = "SLATE_C2PA_CERTS";

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

    /**
     * The studio's identity from {@code env}, or empty when neither variable is set.
     *
     * @throws SigningException when only one is set, a value cannot be read, or the key is not a
     *     P-256 EC key matching the first certificate (the sentence names the variable, never the key)
     */
    public static Optional<SigningIdentity> fromEnvironment(Map<String, String> env) throws SigningException {
        String key = env.get(KEY_VARIABLE);
        String certs = env.get(CERTS_VARIABLE);
        if (key == null && certs == null) {
            return Optional.empty();
        }
        if (key == null || certs == null) {
            throw new SigningException("set both " + KEY_VARIABLE + " and " + CERTS_VARIABLE + " (a PEM file's path or"
                    + " its text) to sign with the studio's key, or neither to sign with the development CA");
        }
        List<X509Certificate> chain = certificates(pem(certs, CERTS_VARIABLE), CERTS_VARIABLE);
        PrivateKey privateKey = privateKey(pem(key, KEY_VARIABLE), KEY_VARIABLE);
        if (!(privateKey instanceof ECPrivateKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new SigningException(KEY_VARIABLE + " is not an ECDSA P-256 key; C2PA signing here is ES256");
        }
        SigningIdentity identity = new SigningIdentity(privateKey, chain, false);
        identity.checkPair(KEY_VARIABLE + " does not belong to the first certificate of " + CERTS_VARIABLE);
        return Optional.of(identity);
    }

    /** Fails unless the key signs what the first certificate's public key verifies. */
    void checkPair(String mismatch) throws SigningException {
        byte[] probe = "slate".getBytes(StandardCharsets.US_ASCII);
        try {
            BigInteger[] rs = ClaimSignature.ecdsa(key, probe);
            var verifier = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(signer().getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(ClaimSignature.p1363(rs))) {
                throw new SigningException(mismatch);
            }
        } catch (GeneralSecurityException e) {
            throw new SigningException(mismatch + " (" + e.getMessage() + ")");
        }
    }

    private static String pem(String value, String variable) throws SigningException {
        if (value.contains("-----BEGIN")) {
            return value;
        }
        try {
            return Files.readString(Path.of(value), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new SigningException("cannot read the PEM file that " + variable + " names (" + e.getMessage() + ")");
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
