package film.slate.deliver.c2pa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.deliver.testing.C2paReader;
import film.slate.media.ffmpeg.CutEncoder;
import film.slate.media.ffmpeg.Ffmpeg;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed MP4 read back by the c2pa project's own reader, and what breaks it. */
class Mp4CredentialsTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path tmp;
    Path mp4;

    @BeforeEach
    void encode() {
        mp4 = tmp.resolve("clip.mp4");
        CutEncoder.encode(Ffmpeg.find(), List.of(new CutEncoder.Piece(Optional.empty(), 24)), 64, 36, 12,
                "01:00:00:00", mp4);
    }

    static Manifest manifest() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("c2pa.actions.v2", Map.of("actions", List.of(Map.of("action", "c2pa.created", "digitalSourceType",
                "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"))));
        a.put("film.slate.take", Map.of("shot", "1/1A", "take", 2));
        return new Manifest("clip.mp4", "1/1A t2", a);
    }

    @Test
    void theReaderFindsTheManifestVerifiesItsSignatureAndItsHashAndTheClipStillPlays() throws Exception {
        C2paReader reader = C2paReader.installed();
        long frames = Ffmpeg.find().probe(mp4).frames();
        Mp4Credentials.embed(mp4, manifest(), DevelopmentCa.in(tmp.resolve("signing"), "test", NOW));

        C2paReader.Report r = reader.read(List.of(mp4)).get(0);
        assertThat(r.found()).as(r.error()).isTrue();
        assertThat(r.failures()).as(r.statuses().toString()).allMatch(s -> C2paReader.ACCEPTED.contains(s.code()));
        assertThat(r.statuses()).extracting(C2paReader.Status::code)
                .contains("claimSignature.validated", "assertion.bmffHash.match", "signingCredential.untrusted");
        assertThat(r.assertion("film.slate.take").path("shot").asText()).isEqualTo("1/1A");
        assertThat(r.manifest().path("signature_info").path("common_name").asText()).contains("development");
        // The box went in after ftyp and the chunk offsets moved with the media: it decodes as before.
        assertThat(Ffmpeg.find().probe(mp4).frames()).isEqualTo(frames);
        try (FileChannel in = FileChannel.open(mp4)) {
            assertThat(Mp4Boxes.topLevel(in)).extracting(Mp4Boxes.Box::type).startsWith("ftyp", "uuid");
        }
    }

    @Test
    void oneFlippedByteOfTheVideoDataIsAHashMismatch() throws Exception {
        C2paReader reader = C2paReader.installed();
        Mp4Credentials.embed(mp4, manifest(), DevelopmentCa.in(tmp.resolve("signing"), "test", NOW));
        Mp4Boxes.Box mdat;
        try (FileChannel in = FileChannel.open(mp4)) {
            mdat = Mp4Boxes.topLevel(in).stream().filter(b -> b.type().equals("mdat")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(mp4);
        bytes[(int) (mdat.offset() + mdat.size() / 2)] ^= 0x01;
        Files.write(mp4, bytes);

        C2paReader.Report r = reader.read(List.of(mp4)).get(0);
        assertThat(r.found()).isTrue();
        assertThat(r.statuses()).extracting(C2paReader.Status::code).contains("assertion.bmffHash.mismatch")
                .doesNotContain("assertion.bmffHash.match");
    }

    @Test
    void signingTwiceGivesTheSameBytes() throws Exception {
        SigningIdentity id = DevelopmentCa.in(tmp.resolve("signing"), "test", NOW);
        Path copy = tmp.resolve("copy.mp4");
        Files.copy(mp4, copy);
        Mp4Credentials.embed(mp4, manifest(), id);
        Mp4Credentials.embed(copy, manifest(), DevelopmentCa.in(tmp.resolve("signing"), "test", NOW));
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(mp4));
        assertThatThrownBy(() -> Mp4Credentials.embed(mp4, manifest(), id)).hasMessageContaining("already carries");
    }

    /**
     * The binding is written in one order in every JVM: a map whose iteration order depends on the
     * JVM's start (Map.of) made a delivery's MP4s differ between two runs without a class archive.
     */
    @Test
    void theBindingsMapsAreWrittenInTheOrderTheyAreBuilt() {
        String cbor = new String(Cbor.encode(Mp4Credentials.binding(new byte[32])),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(cbor.indexOf("offset")).isPositive().isLessThan(cbor.indexOf("value"));
        assertThat(cbor.indexOf("exclusions")).isLessThan(cbor.indexOf("alg")).isLessThan(cbor.indexOf("hash"));
    }
}
