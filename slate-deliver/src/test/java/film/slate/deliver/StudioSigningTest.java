package film.slate.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Severity;
import film.slate.core.check.Checker;
import film.slate.core.read.ProductionReader;
import film.slate.deliver.c2pa.Manifest;
import film.slate.deliver.c2pa.Mp4Credentials;
import film.slate.deliver.c2pa.SigningIdentity;
import film.slate.deliver.testing.C2paReader;
import film.slate.deliver.testing.StudioCa;
import film.slate.media.ffmpeg.CutEncoder;
import film.slate.media.ffmpeg.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * slate.yaml's {@code delivery.signing}: a studio's chain and key sign manifests that the c2pa
 * project's reader validates as the studio's; every bad chain or key is one sentence at its
 * slate.yaml line, the same at {@code slate check} (through core's reader) and at conform.
 */
class StudioSigningTest {
    static final LocalDate ON = LocalDate.parse("2026-12-01");
    static final String VARIABLE = "SLATE_TEST_STUDIO_KEY";
    /** Line 7 holds certificates:, line 8 key_env:. */
    static final String YAML = """
            title: Harbour
            id: harbour
            delivery:
              use: personal
              date: 2026-12-01
              signing:
                certificates: certs/studio-chain.pem
                key_env: SLATE_TEST_STUDIO_KEY
            """;

    @TempDir
    Path dir;

    Path production(String yaml, Optional<String> chain) throws Exception {
        Files.writeString(dir.resolve("slate.yaml"), yaml);
        if (chain.isPresent()) {
            Files.createDirectories(dir.resolve("certs"));
            Files.writeString(dir.resolve("certs/studio-chain.pem"), chain.get());
        }
        return dir;
    }

    /** What {@code slate check} finds in slate.yaml (the signer is judged there, not on every read). */
    List<Diagnostic> check() throws Exception {
        return Checker.check(ProductionReader.read(dir)).stream().filter(d -> d.position().file().equals("slate.yaml"))
                .toList();
    }

    SigningIdentity conform(Map<String, String> env) throws Exception {
        var read = ProductionReader.read(dir);
        return DeliverySettings.of(read.production().manifest()).signing().orElseThrow().identity(dir, env, ON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1"})
    void theStudiosKeySignsAManifestTheC2paReaderValidatesAsTheStudios(String curve) throws Exception {
        C2paReader reader = C2paReader.installed();
        StudioCa.Issued studio = StudioCa.issue(curve, StudioCa.Flaw.NONE, ON);
        production(YAML, Optional.of(studio.chainPem()));
        assertThat(check()).extracting(Diagnostic::severity).containsOnly(Severity.WARNING); // the key is not set here
        SigningIdentity identity = conform(Map.of(VARIABLE, studio.keyPem()));
        assertThat(identity.development()).isFalse();
        assertThat(identity.subject()).isEqualTo(StudioCa.SUBJECT);

        Path mp4 = dir.resolve("clip.mp4");
        CutEncoder.encode(Ffmpeg.find(), List.of(new CutEncoder.Piece(Optional.empty(), 12)), 64, 36, 12, "01:00:00:00",
                mp4);
        Path copy = dir.resolve("copy.mp4");
        Files.copy(mp4, copy);
        Mp4Credentials.embed(mp4, manifest(), identity);
        Mp4Credentials.embed(copy, manifest(), conform(Map.of(VARIABLE, studio.keyPem())));
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(mp4)); // deterministic ECDSA on either curve

        C2paReader.Report r = reader.read(List.of(mp4)).get(0);
        assertThat(r.found()).as(r.error()).isTrue();
        assertThat(r.failures()).as(r.statuses().toString()).allMatch(s -> C2paReader.ACCEPTED.contains(s.code()));
        assertThat(r.statuses()).extracting(C2paReader.Status::code)
                .contains("claimSignature.validated", "assertion.bmffHash.match");
        assertThat(r.manifest().path("signature_info").path("common_name").asText())
                .isEqualTo("Harbour Pictures C2PA signer");
        assertThat(r.manifest().path("signature_info").path("alg").asText())
                .isEqualToIgnoringCase(curve.equals("secp256r1") ? "es256" : "es384");
        String bytes = new String(Files.readAllBytes(mp4), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain(new String(studio.keyDer(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(Base64.getEncoder().encodeToString(studio.keyDer()).substring(0, 40));
    }

    static Stream<Arguments> badChains() {
        return Stream.of(
                Arguments.of(StudioCa.Flaw.SELF_SIGNED, "is self-signed, and C2PA readers reject a self-signed signer"),
                Arguments.of(StudioCa.Flaw.SERVER_AUTH_ONLY, "is not a C2PA signing certificate"),
                Arguments.of(StudioCa.Flaw.CA_AS_LEAF, "is a CA certificate"),
                Arguments.of(StudioCa.Flaw.EXPIRED, "before the delivery date 2026-12-01; renew it"),
                Arguments.of(StudioCa.Flaw.NOT_YET_VALID, "after the delivery date 2026-12-01"),
                Arguments.of(StudioCa.Flaw.NO_AUTHORITY_KEY_ID, "has no authority key identifier, which C2PA readers"
                        + " require"),
                Arguments.of(StudioCa.Flaw.RSA, "has a key of type RSA, and Slate signs C2PA claims with ECDSA only"));
    }

    @ParameterizedTest
    @MethodSource("badChains")
    void aSignerCertificateReadersRejectIsOneSentenceAtItsLine(StudioCa.Flaw flaw, String sentence) throws Exception {
        StudioCa.Issued studio = StudioCa.issue("secp256r1", flaw, ON);
        production(YAML, Optional.of(studio.chainPem()));
        assertThat(check()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
            assertThat(d.position().line()).isEqualTo(7);
            assertThat(d.message()).startsWith("delivery.signing.certificates: the signer certificate of"
                    + " certs/studio-chain.pem (" + StudioCa.SUBJECT + ")").contains(sentence);
        });
        assertThatThrownBy(() -> conform(Map.of(VARIABLE, studio.keyPem()))).isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("slate.yaml:7:").hasMessageContaining(sentence)
                .satisfies(e -> assertThat(((DeliveryException) e).kind()).isEqualTo(DeliveryException.Kind.CANNOT_RUN));
    }

    @Test
    void aMissingOrNonPemChainFileIsOneSentenceAtItsLine() throws Exception {
        production(YAML, Optional.empty());
        assertThat(check()).filteredOn(Diagnostic::isError).singleElement()
                .satisfies(d -> assertThat(d.position().line()).isEqualTo(7));
        assertThatThrownBy(() -> conform(Map.of())).isInstanceOf(DeliveryException.class)
                .hasMessage("slate.yaml:7:19: delivery.signing.certificates: certs/studio-chain.pem cannot be read (no"
                        + " such file); put the studio's certificate chain there (PEM, signer first), or correct the path"
                        + " (relative to the production)");
        production(YAML, Optional.of("not a certificate\n"));
        String sentence = "delivery.signing.certificates: certs/studio-chain.pem holds no PEM certificate chain; export"
                + " the studio's chain as PEM (-----BEGIN CERTIFICATE-----), signer first, into that file";
        assertThat(check()).filteredOn(Diagnostic::isError).extracting(Diagnostic::message).containsExactly(sentence);
        assertThatThrownBy(() -> conform(Map.of())).hasMessage("slate.yaml:7:19: " + sentence);
        StudioCa.Issued studio = StudioCa.issue("secp256r1", StudioCa.Flaw.NONE, ON);
        production(YAML, Optional.of(studio.chainPem() + studio.keyPem())); // a key beside the chain: refused
        assertThat(check()).filteredOn(Diagnostic::isError).extracting(Diagnostic::message).singleElement()
                .asString().contains("certs/studio-chain.pem holds a private key; keep only certificates in it");
    }

    @Test
    void aMissingWrongOrForeignKeyIsOneSentenceAtKeyEnvThatNeverQuotesTheKey() throws Exception {
        StudioCa.Issued studio = StudioCa.issue("secp256r1", StudioCa.Flaw.NONE, ON);
        StudioCa.Issued other = StudioCa.issue("secp256r1", StudioCa.Flaw.NONE, ON);
        production(YAML, Optional.of(studio.chainPem()));
        assertThat(check()).singleElement().satisfies(d -> { // check runs where no key is (CI): a warning
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.position().line()).isEqualTo(8);
            assertThat(d.message()).contains(VARIABLE + " is not set here");
        });
        assertThatThrownBy(() -> conform(Map.of())).hasMessage("slate.yaml:8:14: delivery.signing.key_env: the"
                + " environment variable " + VARIABLE + " is not set; export the studio's private key (PEM, PKCS#8) in"
                + " it before conforming, or remove delivery.signing to sign with the development CA");
        for (String notAKey : List.of("/home/studio/key.pem", studio.chainPem(), "-----BEGIN PRIVATE KEY-----\nAAAA\n"
                + "-----END PRIVATE KEY-----\n")) {
            assertThatThrownBy(() -> conform(Map.of(VARIABLE, notAKey))).hasMessageStartingWith("slate.yaml:8:14: "
                    + "delivery.signing.key_env: the environment variable " + VARIABLE + " holds no PEM private key");
        }
        assertThatThrownBy(() -> conform(Map.of(VARIABLE, other.keyPem()))).hasMessage("slate.yaml:8:14:"
                + " delivery.signing.key_env: the key in " + VARIABLE + " does not belong to the signer certificate of"
                + " certs/studio-chain.pem (" + StudioCa.SUBJECT + "); export the key that certificate was issued for,"
                + " or put that key's certificate first in the chain")
                .hasMessageNotContaining(other.keyPem().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void theSigningFieldsAreCheckedAndAKeyIsNeverWrittenInSlateYaml() throws Exception {
        production(YAML.replace("key_env: SLATE_TEST_STUDIO_KEY", "key: \"-----BEGIN PRIVATE KEY-----\""),
                Optional.of("x"));
        assertThat(check()).filteredOn(Diagnostic::isError).extracting(Diagnostic::message)
                .anyMatch(m -> m.contains("lacks the field 'key_env'"))
                .anyMatch(m -> m.startsWith("'key' of signing of delivery of slate.yaml would put the signing key in"
                        + " the production; never write it here"));
        assertThatThrownBy(() -> DeliverySettings.of(ProductionReader.read(dir).production().manifest()))
                .isInstanceOf(DeliveryException.class).hasMessageStartingWith("slate.yaml:");
        production(YAML.replace("key_env: SLATE_TEST_STUDIO_KEY", "key_env: $KEY"), Optional.of("x"));
        assertThat(check()).filteredOn(Diagnostic::isError).extracting(Diagnostic::message)
                .containsExactly("'key_env' of signing of delivery of slate.yaml is '$KEY'; name the environment"
                        + " variable that holds the key (letters, digits and '_'), not the key");
    }

    @Test
    void withoutSigningTheDeliveryHasNoStudioSignerAndTheOtherFieldsReadAsBefore() throws Exception {
        production("title: Harbour\nid: harbour\ndelivery: { use: festival, prompts: private, territory: [fr, BE],"
                + " date: 2026-06-01 }\n", Optional.empty());
        assertThat(check()).isEmpty();
        DeliverySettings s = DeliverySettings.of(ProductionReader.read(dir).production().manifest());
        assertThat(s).isEqualTo(new DeliverySettings(true, java.util.Set.of("FR", "BE"),
                Optional.of(LocalDate.parse("2026-06-01")), Optional.empty()));
        production("title: Harbour\nid: harbour\ndelivery: { territory: France, sign: yes }\n", Optional.empty());
        assertThat(check()).extracting(Diagnostic::message).containsExactly(
                "'territory' of delivery of slate.yaml names 'France'; write ISO 3166-1 two-letter codes such as US or"
                        + " FR, or worldwide",
                "unknown field 'sign' in delivery of slate.yaml; known fields are: use, prompts, territory, date, signing.");
    }

    static Manifest manifest() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("c2pa.actions.v2", Map.of("actions", List.of(Map.of("action", "c2pa.created", "digitalSourceType",
                "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"))));
        return new Manifest("clip.mp4", "studio test", a);
    }
}
