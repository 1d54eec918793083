package film.slate.deliver.c2pa;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
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
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A per-production development signer, made on first use in {@code FOLDER} of the store: a private
 * CA (self-signed, may only sign certificates) and a leaf it issues that satisfies the C2PA
 * certificate profile (v3, ECDSA P-256 with SHA-256, key usage digitalSignature only, extended key
 * usage id-kp-documentSigning, not a CA, with subject and authority key identifiers). C2PA readers
 * reject a self-signed signer, so the chain is leaf then CA: it verifies, and is untrusted because
 * no trust list holds this CA. Keys are files readable by the owner only and never leave the store.
 */
public final class DevelopmentCa {
    /** The folder in the store that holds the development CA, leaf and keys. */
    public static final String FOLDER = "signing";
    static final String CHAIN = "development-chain.pem";
    static final String KEY = "development-key.pem";
    static final String CA_KEY = "development-ca-key.pem";
    /** id-kp-documentSigning (RFC 9336), on the C2PA reader's default list of signer EKUs. */
    static final ASN1ObjectIdentifier DOCUMENT_SIGNING = new ASN1ObjectIdentifier(SignerProfile.DOCUMENT_SIGNING);

    private DevelopmentCa() {
    }

    /** The development identity in {@code folder}, made there at {@code now} if absent. */
    public static SigningIdentity in(Path folder, String production, Instant now) throws SigningException {
        Path chain = folder.resolve(CHAIN);
        Path key = folder.resolve(KEY);
        try {
            if (!Files.exists(chain) || !Files.exists(key)) {
                make(folder, production, now);
            }
            SigningIdentity identity = new SigningIdentity(
                    SigningIdentity.privateKey(Files.readString(key, StandardCharsets.US_ASCII), key.toString()),
                    SigningIdentity.certificates(Files.readString(chain, StandardCharsets.US_ASCII), chain.toString()),
                    true);
            identity.checkPair(SigningException.Part.CERTIFICATES, key + " does not belong to " + chain + "; delete "
                    + folder + " to make a new development CA");
            return identity;
        } catch (IOException e) {
            throw new SigningException("cannot read or make the development signing CA in " + folder + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private static void make(Path folder, String production, Instant now) throws IOException, SigningException {
        try {
            KeyPair ca = keyPair();
            KeyPair leaf = keyPair();
            X500Name caName = new X500Name("CN=Slate development CA for " + escape(production)
                    + ",O=Slate development (not trusted)");
            X500Name leafName = new X500Name("CN=Slate development signer for " + escape(production)
                    + ",O=Slate development (not trusted)");
            Instant from = now.minus(Duration.ofDays(1));
            JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder caCert = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(from),
                    Date.from(now.plus(Duration.ofDays(3650 * 2))), caName, ca.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(ca.getPublic()));
            X509Certificate caCertificate = certificate(caCert, ca.getPrivate());
            X509v3CertificateBuilder leafCert = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(from),
                    Date.from(now.plus(Duration.ofDays(3650))), leafName, leaf.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.getInstance(DOCUMENT_SIGNING)))
                    .addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(leaf.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ids.createAuthorityKeyIdentifier(caCertificate));
            X509Certificate leafCertificate = certificate(leafCert, ca.getPrivate());
            Files.createDirectories(folder);
            secret(folder.resolve(CA_KEY), pem(ca.getPrivate()));
            secret(folder.resolve(KEY), pem(leaf.getPrivate()));
            Path aside = folder.resolve(CHAIN + ".part");
            Files.writeString(aside, pem(leafCertificate) + pem(caCertificate), StandardCharsets.US_ASCII);
            Files.move(aside, folder.resolve(CHAIN), StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new SigningException("cannot make the development signing CA (" + e.getMessage() + ")", e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).setBit(63);
    }

    private static X509Certificate certificate(X509v3CertificateBuilder b, PrivateKey issuer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer)));
    }

    /** Writes a key readable by its owner only, created so from the start (no window with wider rights). */
    private static void secret(Path file, String text) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(aside);
        try {
            Files.createFile(aside, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(aside); // not a POSIX file system
        }
        Files.writeString(aside, text, StandardCharsets.US_ASCII);
        Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(Object o) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o instanceof PrivateKey k ? new JcaPKCS8Generator(k, null) : o); // PKCS#8 keeps the curve
        }
        return out.toString();
    }

    private static String escape(String s) {
        return s.replaceAll("[,+\"\\\\<>;=#]", "_");
    }
}
