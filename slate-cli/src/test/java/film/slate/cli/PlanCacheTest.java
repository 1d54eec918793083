package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.Sha256;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.PlannedTake;
import film.slate.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan cache never changes an answer: over seeded random edits of a production (texts, the
 * bible, scene numbers, continuing scenes, broken and deleted files, reverts, touches), the plan
 * with the cache has the same recipes in the same order as the plan without it, and a production
 * that cannot be planned fails with the same exit code and sentence. Run more trials with
 * {@code -Dslate.trials=N} (8 N seeds).
 */
class PlanCacheTest {
    @TempDir
    Path tmp;

    static Stream<Long> seeds() {
        return IntStream.range(0, 8 * Integer.getInteger("slate.trials", 1)).mapToObj(i -> 4242L + 31L * i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void withAndWithoutTheCacheTheSameRecipesAndFindings(long seed) throws Exception {
        Random random = new Random(seed);
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 6, 4);
        if (random.nextBoolean()) {
            Files.createDirectories(dir.resolve(Store.FOLDER)); // the cache then lives in .slate
        }
        Path userCache = tmp.resolve("cache");
        List<String> history = new ArrayList<>();
        for (int step = 0; step < 10; step++) {
            history.add(edit(dir, random));
            assertThat(planned(dir, userCache)).as("after %s", history).isEqualTo(uncached(dir));
            // And a second time: the cache as the first command left it.
            assertThat(planned(dir, userCache)).as("again after %s", history).isEqualTo(uncached(dir));
        }
    }

    @Test
    void aProductionWithoutSlateFolderGetsNothingWrittenIntoIt() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 2, 2);
        Path userCache = tmp.resolve("cache");
        List<String> before = files(dir);
        Path cache = PlanCache.location(dir.toAbsolutePath().normalize(), Optional.of(userCache)).get();
        planned(dir, userCache);
        assertThat(cache).startsWith(userCache).exists();
        // The store may make its folder (that is the store's rule); the cache adds nothing else.
        assertThat(files(dir).stream().filter(f -> !f.startsWith(Store.FOLDER)).toList()).isEqualTo(before);
    }

    @Test
    void anUnchangedProductionIsAnsweredFromTheCacheWithoutCompiling() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 3, 2);
        Path userCache = tmp.resolve("cache");
        Files.createDirectories(dir.resolve(Store.FOLDER));
        List<String> first = planned(dir, userCache);
        Path file = PlanCache.location(dir.toAbsolutePath().normalize(), Optional.of(userCache)).get();
        // A cached recipe is what the answer is made of: change one in the cache and the answer shows it.
        PlanCache.Entry entry = PlanCache.read(file).orElseThrow();
        PlanCache.write(file, new PlanCache.Entry(entry.code(), entry.key(), entry.scannedAt(), entry.files(),
                entry.scenes().stream().map(s -> new PlanCache.Scene(s.file(), s.sha256(), s.id(), s.continues(),
                        s.recipes().stream().map(r -> Recipe.ofCanonical(r.id(), r.canonical().replace("Beat 1 of scene 2.",
                                "Beat 1 of scene 2 (from the cache)."), r.heading())).toList())).toList()));
        FileTime written = Files.getLastModifiedTime(file);
        List<String> second = planned(dir, userCache);
        assertThat(second).isNotEqualTo(first);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
        // Edit that scene: it is compiled again, and the answer is right once more.
        Path scene = dir.resolve("shots/0002.yaml");
        Files.writeString(scene, Files.readString(scene).replace("Beat 2 of scene 2.", "Beat 2 of scene 2, edited."));
        assertThat(planned(dir, userCache)).isEqualTo(uncached(dir));
    }

    @Test
    void aSceneEditCompilesThatSceneAloneByTheCachesOwnReport() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 6, 3);
        Path userCache = tmp.resolve("cache");
        List<String> scenes = sceneFiles(dir).stream().map(f -> dir.relativize(f).toString()).toList();
        assertThat(compiled(dir, userCache)).as("the first plan compiles everything").containsExactlyInAnyOrderElementsOf(scenes);
        assertThat(compiled(dir, userCache)).as("nothing changed").isEmpty();
        for (String scene : List.of("shots/0004.yaml", "shots/0001.yaml")) {
            replace(dir.resolve(scene), "action: Beat 1", "action: Beat 1, edited");
            assertThat(compiled(dir, userCache)).as("after editing %s", scene).containsExactly(scene);
            assertThat(planned(dir, userCache)).isEqualTo(uncached(dir));
        }
        // Any other file edited (the bible): every scene is compiled again.
        replace(dir.resolve("bible/characters.yaml"), "freckles", "freckles and a scar");
        assertThat(compiled(dir, userCache)).containsExactlyInAnyOrderElementsOf(scenes);
    }

    private static List<String> compiled(Path dir, Path userCache) throws CommandError {
        try (CachedPlan.Planned p = CachedPlan.open(dir, Optional.empty(), Optional.empty(), Optional.of(userCache),
                Rig.standard())) {
            return p.compiled();
        }
    }

    @Test
    void aDamagedCacheFileIsAMiss() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 3, 2);
        Path userCache = tmp.resolve("cache");
        List<String> first = planned(dir, userCache);
        Path file = PlanCache.location(dir.toAbsolutePath().normalize(), Optional.of(userCache)).get();
        // Recipes are read from the cache only when asked for: a damaged byte must be found on reading the file.
        byte[] bytes = Files.readAllBytes(file);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Beat 1 of scene 2.");
        bytes[at] = 'b';
        Files.write(file, bytes);
        assertThat(PlanCache.read(file)).isEmpty();
        assertThat(planned(dir, userCache)).isEqualTo(first).isEqualTo(uncached(dir));
    }

    /**
     * The file is mapped, not read into an array: a file cut short at any byte (or grown by any) is a
     * miss, and an entry read from it keeps its own text whatever becomes of the file afterwards.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aMappedCacheFileCutOrGrownIsAMissAndAnEntryOutlivesItsFile(long seed) throws Exception {
        Random random = new Random(seed);
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 2, 2);
        Path userCache = tmp.resolve("cache");
        planned(dir, userCache);
        Path file = PlanCache.location(dir.toAbsolutePath().normalize(), Optional.of(userCache)).get();
        byte[] whole = Files.readAllBytes(file);
        PlanCache.Entry entry = PlanCache.read(file).orElseThrow();
        List<String> texts = entry.scenes().stream().flatMap(s -> s.recipes().stream()).map(Recipe::canonical).toList();
        assertThat(texts).isNotEmpty();
        int cut = random.nextInt(whole.length);
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(cut); // in place, under the same name: what Slate itself never does
        }
        assertThat(PlanCache.read(file)).as("cut at %d of %d", cut, whole.length).isEmpty();
        byte[] grown = java.util.Arrays.copyOf(whole, whole.length + 1 + random.nextInt(8));
        Files.write(file, grown);
        assertThat(PlanCache.read(file)).as("grown by %d", grown.length - whole.length).isEmpty();
        assertThat(entry.scenes().stream().flatMap(s -> s.recipes().stream()).map(Recipe::canonical).toList())
                .isEqualTo(texts);
        Files.write(file, whole);
        assertThat(PlanCache.read(file)).contains(entry);
    }

    /**
     * The file reads back as written, whatever its names and texts hold (tabs, line feeds, percent
     * signs, accented and wide letters, characters outside the BMP) and however long a line is: fields
     * are cut from the bytes before they are decoded, and a second write of what was read is the same bytes.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void anEntryReadsBackAsWrittenWhateverItsTextsHold(long seed) throws Exception {
        Random random = new Random(seed);
        java.util.Map<String, InputFiles.Stamp> files = new java.util.TreeMap<>();
        List<PlanCache.Scene> scenes = new ArrayList<>();
        for (int s = random.nextInt(5); s > 0; s--) {
            String file = "shots/" + text(random) + ".yaml";
            files.put(file, new InputFiles.Stamp(Long.toHexString(random.nextLong()), random.nextInt(9999), random.nextLong()));
            List<Recipe> recipes = new ArrayList<>();
            for (int r = random.nextInt(6); r > 0; r--) {
                // Some lines longer than the reader's 64 KB window, multi-byte letters across its edges.
                String action = text(random) + (random.nextInt(3) == 0 ? "雨a".repeat(random.nextInt(40_000)) : "");
                String canonical = "{\"action\":\"" + action.replace("\t", "\\t").replace("\n", "\\n") + "\"}";
                recipes.add(Recipe.ofCanonical(Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8)), canonical,
                        new Recipe.Heading(text(random), 1 + random.nextInt(3), random.nextInt(100) / 8.0)));
            }
            scenes.add(new PlanCache.Scene(file, Long.toHexString(random.nextLong()), text(random), random.nextBoolean(), recipes));
        }
        PlanCache.Entry entry = new PlanCache.Entry(Long.toHexString(random.nextLong()), "key", random.nextLong(), new InputFiles(files), scenes);
        Path file = tmp.resolve("plan.txt");
        PlanCache.write(file, entry);
        PlanCache.Entry read = PlanCache.read(file).orElseThrow();
        assertThat(read).isEqualTo(entry);
        assertThat(read.scenes().stream().flatMap(s -> s.recipes().stream()).map(Recipe::heading).toList())
                .isEqualTo(entry.scenes().stream().flatMap(s -> s.recipes().stream()).map(Recipe::heading).toList());
        byte[] first = Files.readAllBytes(file);
        PlanCache.write(file, read);
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
    }

    /**
     * A write given the file as read copies the lines of the scenes it is given again as they are:
     * the bytes are those encoding every scene makes, whichever scenes are kept, replaced or moved.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aSceneKeptFromTheFileIsCopiedAsTheBytesEncodingItMakes(long seed) throws Exception {
        Random random = new Random(seed);
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 3 + random.nextInt(3), 2);
        Path userCache = tmp.resolve("cache");
        planned(dir, userCache);
        Path file = PlanCache.location(dir.toAbsolutePath().normalize(), Optional.of(userCache)).get();
        PlanCache.Read read = PlanCache.readLines(file).orElseThrow();
        List<PlanCache.Scene> scenes = new ArrayList<>();
        for (PlanCache.Scene s : read.entry().scenes()) {
            switch (random.nextInt(3)) {
                case 0 -> scenes.add(s); // kept: copied
                case 1 -> scenes.add(new PlanCache.Scene(s.file(), s.sha256(), s.id() + random.nextInt(9), s.continues(),
                        s.recipes())); // replaced: encoded
                default -> scenes.add(0, s); // kept, moved first
            }
        }
        PlanCache.Entry next = new PlanCache.Entry(read.entry().code(), read.entry().key(), random.nextLong(),
                read.entry().files(), scenes);
        Path copied = tmp.resolve("copied.txt");
        Path encoded = tmp.resolve("encoded.txt");
        PlanCache.write(copied, next, Optional.of(read));
        PlanCache.write(encoded, next);
        assertThat(Files.readAllBytes(copied)).isEqualTo(Files.readAllBytes(encoded));
        assertThat(PlanCache.read(copied)).contains(next);
    }

    private static String text(Random random) {
        String[] parts = {"a", "Mara", "\t", "\n", "%", "%2F", "+", " ", "é", "雨", "😀", "\\", "\""};
        StringBuilder b = new StringBuilder();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            b.append(parts[random.nextInt(parts.length)]);
        }
        return b.toString();
    }

    /** One random edit; returns what it did. */
    private static String edit(Path dir, Random random) throws IOException {
        List<Path> scenes = sceneFiles(dir);
        Path scene = scenes.isEmpty() ? dir.resolve("shots/0001.yaml") : scenes.get(random.nextInt(scenes.size()));
        String name = dir.relativize(scene).toString();
        switch (random.nextInt(10)) {
            case 0, 1 -> {
                replace(scene, "action: Beat 1", "action: Beat " + random.nextInt(100) + " again, beat 1");
                return "action " + name;
            }
            case 2 -> {
                replace(dir.resolve("bible/characters.yaml"), "freckles", "freckles " + random.nextInt(100));
                return "bible";
            }
            case 3 -> {
                replace(scene, "scene: ", "scene: " + (random.nextInt(3) + 1));
                return "scene number " + name;
            }
            case 4 -> {
                replace(scene, "location:", "continues: true\nlocation:");
                return "continues " + name;
            }
            case 5 -> {
                replace(scene, "shots:", "shots: [unclosed\n");
                return "broken " + name;
            }
            case 6 -> {
                Files.deleteIfExists(scene);
                return "deleted " + name;
            }
            case 7 -> {
                Files.copy(scene, dir.resolve("shots/0099.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return "copied " + name;
            }
            case 8 -> {
                Files.write(dir.resolve("bible/refs/mara.png"), new byte[] {(byte) random.nextInt(256)});
                return "reference image";
            }
            default -> {
                if (Files.exists(scene)) {
                    Files.setLastModifiedTime(scene, FileTime.fromMillis(random.nextInt(1_000_000)));
                }
                return "touched " + name;
            }
        }
    }

    private static void replace(Path file, String what, String with) throws IOException {
        if (Files.exists(file)) {
            Files.writeString(file, Files.readString(file).replaceFirst(java.util.regex.Pattern.quote(what),
                    java.util.regex.Matcher.quoteReplacement(with)));
        }
    }

    private static List<Path> sceneFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("shots"))) {
            return s.sorted().toList();
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static List<String> planned(Path dir, Path userCache) {
        try (CachedPlan.Planned p = CachedPlan.open(dir, Optional.empty(), Optional.empty(), Optional.of(userCache),
                Rig.standard())) {
            return describe(p.plan());
        } catch (CommandError e) {
            return List.of("error " + e.exitCode() + ": " + e.getMessage());
        }
    }

    private static List<String> uncached(Path dir) {
        try (Workspace ws = Workspace.lookAt(dir, Rig.standard())) {
            return describe(ws.plan(Optional.empty(), Optional.empty(), Optional.empty()));
        } catch (CommandError e) {
            return List.of("error " + e.exitCode() + ": " + e.getMessage());
        }
    }

    private static List<String> describe(BuildPlan plan) {
        List<String> out = new ArrayList<>();
        out.add("backend " + plan.backend());
        for (PlannedTake t : plan.takes()) {
            Recipe r = t.recipe();
            // The heading the cache keeps must say what the recipe's own text says.
            out.add(r.label() + " " + r.duration() + " " + r.id() + " missing=" + t.missing() + " " + r.canonical());
            out.add(r.content().shot() + "#" + r.content().take() + " " + r.content().format().duration() + " "
                    + Sha256.hex(r.canonical().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }
}
