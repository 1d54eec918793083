package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.deliver.testing.C2paReader;
import film.slate.deliver.testing.StudioCa;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * slate conform with the studio's own signer (slate.yaml {@code delivery.signing}): the chain from
 * a file of the production, the key from the environment the command runs in. Every manifest reads
 * as the studio's in the c2pa project's reader, and the key is written nowhere: not in the delivery,
 * not in the store's objects, not in its database.
 */
class ConformStudioSigningTest extends ConformFixture {
    static final String VARIABLE = "SLATE_TEST_STUDIO_KEY";

    /** slate run in this JVM with {@code env} as its environment. */
    static Slate.Run withEnvironment(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Rig.standard().with(env));
        return new Slate.Run(code, out.toString(), err.toString());
    }

    @Test
    void theStudiosKeySignsEveryManifestAndIsWrittenNowhere() throws Exception {
        C2paReader reader = C2paReader.installed();
        approve("1/1S1", 2);
        approve("1/1S2", 1);
        approve("1/1S3", 2);
        StudioCa.Issued studio = StudioCa.issue("secp384r1", StudioCa.Flaw.NONE, LocalDate.now(ZoneOffset.UTC));
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/studio-chain.pem"), studio.chainPem());
        Path yaml = dir.resolve("slate.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("delivery: { use: personal }", "delivery: { use: personal,"
                + " signing: { certificates: certs/studio-chain.pem, key_env: " + VARIABLE + " } }"));
        Path out = tmp.resolve("delivery");

        Slate.Run check = withEnvironment(Map.of(), "check", dir.toString());
        assertThat(check.code()).as(check.out()).isZero(); // where no key is (CI), a warning only
        assertThat(check.out()).contains("warning schema/field: delivery.signing.key_env: " + VARIABLE + " is not set here")
                .contains("0 errors");
        Slate.Run refused = withEnvironment(Map.of(), "conform", dir.toString(), "--out", out.toString());
        assertThat(refused.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(refused.err()).startsWith("slate conform: slate.yaml:5:").contains("delivery.signing.key_env: the"
                + " environment variable " + VARIABLE + " is not set").hasLineCount(1);
        assertThat(out).doesNotExist();

        Slate.Run run = withEnvironment(Map.of(VARIABLE, studio.keyPem()), "conform", dir.toString(), "--out",
                out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("signed with the studio's key (slate.yaml delivery.signing) as " + StudioCa.SUBJECT);
        assertThat(dir.resolve(".slate/signing")).doesNotExist(); // no development CA was made
        List<Path> signed = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(p -> p.toString().endsWith(".mp4") || p.toString().endsWith(".c2pa")).sorted().forEach(signed::add);
        }
        assertThat(signed).hasSize(7); // the cut, three proxies, three masters' sidecars
        for (C2paReader.Report r : reader.read(signed)) {
            assertThat(r.found()).as(r.file() + ": " + r.error()).isTrue();
            assertThat(r.sidecarFailures()).as(r.file() + " " + r.statuses())
                    .allMatch(f -> C2paReader.ACCEPTED.contains(f.code()));
            assertThat(r.statuses()).extracting(C2paReader.Status::code).contains("claimSignature.validated");
            assertThat(r.manifest().path("signature_info").path("common_name").asText())
                    .isEqualTo("Harbour Pictures C2PA signer");
        }
        List<String> secrets = new ArrayList<>(studio.keyPem().lines().filter(l -> !l.startsWith("-----")).toList());
        secrets.add(Base64.getEncoder().encodeToString(studio.keyDer()));
        secrets.add(new String(studio.keyDer(), StandardCharsets.ISO_8859_1));
        for (Path root : List.of(out, dir)) { // the delivery, and the production with its store and database
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertThat(secrets).as(f.toString()).noneMatch(bytes::contains);
                    assertThat(bytes).as(f.toString()).doesNotContain("PRIVATE KEY");
                }
            }
        }
    }

    /**
     * The signer is a delivery's concern: a chain file that is missing is an error of {@code slate
     * check} and would stop conform, but a build (any machine of the farm) and status go on.
     */
    @Test
    void aSignerThatCannotSignStopsCheckNotTheBuild() throws Exception {
        Path yaml = dir.resolve("slate.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("delivery: { use: personal }", "delivery: { use: personal,"
                + " signing: { certificates: certs/missing-chain.pem, key_env: " + VARIABLE + " } }"));
        Slate.Run check = withEnvironment(Map.of(), "check", dir.toString());
        assertThat(check.code()).as(check.out()).isEqualTo(ExitCode.FINDINGS);
        assertThat(check.out()).contains("certs/missing-chain.pem");
        Slate.Run dryRun = withEnvironment(Map.of(), "build", dir.toString(), "--dry-run");
        assertThat(dryRun.code()).as(dryRun.err()).isZero();
        Slate.Run status = withEnvironment(Map.of(), "status", dir.toString());
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out() + status.err()).doesNotContain("missing-chain.pem");
    }
}
