package film.slate.deliver.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.recipe.Sha256;
import film.slate.deliver.testing.C2paReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sidecar manifest store read by the c2pa project's own reader. The reader (0.15) reads a store
 * only on its own, so it verifies the signature and every hashed URI (the data hash among them) but
 * checks the data hash against the store itself; that the signed hash is the asset's is compared here.
 */
class SidecarCredentialsTest {
    @TempDir
    Path tmp;
    Path mkv;
    Path sidecar;

    @BeforeEach
    void asset() throws Exception {
        mkv = tmp.resolve("clip.mkv");
        byte[] bytes = new byte[50_000];
        new Random(7).nextBytes(bytes);
        Files.write(mkv, bytes);
        sidecar = tmp.resolve(SidecarCredentials.sidecar("clip.mkv"));
    }

    private void sign(Path to) throws Exception {
        SidecarCredentials.write(to, HexFormat.of().parseHex(Sha256.file(mkv)), Mp4CredentialsTest.manifest(),
                DevelopmentCa.in(tmp.resolve("signing"), "test", Mp4CredentialsTest.NOW));
    }

    @Test
    void theReaderVerifiesTheStoreAndItsSignedHashIsTheWholeAsset() throws Exception {
        C2paReader reader = C2paReader.installed();
        assertThat(SidecarCredentials.sidecar("media/1_1A_t1_v2.mkv")).isEqualTo("media/1_1A_t1_v2.c2pa");
        sign(sidecar);

        C2paReader.Report r = reader.read(List.of(sidecar)).get(0);
        assertThat(r.found()).as(r.error()).isTrue();
        assertThat(r.sidecarFailures()).as(r.statuses().toString()).allMatch(s -> C2paReader.ACCEPTED.contains(s.code()));
        assertThat(r.statuses()).extracting(C2paReader.Status::code).contains("claimSignature.validated");
        assertThat(r.statuses()).filteredOn(s -> s.code().equals("assertion.hashedURI.match"))
                .anyMatch(s -> s.explanation().endsWith("c2pa.assertions/c2pa.hash.data"));
        assertThat(r.assertion("film.slate.take").path("shot").asText()).isEqualTo("1/1A");
        assertThat(r.dataHash()).hasValueSatisfying(h -> assertThat(h.exclusions()).isZero());
        assertThat(r.bindsWhole(mkv)).isTrue();

        byte[] bytes = Files.readAllBytes(mkv); // one altered byte of the asset: its hash is no longer the signed one
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(mkv, bytes);
        assertThat(reader.read(List.of(sidecar)).get(0).bindsWhole(mkv)).isFalse();
    }

    @Test
    void aHashAlteredInsideTheStoreBreaksItsHashedUriAndTheSameInputGivesTheSameBytes() throws Exception {
        C2paReader reader = C2paReader.installed();
        sign(sidecar);
        Path again = tmp.resolve("again.c2pa");
        sign(again);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(sidecar));

        byte[] store = Files.readAllBytes(sidecar);
        byte[] hash = HexFormat.of().parseHex(Sha256.file(mkv));
        int at = indexOf(store, hash);
        assertThat(at).isPositive();
        store[at] ^= 0x01;
        Files.write(sidecar, store);
        C2paReader.Report r = reader.read(List.of(sidecar)).get(0);
        assertThat(r.statuses()).extracting(C2paReader.Status::code).contains("assertion.hashedURI.mismatch");
    }

    private static int indexOf(byte[] in, byte[] part) {
        for (int i = 0; i + part.length <= in.length; i++) {
            if (java.util.Arrays.equals(in, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
