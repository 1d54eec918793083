package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.recipe.Sha256;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Objects set aside and kept in groups ({@link ObjectStore#aside}, {@link ObjectStore#keep}), as a
 * farm worker records takes: nothing is visible under its name before its group is kept; a kept
 * group is whole; a group tried again after a partial keep is whole; and a process killed (SIGKILL)
 * at seeded moments while it keeps groups leaves every object that a committed record names whole,
 * and no partial object under any name.
 */
class ObjectAsideTest {
    @TempDir
    Path tmp;

    static LongStream seeds() {
        return LongStream.range(0, 8).map(i -> 4_100 + i);
    }

    /** A group of seeded objects: bytes written aside, and files a render left in its folder. */
    private static List<ObjectStore.Aside> group(ObjectStore store, Path work, Random random) throws Exception {
        List<ObjectStore.Aside> out = new ArrayList<>();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            byte[] bytes = new byte[random.nextInt(3) == 0 ? 70_000 + random.nextInt(70_000) : random.nextInt(400)];
            random.nextBytes(bytes);
            if (random.nextBoolean()) {
                out.add(store.aside(bytes));
            } else {
                long written = store.ticket(); // as a render does: before it writes
                Path f = work.resolve("out-" + random.nextLong() + ".bin");
                Files.write(f, bytes);
                out.add(store.aside(f, written));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anObjectIsNamedOnlyOnceItsGroupIsKeptAndWholeThen(long seed) throws Exception {
        Random random = new Random(seed);
        ObjectStore store = new ObjectStore(tmp.resolve("objects"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        for (int round = 0; round < 6; round++) {
            List<ObjectStore.Aside> group = group(store, work, random);
            for (ObjectStore.Aside a : group) {
                assertThat(store.has(a.hash())).isEqualTo(a.file().isEmpty()); // set aside: not yet under its name
            }
            if (random.nextInt(3) == 0) { // a group whose record failed: its written bytes go, nothing was named
                store.drop(group);
                group.forEach(a -> assertThat(store.has(a.hash())).isEqualTo(a.file().isEmpty()));
                continue;
            }
            if (random.nextBoolean()) { // a keep cut short after some renames, then the group tried again
                List<ObjectStore.Aside> first = group.subList(0, random.nextInt(group.size() + 1));
                store.keep(first);
            }
            store.keep(group);
            for (ObjectStore.Aside a : group) {
                assertThat(Sha256.file(store.path(a.hash()))).isEqualTo(a.hash());
            }
        }
        Files.createDirectories(tmp.resolve("objects/tmp"));
        try (Stream<Path> left = Files.list(tmp.resolve("objects/tmp"))) {
            assertThat(left).isEmpty(); // kept or dropped: no temporary file stays
        }
    }

    /**
     * What a recorder leans on when it sets a recipe's body aside without looking first: bytes the
     * store holds whole are not written again (no file, nothing to keep), and bytes whose stored
     * copy is damaged (cut short, or the same size with a flipped byte) are written and, once kept,
     * replace it whole.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void bytesStoredWholeAreNotWrittenAgainAndADamagedCopyIsReplaced(long seed) throws Exception {
        Random random = new Random(seed);
        ObjectStore store = new ObjectStore(tmp.resolve("objects"));
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[1 + random.nextInt(5_000)];
            random.nextBytes(bytes);
            ObjectStore.Aside first = store.aside(bytes);
            assertThat(first.file()).isPresent();
            store.keep(List.of(first));
            ObjectStore.Aside again = store.aside(bytes);
            assertThat(again).isEqualTo(new ObjectStore.Aside(first.hash(), java.util.Optional.empty()));
            store.keep(List.of(again));
            Path stored = store.path(first.hash());
            if (random.nextBoolean()) {
                Files.write(stored, java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)));
            } else {
                byte[] flipped = bytes.clone();
                flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
                Files.write(stored, flipped);
            }
            ObjectStore.Aside repair = store.aside(bytes);
            assertThat(repair.hash()).isEqualTo(first.hash());
            assertThat(repair.file()).as("a damaged copy is written again").isPresent();
            store.keep(List.of(repair));
            assertThat(Files.readAllBytes(stored)).isEqualTo(bytes);
        }
    }

    /**
     * Keeps seeded groups until killed: after each group is kept, its names are appended to a
     * journal and the journal synced (the record's commit), then {@code kept N} is printed.
     * Run: {@code KeepLoop OBJECTS WORK JOURNAL SEED}.
     */
    public static final class KeepLoop {
        private KeepLoop() {
        }

        public static void main(String[] args) throws Exception {
            ObjectStore store = new ObjectStore(Path.of(args[0]));
            Path work = Files.createDirectories(Path.of(args[1]));
            Random random = new Random(Long.parseLong(args[3]));
            try (FileChannel journal = FileChannel.open(Path.of(args[2]), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                for (int n = 1; ; n++) {
                    List<ObjectStore.Aside> group = group(store, work, random);
                    store.keep(group);
                    StringBuilder line = new StringBuilder();
                    group.forEach(a -> line.append(a.hash()).append('\n'));
                    journal.write(StandardCharsets.US_ASCII.encode(line.toString()));
                    journal.force(true);
                    System.out.println("kept " + n);
                    System.out.flush();
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aProcessKilledWhileKeepingLeavesWhatItCommittedWholeAndNoPartialObject(long seed) throws Exception {
        Random random = new Random(seed);
        Path objects = tmp.resolve("objects");
        Path journal = tmp.resolve("journal");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), KeepLoop.class.getName(),
                objects.toString(), tmp.resolve("work").toString(), journal.toString(), String.valueOf(seed))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int killAfter = 1 + random.nextInt(25); // the seed picks the group after which (within the next) it dies
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("kept " + killAfter)) {
                    break;
                }
            }
            p.destroyForcibly(); // SIGKILL, somewhere in the next group's writes, syncs, renames or commit
            assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        ObjectStore store = new ObjectStore(objects);
        Set<String> committed = new HashSet<>(Files.readAllLines(journal));
        committed.remove("");
        assertThat(committed).isNotEmpty();
        for (String hash : committed) {
            assertThat(Sha256.file(store.path(hash))).as("committed %s", hash).isEqualTo(hash);
        }
        for (String hash : store.all()) {
            assertThat(Sha256.file(store.path(hash))).as("named %s", hash).isEqualTo(hash); // no partial object
        }
    }
}
