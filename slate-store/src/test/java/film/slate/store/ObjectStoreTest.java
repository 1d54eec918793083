package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(Files.list(tmp.resolve("objects/tmp"))).isEmpty();
    }
}
