package film.slate.deliver.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A studio's own CA, made in a test: a root and a signing leaf it issues, as a studio's PKI would
 * hand them over (the chain as PEM, leaf first; the leaf's key as PKCS#8 PEM), or with one flaw that
 * C2PA readers (and so Slate) refuse.
 */
public final class StudioCa {
    /** The leaf's subject. */
    public static final String SUBJECT = "CN=Harbour Pictures C2PA signer,O=Harbour Pictures,C=GB";

    /** What can be wrong with a leaf. */
    public enum Flaw { NONE, SELF_SIGNED, SERVER_AUTH_ONLY, CA_AS_LEAF, EXPIRED, NOT_YET_VALID, RSA, NO_AUTHORITY_KEY_ID }

    /** An issued signer: the chain file's text, the key's PEM text and its DER bytes. */
    public record Issued(String chainPem, String keyPem, byte[] keyDer) {
    }

    private StudioCa() {
    }

    /** A leaf on {@code curve} (secp256r1, secp384r1) valid around {@code on}, with {@code flaw}. */
    public static Issued issue(String curve, Flaw flaw, LocalDate on) throws GeneralSecurityException, IOException {
        try {
            KeyPair root = ec("secp256r1");
            KeyPair leaf = flaw == Flaw.RSA ? rsa() : ec(curve);
            X500Name rootName = new X500Name("C=GB,O=Harbour Pictures,CN=Harbour Pictures Root CA");
            X500Name leafName = new X500Name("C=GB,O=Harbour Pictures,CN=Harbour Pictures C2PA signer");
            X509Certificate rootCert = sign(new JcaX509v3CertificateBuilder(rootName, serial(), date(on.minusYears(5)),
                    date(on.plusYears(10)), rootName, root.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(1))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(root.getPublic())),
                    root.getPrivate());
            LocalDate from = switch (flaw) {
                case EXPIRED -> on.minusYears(2);
                case NOT_YET_VALID -> on.plusDays(3);
                default -> on.minusDays(30);
            };
            LocalDate until = flaw == Flaw.EXPIRED ? on.minusDays(2) : from.plusYears(2);
            boolean self = flaw == Flaw.SELF_SIGNED;
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(self ? leafName : rootName, serial(), date(from),
                    date(until), leafName, leaf.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(flaw == Flaw.CA_AS_LEAF))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(flaw == Flaw.SERVER_AUTH_ONLY
                            ? KeyPurposeId.id_kp_serverAuth
                            : KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"))));
            JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(leaf.getPublic()));
            if (flaw != Flaw.NO_AUTHORITY_KEY_ID) {
                b.addExtension(Extension.authorityKeyIdentifier, false, self
                        ? ids.createAuthorityKeyIdentifier(leaf.getPublic()) : ids.createAuthorityKeyIdentifier(rootCert));
            }
            X509Certificate leafCert = sign(b, self ? leaf.getPrivate() : root.getPrivate());
            String chain = self ? pem(leafCert) : pem(leafCert) + pem(rootCert);
            return new Issued(chain, pem(leaf.getPrivate()), leaf.getPrivate().getEncoded());
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve), new SecureRandom());
        return g.generateKeyPair();
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, new SecureRandom());
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuer)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        String alg = issuer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(alg).build(issuer)));
    }

    private static Date date(LocalDate d) {
        return Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).setBit(63);
    }

    private static String pem(Object o) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o instanceof PrivateKey k ? new JcaPKCS8Generator(k, null) : o);
        }
        return out.toString();
    }
}
