package film.slate.cli;

import static film.slate.cli.ConformCommandTest.real;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import film.slate.deliver.testing.C2paReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * slate conform's provenance and rights on the same built production as {@link ConformCommandTest}:
 * the C2PA manifests as the c2pa project's own reader sees them, and consents limited in territory
 * and start date.
 */
class ConformProvenanceTest extends ConformFixture {
    /**
     * Every delivered MP4 (each clip's proxy and the cut) carries a C2PA manifest that the c2pa
     * project's own reader finds, whose claim signature verifies and whose BMFF hash matches, with no
     * failure but the development CA's {@code signingCredential.untrusted} (see C2paReader.ACCEPTED),
     * and whose assertions carry Slate's record; one flipped byte of video data is a hash mismatch.
     */
    @Test
    void everyDeliveredClipCarriesAC2paManifestTheC2paReaderValidates() throws Exception {
        C2paReader reader = C2paReader.installed();
        approve("1/1S1", 2);
        approve("1/1S2", 1);
        approve("1/1S3", 2);
        Path yaml = dir.resolve("slate.yaml"); // private prompts stay out of the manifests too
        Files.writeString(yaml, Files.readString(yaml).replace("use: personal", "use: personal, prompts: private"));
        Path out = tmp.resolve("delivery");
        Slate.Run run = conform("--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("signed with the development CA in " + dir.resolve(".slate/signing"));
        assertThat(dir.resolve(".slate/signing/development-key.pem")).isRegularFile();
        List<Path> mp4s = new ArrayList<>();
        try (var walk = Files.walk(out)) {
            walk.filter(p -> p.toString().endsWith(".mp4")).sorted().forEach(mp4s::add);
            assertThat(Files.walk(out).filter(Files::isRegularFile).map(ConformProvenanceTest::text))
                    .noneMatch(t -> t.contains("PRIVATE KEY") || t.contains("Beat 1 of scene 1"));
        }
        assertThat(mp4s).hasSize(4);
        List<C2paReader.Report> reports = reader.read(mp4s);
        for (C2paReader.Report r : reports) {
            assertThat(r.found()).as(r.file() + ": " + r.error()).isTrue();
            assertThat(r.failures()).as(r.file() + " " + r.statuses()).allMatch(f -> C2paReader.ACCEPTED.contains(f.code()));
            assertThat(r.statuses()).extracting(C2paReader.Status::code).as(r.file())
                    .contains("claimSignature.validated", "assertion.bmffHash.match");
        }
        List<String> masters = List.of("1_1S1_t2_v1", "1_1S2_t1_v1", "1_1S3_t2_v1");
        List<C2paReader.Report> sidecars = reader.read(masters.stream().map(m -> out.resolve("media/" + m + ".c2pa")).toList());
        for (int i = 0; i < sidecars.size(); i++) { // each master's sidecar: signed, and its data hash is the whole master's
            C2paReader.Report r = sidecars.get(i);
            assertThat(r.found()).as(r.file() + ": " + r.error()).isTrue();
            assertThat(r.sidecarFailures()).as(r.file() + " " + r.statuses())
                    .allMatch(f -> C2paReader.ACCEPTED.contains(f.code()));
            assertThat(r.statuses()).extracting(C2paReader.Status::code).contains("claimSignature.validated");
            assertThat(r.bindsWhole(out.resolve("media/" + masters.get(i) + ".mkv"))).as(r.file()).isTrue();
            assertThat(r.assertion("film.slate.take").path("shot").asText()).isEqualTo(ConformCommandTest.SHOTS.get(i));
        }
        C2paReader.Report cut = reports.get(0);
        assertThat(cut.file()).endsWith("cut.mp4");
        assertThat(cut.assertion("c2pa.actions.v2").path("actions").get(0).path("digitalSourceType").asText())
                .endsWith("/compositeWithTrainedAlgorithmicMedia");
        assertThat(cut.assertion("film.slate.cut").path("clips").findValuesAsText("shot")).isEqualTo(ConformCommandTest.SHOTS);
        JsonNode ingredients = cut.manifest().path("ingredients"); // the masters the cut was encoded from
        assertThat(ingredients).hasSize(3);
        assertThat(ingredients.findValuesAsText("title")).containsExactlyElementsOf(masters.stream().map(m -> m + ".mkv")
                .toList());
        assertThat(ingredients.findValuesAsText("relationship")).containsOnly("componentOf");
        assertThat(ingredients.get(0).path("instance_id").asText())
                .isEqualTo(sidecars.get(0).manifest().path("instance_id").asText());
        C2paReader.Report first = reports.get(1);
        assertThat(first.file()).endsWith("1_1S1_t2_v1_proxy.mp4");
        JsonNode action = first.assertion("c2pa.actions.v2").path("actions").get(0);
        assertThat(action.path("action").asText()).isEqualTo("c2pa.created");
        assertThat(action.path("digitalSourceType").asText()).endsWith("/algorithmicMedia"); // the previz renderer
        JsonNode take = first.assertion("film.slate.take");
        assertThat(take.path("shot").asText()).isEqualTo("1/1S1");
        assertThat(take.path("take").asInt()).isEqualTo(2);
        assertThat(take.path("recipe").asText()).hasSize(64);
        assertThat(take.path("rights").path("use").asText()).isEqualTo("personal");
        assertThat(take.path("approval").path("by").asText()).isEqualTo("mara");
        assertThat(take.path("prompt").asText()).isEqualTo("(private)");

        Path clip = mp4s.get(2);
        byte[] bytes = Files.readAllBytes(clip);
        int mdat = mdat(bytes);
        bytes[mdat + (bytes.length - mdat) / 2] ^= 0x40;
        Files.write(clip, bytes);
        assertThat(reader.read(List.of(clip)).get(0).statuses()).extracting(C2paReader.Status::code)
                .contains("assertion.bmffHash.mismatch");
        Path master = out.resolve("media/" + masters.get(1) + ".mkv"); // one altered byte of a master: not the signed hash
        byte[] mkv = Files.readAllBytes(master);
        mkv[mkv.length / 2] ^= 0x40;
        Files.write(master, mkv);
        assertThat(reader.read(List.of(out.resolve("media/" + masters.get(1) + ".c2pa"))).get(0).bindsWhole(master)).isFalse();
    }

    /**
     * A version made by slate fix is delivered as opened from its parent version (a parentOf
     * ingredient named by its master's SHA-256) and edited by the fix; previz fixing previz is a
     * synthetic composite (ClipActionsTest reads a generative fix's trained composite); the plain
     * renders beside it stay created.
     */
    @Test
    void aFixedVersionIsDeliveredAsEditedFromItsParent() throws Exception {
        C2paReader reader = C2paReader.installed();
        Slate.Run fix = real("fix", "1/1S1", dir.toString(), "--take", "1", "--frames", "1-4", "--region", "8,4,20,10");
        assertThat(fix.code()).as(fix.err()).isZero();
        approve("1/1S1", 1);
        approve("1/1S2", 1);
        approve("1/1S3", 1);
        Path out = tmp.resolve("delivery");
        Slate.Run run = conform("--out", out.toString(), "--format", "otio");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(out.resolve("media/1_1S1_t1_v2.mkv")).isRegularFile();
        JsonNode record = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("provenance.json").toFile())
                .path("clips").get(0);
        String parentMaster = record.path("parent").path("master").asText();
        assertThat(record.path("parent").path("version").asInt()).isEqualTo(1);
        assertThat(record.path("fixes")).hasSize(1);
        assertThat(record.path("fixes").get(0).path("frames").toString()).isEqualTo("[1,4]");

        List<C2paReader.Report> reports = reader.read(List.of(out.resolve("media/1_1S1_t1_v2_proxy.mp4"),
                out.resolve("media/1_1S1_t1_v2.c2pa"), out.resolve("media/1_1S2_t1_v1_proxy.mp4")));
        for (C2paReader.Report r : reports.subList(0, 2)) {
            assertThat(r.found()).as(r.file() + ": " + r.error()).isTrue();
            assertThat(r.sidecarFailures()).as(r.file() + " " + r.statuses())
                    .allMatch(f -> C2paReader.ACCEPTED.contains(f.code()));
            JsonNode actions = r.assertion("c2pa.actions.v2").path("actions");
            assertThat(actions.findValuesAsText("action")).as(r.file()).containsExactly("c2pa.opened", "c2pa.edited");
            assertThat(actions.get(1).path("digitalSourceType").asText()).endsWith("/compositeSynthetic");
            JsonNode parent = r.manifest().path("ingredients");
            assertThat(parent).hasSize(1);
            assertThat(parent.get(0).path("relationship").asText()).isEqualTo("parentOf");
            assertThat(parent.get(0).path("instance_id").asText()).isEqualTo("sha256:" + parentMaster);
            assertThat(parent.get(0).path("title").asText()).isEqualTo("1_1S1_t1_v1.mkv");
        }
        assertThat(reports.get(1).bindsWhole(out.resolve("media/1_1S1_t1_v2.mkv"))).isTrue();
        JsonNode plain = reports.get(2).assertion("c2pa.actions.v2").path("actions");
        assertThat(plain.findValuesAsText("action")).containsExactly("c2pa.created");
        assertThat(plain.get(0).path("digitalSourceType").asText()).endsWith("/algorithmicMedia");
    }

