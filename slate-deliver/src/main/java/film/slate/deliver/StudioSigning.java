package film.slate.deliver;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.read.SettingsFiles;
import film.slate.deliver.c2pa.SigningException;
import film.slate.deliver.c2pa.SigningIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * slate.yaml's {@code delivery: { signing: { certificates: FILE, key_env: NAME } }}: the studio's
 * certificate chain (PEM, signer first, a path relative to the production) and the environment
 * variable that holds its private key (PEM). The key is read from the environment when a delivery is
 * signed and held in memory only; Slate never writes it. {@code slate check} and {@code slate
 * conform} judge it the same way, each fault one sentence at its slate.yaml line.
 */
public record StudioSigning(String certificates, String keyEnv, SourcePosition certificatesAt, SourcePosition keyEnvAt) {
    /**
     * The studio's identity for a delivery dated {@code on}, the key taken from {@code env}.
     *
     * @throws DeliveryException (cannot run) with the sentence of the first fault
     */
    public SigningIdentity identity(Path production, Map<String, String> env, LocalDate on) throws DeliveryException {
        byte[] pem = chainFile(production);
        try {
            List<X509Certificate> chain = SigningIdentity.studioChain(pem, certificates, on);
            return SigningIdentity.studio(chain, Optional.ofNullable(env.get(keyEnv)), keyEnv, certificates);
        } catch (SigningException e) {
            throw new DeliveryException(DeliveryException.Kind.CANNOT_RUN, at(e) + ": " + field(e) + e.getMessage());
        }
    }

    /**
     * Reports what {@link #identity} would refuse, for {@code slate check}: the same sentences, but a
     * key variable that is not set here is only a warning (check also runs where no key is, as in CI).
     */
    void check(SettingsFiles files, Map<String, String> env, LocalDate on, Diagnostics d) {
        Optional<byte[]> pem = files.resolve(certificates, certificatesAt, d).flatMap(ref -> files.read(ref.path()));
        if (pem.isEmpty()) {
            return; // reported by resolve as ref/file
        }
        try {
            List<X509Certificate> chain = SigningIdentity.studioChain(pem.get(), certificates, on);
            Optional<String> key = Optional.ofNullable(env.get(keyEnv)).filter(k -> !k.isBlank());
            if (key.isEmpty()) {
                d.add(new Diagnostic(Rule.SCHEMA_FIELD, Severity.WARNING, keyEnvAt, Optional.empty(), "delivery.signing"
                        + ".key_env: " + keyEnv + " is not set here, so slate conform will refuse to sign; export the"
                        + " studio's private key (PEM) in it where you conform"));
                return;
            }
            SigningIdentity.studio(chain, key, keyEnv, certificates);
        } catch (SigningException e) {
            d.add(Rule.SCHEMA_FIELD, at(e), field(e) + e.getMessage());
        }
    }

    private byte[] chainFile(Path production) throws DeliveryException {
        Path root = production.toAbsolutePath().normalize();
        Path file = root.resolve(certificates).normalize();
        if (!file.startsWith(root)) {
            throw new DeliveryException(DeliveryException.Kind.CANNOT_RUN, certificatesAt + ": delivery.signing"
                    + ".certificates: " + certificates + " lies outside the production; keep the chain file inside it");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw new DeliveryException(DeliveryException.Kind.CANNOT_RUN, certificatesAt + ": delivery.signing"
                    + ".certificates: " + certificates + " cannot be read (" + (Files.exists(file) ? "unreadable"
                    : "no such file") + "); put the studio's certificate chain there (PEM, signer first), or correct"
                    + " the path (relative to the production)");
        }
    }

    private SourcePosition at(SigningException e) {
        return e.part() == SigningException.Part.KEY ? keyEnvAt : certificatesAt;
    }

    private static String field(SigningException e) {
        return "delivery.signing." + (e.part() == SigningException.Part.KEY ? "key_env" : "certificates") + ": ";
    }
}
