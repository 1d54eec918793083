package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.recipe.Sha256;
import film.slate.core.testing.SyntheticProduction;
import film.slate.store.Store;
import film.slate.store.db.TakeRecord;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path tmp;

    static List<TakeRecord> takes(Path dir) throws Exception {
        try (Store store = Store.open(dir)) {
            return store.takes().ofAll();
        }
    }

    static Path object(Path dir, String hash) {
        return dir.resolve(".slate/objects/sha256").resolve(hash.substring(0, 2)).resolve(hash.substring(2));
    }

    /** Flips one byte in the middle: same size, other bytes. */
    static void damage(Path file) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0xff);
        }
    }

    @Test
    void findsDamagedAndMissingObjectsAndRepairMakesTheNextBuildRenderOnlyThoseTakes() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        Slate.Run clean = Slate.inProcess("verify", dir.toString());
        assertThat(clean.code()).as(clean.err()).isZero();
        assertThat(clean.out()).isEmpty();

        List<TakeRecord> before = takes(dir);
        assertThat(before).hasSize(3);
        TakeRecord damaged = before.get(0);
        TakeRecord lost = before.get(1);
        String damagedMaster = damaged.master().orElseThrow();
        String lostMaster = lost.master().orElseThrow();
        Map<Path, String> sound = new HashMap<>();
        for (TakeRecord t : before.subList(2, 3)) {
            Path p = object(dir, t.master().orElseThrow());
            sound.put(p, Sha256.file(p));
        }
        damage(object(dir, damagedMaster));
        Files.delete(object(dir, lostMaster));

        Slate.Run found = Slate.inProcess("verify", dir.toString());
        assertThat(found.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(found.out().lines()).containsExactlyInAnyOrder(
                "object " + damagedMaster + ": damaged (its bytes do not match its name)",
                "take " + damaged.label() + " v1: master " + damagedMaster + " is damaged",
                "take " + lost.label() + " v1: master " + lostMaster + " is missing");

        JsonNode json = new ObjectMapper().readTree(Slate.inProcess("verify", dir.toString(), "--json").out());
        assertThat(json.path("clean").asBoolean()).isFalse();
        try (Store store = Store.open(dir)) {
            assertThat(json.path("objects").asInt()).isEqualTo(store.objects().all().size());
        }
        assertThat(json.path("takes").asInt()).isEqualTo(3);
        assertThat(json.path("problems")).hasSize(3);
        assertThat(json.path("problems").get(0).path("kind").asText()).isEqualTo("damaged_object");

        Slate.Run repair = Slate.inProcess("verify", dir.toString(), "--repair");
        assertThat(repair.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(repair.out()).contains("repaired: 2 take versions marked missing");
        assertThat(object(dir, damagedMaster)).doesNotExist();
        assertThat(dir.resolve(".slate/damaged").resolve(damagedMaster)).exists(); // aside, not thrown away
        Slate.Run status = Slate.inProcess("status", dir.toString());
        assertThat(status.out()).contains("take 1  missing");
        assertThat(Slate.inProcess("log", dir.toString()).out()).contains("marked-missing");
        assertThat(Slate.inProcess("verify", dir.toString()).code()).isZero();

        Slate.Run build = Slate.inProcess("build", dir.toString(), "--json");
        assertThat(build.code()).as(build.err()).isZero();
        JsonNode summary = BuildGuaranteesTest.last(build);
        assertThat(summary.path("rendered").asInt()).isEqualTo(2);
        assertThat(summary.path("cached").asInt()).isEqualTo(1);
        assertThat(Slate.inProcess("verify", dir.toString()).code()).isZero();
        assertThat(Sha256.file(object(dir, damagedMaster))).isEqualTo(damagedMaster); // rendered anew, whole
        for (var e : sound.entrySet()) {
            assertThat(Sha256.file(e.getKey())).isEqualTo(e.getValue()); // a sound object is never touched
        }
        assertThat(takes(dir)).hasSize(5).filteredOn(TakeRecord::rendered).hasSize(3);
    }

    @Test
    void aDamagedObjectIsReportedEvenWhenNoTakeUsesItAndAStoreThatCannotBeReadIsExit4() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        String hash;
        try (Store store = Store.open(dir)) {
            hash = store.objects().put(new byte[] {1, 2, 3, 4});
        }
        damage(object(dir, hash));
        Slate.Run found = Slate.inProcess("verify", dir.toString());
        assertThat(found.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(found.out().lines()).containsExactly("object " + hash + ": damaged (its bytes do not match its name)");

        Files.write(dir.resolve(".slate/slate.db"), "this is no database, not at all; it is text".repeat(100).getBytes());
        Files.deleteIfExists(dir.resolve(".slate/slate.db-wal"));
        Files.deleteIfExists(dir.resolve(".slate/slate.db-shm"));
        Slate.Run unreadable = Slate.inProcess("verify", dir.toString());
        assertThat(unreadable.code()).isEqualTo(ExitCode.IO);
        assertThat(unreadable.err()).contains("damaged").contains("slate verify").doesNotContain("Exception");
    }

    @Test
    void aFreshProductionIsCleanAndVerifyingItWritesNothing() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1);
        Slate.Run run = Slate.inProcess("verify", dir.toString());
        assertThat(run.code()).isZero();
        assertThat(dir.resolve(".slate")).doesNotExist();
        assertThat(Slate.inProcess("verify", tmp.resolve("nowhere").toString()).code()).isEqualTo(ExitCode.CANNOT_RUN);
    }

    /** The database lost (a deleted slate.db and its WAL): the takes come back from their receipts, nothing renders. */
    @Test
    void repairAdoptsTheTakesThatReceiptsShowAndTheDatabaseLost() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        List<TakeRecord> before = takes(dir);
        for (String f : new String[] {"slate.db", "slate.db-wal", "slate.db-shm", "slate.db-checkpointed"}) {
            Files.deleteIfExists(dir.resolve(".slate").resolve(f));
        }
        assertThat(Slate.inProcess("gc", dir.toString()).out()).startsWith("removed 0 objects"); // receipts keep them
        Slate.Run found = Slate.inProcess("verify", dir.toString());
        assertThat(found.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(found.out().lines()).hasSize(3).allSatisfy(l -> assertThat(l).contains("but not on the record"));
        Slate.Run repair = Slate.inProcess("verify", dir.toString(), "--repair");
        assertThat(repair.out()).contains("3 lost takes adopted");
        assertThat(Slate.inProcess("verify", dir.toString()).code()).isZero();
        List<TakeRecord> after = takes(dir);
        assertThat(after).extracting(t -> t.label() + " " + t.recipe() + " " + t.master().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(before.stream().map(t -> t.label() + " " + t.recipe() + " "
                        + t.master().orElseThrow()).toList());
        JsonNode again = BuildGuaranteesTest.last(Slate.inProcess("build", dir.toString(), "--json"));
        assertThat(again.path("rendered").asInt()).isZero();
        assertThat(again.path("cached").asInt()).isEqualTo(3);
        assertThat(Slate.inProcess("log", dir.toString()).out()).contains("re-adopted");
    }

    /** Rewrites a recipe row's text in the database, as a damaged disk or a stray edit would. */
    static void damageRecipeRow(Path dir, String recipe) throws Exception {
        try (Store store = Store.open(dir)) {
            String body = new String(store.objects().read(recipe), StandardCharsets.UTF_8); // a take's recipe is kept as one
            store.database().autocommit(c -> {
                try (PreparedStatement st = c.prepareStatement("UPDATE recipes SET body = ? WHERE id = ?")) {
                    st.setString(1, body.substring(0, body.length() / 2)); // cut short: no longer its hash
                    st.setString(2, recipe);
                    return st.executeUpdate();
                }
            });
        }
    }

    /** A damaged recipe row is put back from the recipe's object, and both summaries count it. */
    @Test
    void repairCountsTheRecipeRowsItRestores() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        String recipe = takes(dir).get(0).recipe();
        damageRecipeRow(dir, recipe);
        Slate.Run found = Slate.inProcess("verify", dir.toString());
        assertThat(found.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(found.out()).contains(recipe);

        JsonNode json = new ObjectMapper().readTree(Slate.inProcess("verify", dir.toString(), "--repair", "--json").out());
        JsonNode repaired = json.path("repaired");
        assertThat(repaired.path("restored_recipes")).hasSize(1);
        assertThat(repaired.path("restored_recipes").get(0).asText()).isEqualTo(recipe);
        for (String kept : new String[] {"marked_missing", "moved_aside", "adopted"}) {
            assertThat(repaired.path(kept).isArray()).as(kept).isTrue();
            assertThat(repaired.path(kept)).as(kept).isEmpty();
        }
        assertThat(Slate.inProcess("verify", dir.toString()).code()).isZero();

        damageRecipeRow(dir, recipe);
        Slate.Run repair = Slate.inProcess("verify", dir.toString(), "--repair");
        assertThat(repair.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(repair.out()).contains("0 lost takes adopted from their receipts, 1 damaged recipes restored from their objects");
        assertThat(Slate.inProcess("verify", dir.toString()).code()).isZero();
    }
}
