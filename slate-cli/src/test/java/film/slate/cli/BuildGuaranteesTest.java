package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import film.slate.core.continuity.CharacterState;
import film.slate.core.continuity.Continuity;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.Sha256;
import film.slate.core.testing.SyntheticProduction;
import film.slate.store.Store;
import film.slate.store.db.TakeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The build's guarantees as properties over seeded random edits and kills (more with -Dslate.trials=N). */
class BuildGuaranteesTest {
    static final int TRIALS = Integer.getInteger("slate.trials", 1);

    @TempDir
    Path tmp;

    static Stream<Long> seeds() {
        return IntStream.range(0, 6 * TRIALS).mapToObj(i -> 1000L + i);
    }

    static Map<String, TakeRecord> takes(Path dir) throws Exception {
        try (Store store = Store.open(dir)) {
            return store.takes().latestAll();
        }
    }

    @Test
    void twoFreshStoresHoldTheSameRecipesAndBytes() throws Exception {
        Path a = SyntheticProduction.write(tmp.resolve("a"), 2, 4);
        Path b = SyntheticProduction.write(tmp.resolve("b"), 2, 4);
        assertThat(Slate.inProcess("build", a.toString(), "--jobs", "3").code()).isZero();
        assertThat(Slate.inProcess("build", b.toString(), "--jobs", "1").code()).isZero();
        Map<String, TakeRecord> ta = takes(a);
        Map<String, TakeRecord> tb = takes(b);
        assertThat(ta).hasSize(10);
        assertThat(tb.keySet()).isEqualTo(ta.keySet());
        for (String k : ta.keySet()) {
            assertThat(tb.get(k).recipe()).isEqualTo(ta.get(k).recipe());
            assertThat(tb.get(k).master()).isEqualTo(ta.get(k).master());
            Path fa = a.resolve(".slate/objects/sha256").resolve(ta.get(k).master().orElseThrow().substring(0, 2))
                    .resolve(ta.get(k).master().orElseThrow().substring(2));
            Path fb = b.resolve(".slate/objects/sha256").resolve(tb.get(k).master().orElseThrow().substring(0, 2))
                    .resolve(tb.get(k).master().orElseThrow().substring(2));
            assertThat(Files.readAllBytes(fb)).isEqualTo(Files.readAllBytes(fa));
        }
    }

