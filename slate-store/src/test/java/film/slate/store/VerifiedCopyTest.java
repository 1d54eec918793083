package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Copies out of the store over seeded sizes (empty, below, at and across the one-megabyte chunk) and
 * damage: a sound object's copy is its bytes, a damaged or missing one is refused with the store's
 * sentence and leaves no file, and the next copy through the same buffer is unaffected.
 */
class VerifiedCopyTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aCopyIsTheObjectsBytesAndADamagedOrMissingOneIsRefusedWithNoFileLeft(int seed) throws Exception {
        Random rnd = new Random(seed);
        ObjectStore store = new ObjectStore(tmp.resolve("objects"));
        VerifiedCopy copies = new VerifiedCopy(store);
        int[] sizes = {0, 1, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 << 20};
        for (int i = 0; i < 4; i++) {
            int size = rnd.nextBoolean() ? sizes[rnd.nextInt(sizes.length)] : rnd.nextInt(3 << 20);
            byte[] bytes = new byte[size];
            rnd.nextBytes(bytes);
            String hash = store.put(bytes);
            Path sound = tmp.resolve("sound" + i);
            copies.copy(hash, sound);
            assertThat(Files.readAllBytes(sound)).isEqualTo(bytes);

            Path damagedCopy = tmp.resolve("damaged" + i);
            if (size > 0 && rnd.nextBoolean()) {
                byte[] damaged = rnd.nextBoolean() ? Arrays.copyOf(bytes, rnd.nextInt(size)) : bytes.clone();
                if (damaged.length == size) {
                    damaged[rnd.nextInt(size)] ^= (byte) (1 + rnd.nextInt(255));
                }
                Files.write(store.path(hash), damaged);
                assertThatThrownBy(() -> copies.copy(hash, damagedCopy)).isInstanceOf(DamagedObjectException.class)
                        .hasMessageContaining(hash.substring(0, 12) + " is damaged").hasMessageContaining("slate verify");
            } else {
                Files.delete(store.path(hash));
                assertThatThrownBy(() -> copies.copy(hash, damagedCopy)).isInstanceOf(DamagedObjectException.class)
                        .hasMessageContaining(hash.substring(0, 12) + " is missing");
            }
            assertThat(damagedCopy).doesNotExist();
        }
    }
}
