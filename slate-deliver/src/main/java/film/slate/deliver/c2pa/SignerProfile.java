package film.slate.deliver.c2pa;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * What C2PA readers ask of the certificate that signs a claim (C2PA 2.x, trust model: signer
 * certificate profile), checked before a delivery is signed so that a studio hears it from Slate at
 * check or conform time rather than from a reader later: a key Slate signs with (ECDSA P-256, P-384,
 * P-521), not self-signed, not a CA, an authority key identifier, key usage digitalSignature, an
 * extended key usage C2PA accepts, and valid on the delivery's date. (c2pa-rs checks the same in its
 * certificate profile, so a certificate Slate accepts reads as valid there.)
 */
final class SignerProfile {
    /** id-kp-documentSigning (RFC 9336). */
    static final String DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";
    /** id-kp-emailProtection, which the C2PA trust model also accepts. */
    static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    /** c2pa-kp-claimSigning, the C2PA's own. */
    static final String CLAIM_SIGNING = "1.3.6.1.4.1.62558.2.1";
    private static final Set<String> ACCEPTED = Set.of(DOCUMENT_SIGNING, EMAIL_PROTECTION, CLAIM_SIGNING);
    private static final String ANY = "2.5.29.37.0";
    private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";

    private SignerProfile() {
    }

    /** Fails with one sentence when {@code signer} (from {@code file}) is no C2PA signer on {@code on}. */
    static void check(X509Certificate signer, String file, LocalDate on) throws SigningException {
        String who = "the signer certificate of " + file + " (" + signer.getSubjectX500Principal().getName() + ")";
        if (SigningAlgorithm.of(signer.getPublicKey()).isEmpty()) {
            throw new SigningException(who + " has a key of type " + signer.getPublicKey().getAlgorithm() + ", and Slate signs"
                    + " C2PA claims with ECDSA only (ES256, ES384, ES512); ask the studio's CA for a certificate on a"
                    + " P-256 or P-384 key");
        }
        if (selfSigned(signer)) {
            throw new SigningException(who + " is self-signed, and C2PA readers reject a self-signed signer; sign with"
                    + " a certificate the studio's CA issued and list the chain signer first");
        }
        if (signer.getBasicConstraints() >= 0) {
            throw new SigningException(who + " is a CA certificate, and C2PA readers reject a CA as signer; put the"
                    + " document-signing leaf first in the chain");
        }
        if (signer.getExtensionValue(AUTHORITY_KEY_IDENTIFIER) == null) {
            throw new SigningException(who + " has no authority key identifier, which C2PA readers require of a"
                    + " signer; ask the studio's CA to issue it with one (RFC 5280, 4.2.1.1)");
        }
        boolean[] usage = signer.getKeyUsage();
        List<String> eku = extendedKeyUsage(signer);
        if (usage == null || !usage[0] || usage[5] || eku.contains(ANY) || eku.stream().noneMatch(ACCEPTED::contains)) {
            throw new SigningException(who + " is not a C2PA signing certificate: it needs key usage digitalSignature"
                    + " (without keyCertSign) and an extended key usage C2PA accepts (document signing " + DOCUMENT_SIGNING
                    + ", email protection " + EMAIL_PROTECTION + " or C2PA claim signing " + CLAIM_SIGNING
                    + ") and not anyExtendedKeyUsage; ask the studio's CA for a document-signing certificate");
        }
        Date dayStart = Date.from(on.atStartOfDay(ZoneOffset.UTC).toInstant());
        Date dayEnd = Date.from(on.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        if (signer.getNotAfter().before(dayStart)) {
            throw new SigningException(who + " expired on " + signer.getNotAfter().toInstant() + ", before the delivery"
                    + " date " + on + "; renew it, or deliver on a date it covers (--on, delivery.date)");
        }
        if (!signer.getNotBefore().before(dayEnd)) {
            throw new SigningException(who + " is valid only from " + signer.getNotBefore().toInstant() + ", after the"
                    + " delivery date " + on + "; deliver on a date it covers (--on, delivery.date)");
        }
    }

    private static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<String> extendedKeyUsage(X509Certificate c) {
        try {
            List<String> eku = c.getExtendedKeyUsage();
            return eku == null ? List.of() : eku;
        } catch (java.security.cert.CertificateParsingException e) {
            return List.of();
        }
    }
}