    /** Property: after a random edit, a build renders exactly the takes the edit should touch; a second build nothing. */
    @ParameterizedTest
    @MethodSource("seeds")
    void aRandomEditRendersExactlyTheAffectedTakes(long seed) throws Exception {
        Random rnd = new Random(seed);
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 4, 4);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        Production p = ProductionReader.read(dir).production();
        Continuity continuity = Continuity.of(p);
        String who = rnd.nextBoolean() ? "MARA" : "TOM";
        Predicate<Shot> expected;
        String kind = List.of("wardrobe", "prop", "camera", "style", "description", "dialogue").get((int) (seed % 6));
        switch (kind) {
            case "wardrobe" -> {
                String w = rnd.nextBoolean() ? "oilskin" : "sweater";
                String text = p.bible().characters().get(who).wardrobe().get(w);
                replace(dir.resolve("bible/characters.yaml"), text, text + " with brass buttons");
                expected = s -> s.subjects().contains(who) && continuity.shot(s.fullId()).orElseThrow().atStart(who)
                        .flatMap(CharacterState::wardrobe).map(w::equals).orElse(false);
            }
            case "prop" -> {
                String prop = rnd.nextBoolean() ? "LANTERN" : "LOGBOOK";
                String text = p.bible().props().get(prop).description();
                replace(dir.resolve("bible/props.yaml"), text, "battered " + text);
                expected = s -> s.subjects().stream().anyMatch(c -> continuity.shot(s.fullId()).orElseThrow().atStart(c)
                        .map(st -> st.holds().contains(prop)).orElse(false));
            }
            case "camera" -> {
                Shot target = p.shots().get(rnd.nextInt(p.shots().size()));
                Path file = dir.resolve("shots/%04d.yaml".formatted(Integer.parseInt(target.scene())));
                String text = Files.readString(file);
                int at = text.indexOf("id: " + target.id() + "\n");
                int lens = text.indexOf("lens: ", at);
                String rest = text.substring(lens);
                Files.writeString(file, text.substring(0, lens) + rest.replaceFirst("lens: \\d+", "lens: 85"));
                expected = s -> s.fullId().equals(target.fullId()) && target.camera().lens() != 85;
            }
            case "style" -> {
                replace(dir.resolve("bible/style.yaml"), "muted teal", "cold teal");
                expected = s -> true;
            }
            case "description" -> {
                String text = p.bible().characters().get(who).description();
                replace(dir.resolve("bible/characters.yaml"), text, text + ", tired");
                expected = s -> s.subjects().contains(who);
            }
            default -> {
                int scene = 1 + rnd.nextInt(4);
                int block = 1 + rnd.nextInt(2);
                replace(dir.resolve("screenplay.fountain"), block == 1 ? "Keep the light burning, scene " + scene + "."
                        : "Always, in scene " + scene + ".", "Something else entirely, scene " + scene + ".");
                expected = s -> s.scene().equals(String.valueOf(scene)) && s.lines().contains(block);
            }
        }
        Set<String> want = new HashSet<>();
        for (Shot s : p.shots()) {
            if (expected.test(s)) {
                for (int t = 1; t <= s.takes(); t++) {
                    want.add(s.fullId() + "#" + t);
                }
            }
        }
        Slate.Run build = Slate.inProcess("build", dir.toString(), "--json");
        assertThat(build.code()).as(build.err()).isZero();
        Set<String> rendered = BuildCommandTest.lines(build.out()).stream()
                .filter(e -> e.path("event").asText().equals("rendered"))
                .map(e -> e.path("shot").asText() + "#" + e.path("take").asInt()).collect(Collectors.toSet());
        assertThat(rendered).as(kind + " edit, seed " + seed).isEqualTo(want);
        JsonNode again = last(Slate.inProcess("build", dir.toString(), "--json"));
        assertThat(again.path("rendered").asInt()).isZero();
    }

    /** Property: SIGKILL at a seeded moment of the render log leaves a sound store that the next build finishes without re-rendering. */
    @Test
    void aKilledBuildLeavesASoundStoreAndTheNextOneFinishesIt() throws Exception {
        Random rnd = new Random(42);
        for (int trial = 0; trial < Math.max(2, 2 * TRIALS); trial++) {
            Path dir = SyntheticProduction.write(tmp.resolve("k" + trial), 3, 4);
            Path log = tmp.resolve("k" + trial + ".log");
            Process p = Slate.start(log, List.of("-Dslate.test.delay.ms=80"), "build", dir.toString(), "--jobs", "2");
            // Right after the seeded n-th render started (inside one) or ended (between two), by the
            // render log's events, not by a wait on the wall clock, which a loaded machine stretches.
            String event = (rnd.nextBoolean() ? "start" : "done") + " ";
            int n = 1 + rnd.nextInt(10);
            FarmProcesses.awaitChange(tmp, () -> Files.exists(log)
                    && Files.readAllLines(log).stream().filter(l -> l.startsWith(event)).count() >= n, p, n + " x " + event);
            p.destroyForcibly(); // SIGKILL on Linux
            p.waitFor(30, TimeUnit.SECONDS);
            try (Store store = Store.open(dir)) {
                assertThat(store.database().integrityCheck()).isEqualTo("ok");
                for (String hash : store.objects().all()) {
                    assertThat(Sha256.file(store.objects().path(hash))).isEqualTo(hash); // no partial object is visible
                }
                Set<String> finished = store.takes().renderedRecipes();
                Process resume = Slate.start(log, List.of(), "build", dir.toString(), "--jobs", "2");
                assertThat(resume.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(resume.exitValue()).isZero();
                assertThat(store.takes().latestAll()).hasSize(15);
                long pid = resume.pid();
                List<String> restarted = Files.readAllLines(log).stream().filter(l -> l.startsWith("start ")
                        && l.endsWith(" " + pid)).map(l -> l.split(" ")[1]).toList();
                assertThat(restarted).filteredOn(finished::contains).isEmpty(); // finished may be empty: an early kill
                assertThat(store.takes().ofAll()).hasSize(15); // one version each: nothing rendered twice
            }
        }
    }

    @Test
    void twoBuildsAtOnceNeverRenderTheSameTakeTwice() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("c"), 3, 4);
        // Both builds live throughout: whether one counts the other dead must not hang on the machine's
        // load (a 2 s dead-after once passed at load 47 and the survivor took a live build's take up,
        // which is right for a dead one). Silent for an hour is dead here, so only a real death could.
        Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml"))
                + "farm:\n  dead_after: 3600\n");
        Store.open(dir).close(); // migrate once before the race
        Path log = tmp.resolve("c.log");
        Process a = Slate.start(log, List.of("-Dslate.test.delay.ms=40"), "build", dir.toString(), "--jobs", "2");
        Process b = Slate.start(log, List.of("-Dslate.test.delay.ms=40"), "build", dir.toString(), "--jobs", "2");
        assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).isZero();
        assertThat(b.exitValue()).isZero();
        Map<String, Integer> starts = new HashMap<>();
        Files.readAllLines(log).stream().filter(l -> l.startsWith("start ")).forEach(l -> starts.merge(l.split(" ")[1], 1,
                Integer::sum));
        assertThat(starts).hasSize(15);
        assertThat(starts.values()).containsOnly(1);
        try (Store store = Store.open(dir)) {
            assertThat(store.takes().ofAll()).hasSize(15);
        }
    }

    static JsonNode last(Slate.Run run) throws Exception {
        List<JsonNode> l = BuildCommandTest.lines(run.out());
        return l.get(l.size() - 1);
    }

    static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