    static String text(Path p) {
        try {
            return new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where the top-level mdat box of an MP4 starts (its payload, past the 8-byte header). */
    static int mdat(byte[] mp4) {
        int at = 0;
        while (at + 8 <= mp4.length) {
            int size = java.nio.ByteBuffer.wrap(mp4, at, 4).getInt();
            if (new String(mp4, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("mdat")) {
                return at + 8;
            }
            at += size;
        }
        throw new AssertionError("no mdat box");
    }

    @Test
    void aConsentLimitedInTerritoryOrStartDateBlocksADeliveryOutsideIt() throws Exception {
        approve("1/1S1", 1);
        approve("1/1S2", 1);
        approve("1/1S3", 1);
        Files.writeString(dir.resolve("rights.yaml"), ConformCommandTest.CLEARED.replace("uses: [personal, festival] }",
                "uses: [personal, festival], territory: [FR, BE], from: 2026-03-01 }"));
        Path out = tmp.resolve("cut");
        Slate.Run worldwide = conform("--out", out.toString(), "--format", "edl", "--on", "2026-06-01");
        assertThat(worldwide.code()).as(worldwide.err()).isEqualTo(ExitCode.INVALID_PRODUCTION);
        assertThat(worldwide.err()).contains("2 clips may not be delivered for personal use worldwide on 2026-06-01")
                .contains("1/1S1: rights/likeness at rights.yaml:2:9: MARA has reference images but has a likeness consent"
                        + " that covers only the territory BE, FR, not a worldwide delivery; add a signed consent covering"
                        + " personal use worldwide under 'likeness:' in rights.yaml");
        Slate.Run us = conform("--out", out.toString(), "--format", "edl", "--territory", "FR,us", "--on", "2026-06-01");
        assertThat(us.code()).isEqualTo(ExitCode.INVALID_PRODUCTION);
        assertThat(us.err()).contains("personal use in FR, US").contains("covers only the territory BE, FR, not US");
        Slate.Run early = conform("--out", out.toString(), "--format", "edl", "--territory", "FR", "--on", "2026-02-28");
        assertThat(early.code()).isEqualTo(ExitCode.INVALID_PRODUCTION);
        assertThat(early.err()).contains("in force only from 2026-03-01, after the delivery date 2026-02-28");
        assertThat(out).doesNotExist();
        Slate.Run france = conform("--out", out.toString(), "--format", "edl", "--territory", "fr,BE", "--on", "2026-03-01");
        assertThat(france.code()).as(france.err()).isZero();

        // slate.yaml's delivery.territory and delivery.date stand in for --territory and --on; the options still win.
        Path yaml = dir.resolve("slate.yaml");
        String plain = Files.readString(yaml);
        Files.writeString(yaml, plain.replace("use: personal", "use: personal, territory: [fr, BE], date: 2026-03-01"));
        Path fromYaml = tmp.resolve("from-yaml");
        Slate.Run defaults = conform("--out", fromYaml.toString(), "--format", "edl");
        assertThat(defaults.code()).as(defaults.err()).isZero();
        Slate.Run overridden = conform("--out", tmp.resolve("y").toString(), "--format", "edl", "--territory", "US");
        assertThat(overridden.code()).isEqualTo(ExitCode.INVALID_PRODUCTION);
        assertThat(overridden.err()).contains("personal use in US on 2026-03-01");
        for (String[] bad : List.of(new String[] {"territory: France", "'territory' of delivery of slate.yaml names"
                + " 'France'; write ISO 3166-1 two-letter codes"}, new String[] {"date: 1 March", "'date' of delivery of"
                + " slate.yaml is '1 March'; write the date as YYYY-MM-DD"})) {
            Files.writeString(yaml, plain.replace("use: personal", "use: personal, " + bad[0]));
            Slate.Run refused = conform("--out", tmp.resolve("z").toString(), "--format", "edl");
            assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCode.INVALID_PRODUCTION);
            assertThat(refused.err()).matches("(?s)slate conform: slate\\.yaml:5:\\d+: .*").contains(bad[1])
                    .doesNotContain("Exception");
            assertThat(tmp.resolve("z")).doesNotExist();
        }
        Files.writeString(yaml, plain);
        assertThat(conform("--out", tmp.resolve("x").toString(), "--territory", "France").code())
                .isEqualTo(ExitCode.CANNOT_RUN);
    }
}
