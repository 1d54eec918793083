package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.core.recipe.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreTest {
    @TempDir
    Path tmp;

    @Test
    void objectsAreNamedByTheirHashAndNeverRewritten() throws Exception {
        ObjectStore store = new ObjectStore(tmp.resolve("objects"));
        byte[] bytes = new byte[100_000];
        new Random(1).nextBytes(bytes);
        String hash = store.put(bytes);
        assertThat(hash).isEqualTo(Sha256.hex(bytes));
        Path p = store.path(hash);
        assertThat(p).isEqualTo(tmp.resolve("objects/sha256").resolve(hash.substring(0, 2)).resolve(hash.substring(2)));
        assertThat(Files.readAllBytes(p)).isEqualTo(bytes);
        var modified = Files.getLastModifiedTime(p);
        Thread.sleep(20);
        assertThat(store.put(bytes)).isEqualTo(hash);
        assertThat(Files.getLastModifiedTime(p)).isEqualTo(modified);
        assertThat(store.all()).containsExactly(hash);
        assertThat(Files.list(tmp.resolve("objects/tmp"))).isEmpty();
        assertThat(store.delete(hash)).isTrue();
        assertThat(store.has(hash)).isFalse();
    }

    @Test
    void anAdoptedFileIsMovedInWithoutACopyAndAStoredOneIsLeftWhereItIs() throws Exception {
        ObjectStore store = new ObjectStore(tmp.resolve("objects"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path master = Files.write(work.resolve("master.raw"), new byte[] {1, 2, 3});
        String hash = store.adopt(master);
        assertThat(hash).isEqualTo(Sha256.hex(new byte[] {1, 2, 3}));
        assertThat(master).doesNotExist();
        assertThat(Files.readAllBytes(store.path(hash))).containsExactly(1, 2, 3);
        Path again = Files.write(work.resolve("again.raw"), new byte[] {1, 2, 3});
        assertThat(store.adopt(again)).isEqualTo(hash);
        assertThat(again).exists(); // already stored: nothing moved, the caller's folder is the caller's
        assertThat(tmp.resolve("objects/tmp")).doesNotExist(); // adopting is a rename: no temporary copy at all
    }

    /** Property over sizes and damage: a damaged stored copy is found (size first, then bytes) and replaced whole. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void putReplacesADamagedCopyOfTheSameNameAndOpenRefusesOne(int seed) throws Exception {
        Random rnd = new Random(seed);
        ObjectStore store = new ObjectStore(tmp.resolve("objects"));
        byte[] bytes = new byte[1 + rnd.nextInt(200_000)];
        rnd.nextBytes(bytes);
        String hash = store.put(bytes);
        Path p = store.path(hash);
        byte[] damaged = bytes.clone();
        if (seed % 2 == 0) {
            damaged[rnd.nextInt(damaged.length)] ^= (byte) (1 + rnd.nextInt(255)); // same size, other bytes
        } else {
            damaged = java.util.Arrays.copyOf(bytes, rnd.nextInt(bytes.length)); // cut short
        }
        Files.write(p, damaged);
        assertThat(store.check(hash)).isEqualTo(ObjectStore.Health.DAMAGED);
        assertThatThrownBy(() -> store.read(hash)).isInstanceOf(DamagedObjectException.class)
                .hasMessageContaining("slate verify").hasMessageContaining(hash.substring(0, 12));
        try (var in = store.open(hash)) { // streamed: the fault comes at the end, before the end is reported
            assertThatThrownBy(() -> in.transferTo(java.io.OutputStream.nullOutputStream()))
                    .isInstanceOf(DamagedObjectException.class);
        }
        if (seed % 3 == 0) {
            Path work = Files.createDirectories(tmp.resolve("work"));
            assertThat(store.adopt(Files.write(work.resolve("again.raw"), bytes))).isEqualTo(hash);
        } else {
            assertThat(store.put(bytes)).isEqualTo(hash);
        }
        assertThat(store.check(hash)).isEqualTo(ObjectStore.Health.SOUND);
        assertThat(store.read(hash)).isEqualTo(bytes);
        assertThat(Files.list(tmp.resolve("objects/tmp"))).isEmpty();
    }

    @Test
    void anAbsentObjectIsRefusedWithTheSameSentenceAndReadingWritesNoFolder() throws Exception {
        ObjectStore store = new ObjectStore(tmp.resolve("objects"));
        String hash = Sha256.hex(new byte[] {9});
        assertThat(store.all()).isEmpty();
        assertThat(store.check(hash)).isEqualTo(ObjectStore.Health.ABSENT);
        assertThatThrownBy(() -> store.open(hash)).isInstanceOf(DamagedObjectException.class)
                .hasMessageContaining("is missing").hasMessageContaining("slate verify");
        assertThat(tmp.resolve("objects")).doesNotExist();
    }
}
