package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.testing.SyntheticProduction;
import film.slate.store.Store;
import film.slate.store.db.TakeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Picture lock (issue 14 §4). Property: over random plan edits (seeded), a build never adds or
 * changes a version of a locked shot's takes, and {@code slate check} reports {@code lock/changed}
 * for a locked shot exactly when the edit changed its recipe, naming the fields that the store's
 * own comparison (status's {@code why}, from the stored recipe) names.
 */
class PictureLockTest {
    static final int TRIALS = Integer.getInteger("slate.trials", 1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LOCKED = Set.of("1/1S1", "1/1S2");

    @TempDir
    Path tmp;

    static Stream<Long> seeds() {
        return IntStream.range(0, 2 * TRIALS).mapToObj(i -> 14_400L + i);
    }

    /** One kind of plan edit: which file, and the new text from the old. */
    private record Edit(String name, String file, java.util.function.BiFunction<String, Random, String> change) {
    }

    private static final List<Edit> EDITS = List.of(
            new Edit("lens", "shots/0001.yaml", (t, r) -> nth(t, "lens: \\d+", r.nextInt(4), "lens: " + (20 + r.nextInt(80)))),
            new Edit("duration", "shots/0001.yaml", (t, r) -> nth(t, "duration: [0-9.]+", r.nextInt(4),
                    "duration: " + (1 + r.nextInt(4) * 0.5))),
            new Edit("action", "shots/0001.yaml", (t, r) -> nth(t, "action: .*", r.nextInt(4), "action: Beat " + r.nextInt(99))),
            new Edit("camera", "shots/0001.yaml", (t, r) -> nth(t, "at: \\[[23], -2\\]", r.nextInt(4),
                    "at: [" + (1 + r.nextInt(4)) + ", -2]")),
            new Edit("mark", "shots/0001.yaml", (t, r) -> t.replaceFirst("TOM: \\{ wardrobe: (\\w+), at: \\[[0-9.]+,",
                    "TOM: { wardrobe: $1, at: [" + (3 + r.nextInt(3) * 0.5) + ",")),
            new Edit("wardrobe", "shots/0001.yaml", (t, r) -> t.replaceFirst("MARA: \\{ wardrobe: \\w+",
                    "MARA: { wardrobe: " + (r.nextBoolean() ? "sweater" : "oilskin"))),
            new Edit("coat", "bible/characters.yaml", (t, r) -> t.replaceFirst("oilskin: yellow[^\\n]*",
                    "oilskin: yellow oilskin coat" + (r.nextBoolean() ? ", torn" : ""))),
            new Edit("look", "bible/style.yaml", (t, r) -> t.replaceFirst("look: .*", "look: 35mm film, "
                    + List.of("muted teal", "cold teal", "warm amber").get(r.nextInt(3)) + " palette")),
            new Edit("comment", "shots/0001.yaml", (t, r) -> t + "# note " + r.nextInt(1000) + "\n"),
            new Edit("room", "bible/locations.yaml", (t, r) -> t.replaceFirst("description: round iron room[^\\n]*",
                    "description: round iron room" + (r.nextBoolean() ? ", rain on the glass" : ", great Fresnel lens"))));

    /** {@code text} with the {@code n}-th match of {@code regex} (modulo the count) replaced. */
    private static String nth(String text, String regex, int n, String by) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        int[] s = spans.get(n % spans.size());
        return text.substring(0, s[0]) + by + text.substring(s[1]);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void lockedTakesNeverChangeAndEveryChangingEditIsReportedWithItsFields(long seed) throws Exception {
        Random rnd = new Random(seed);
        Path dir = lockedProduction();
        Map<String, List<TakeRecord>> stored = takesOf(dir);
        int reported = 0;
        for (int step = 0; step < 8; step++) {
            Edit edit = EDITS.get(rnd.nextInt(EDITS.size()));
            Path file = dir.resolve(edit.file());
            Files.writeString(file, edit.change().apply(Files.readString(file), rnd));
            String where = "seed " + seed + ", step " + step + " (" + edit.name() + ")";

            Map<String, String> findings = lockFindings(dir);
            Map<String, List<String>> why = lockedWhy(dir);
            assertThat(findings.keySet()).as(where).isEqualTo(why.keySet());
            why.forEach((shot, fields) -> assertThat(findings.get(shot)).as(where)
                    .contains("is locked on take 1 v1 and this edit changes its recipe: " + named(fields)));
            reported += findings.size();

            Slate.Run build = Slate.inProcess("build", dir.toString(), "--json");
            assertThat(build.code()).as(where + ": " + build.err()).isZero();
            List<JsonNode> events = BuildCommandTest.lines(build.out());
            assertThat(events).as(where).noneMatch(e -> LOCKED.contains(e.path("shot").asText())
                    && !e.path("event").asText().equals("locked"));
            assertThat(events.stream().filter(e -> e.path("event").asText().equals("locked")).map(e -> e.path("shot")
                    .asText())).as(where).containsExactlyInAnyOrderElementsOf(LOCKED);
            assertThat(takesOf(dir)).as(where).isEqualTo(stored);
        }
        assertThat(reported).as("seed " + seed + ": some edit changed a locked recipe").isPositive();
    }

    /** A synthetic production, built, with every shot approved and scene 1's first two shots locked. */
    private Path lockedProduction() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 4);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        for (String shot : LOCKED) {
            assertThat(Slate.inProcess("approve", shot, dir.toString(), "--take", "1").code()).isZero();
        }
        Slate.Run lock = Slate.inProcess("lock", "1/1S1,1/1S2", dir.toString(), "--reason", "picture lock, reel 1");
        assertThat(lock.code()).as(lock.err()).isZero();
        assertThat(lock.out()).contains("locked 1/1S1 on take 1 v1", "locked 1/1S2 on take 1 v1");
        return dir;
    }

    /** Every version of the locked shots' takes, as the store holds them (recipe, master, version). */
    static Map<String, List<TakeRecord>> takesOf(Path dir) throws Exception {
        Map<String, List<TakeRecord>> out = new TreeMap<>();
        try (Store store = Store.open(dir)) {
            for (String shot : LOCKED) {
                out.put(shot, store.takes().ofShot(shot));
            }
        }
        return out;
    }

    /** Shot to message of each {@code lock/changed} finding of {@code slate check}. */
    static Map<String, String> lockFindings(Path dir) throws Exception {
        Slate.Run check = Slate.inProcess("check", dir.toString(), "--format", "json");
        Map<String, String> out = new HashMap<>();
        for (JsonNode d : JSON.readTree(check.out()).path("diagnostics")) {
            if (d.path("rule").asText().equals("lock/changed")) {
                out.put(d.path("shot").asText(), d.path("message").asText());
            }
        }
        if (!out.isEmpty()) {
            assertThat(check.code()).isEqualTo(ExitCode.FINDINGS);
        }
        return out;
    }

    /** Locked shots that status calls stale, with the fields it names (from the stored recipe). */
    static Map<String, List<String>> lockedWhy(Path dir) throws Exception {
        Slate.Run status = Slate.inProcess("status", dir.toString(), "--format", "json");
        Map<String, List<String>> out = new HashMap<>();
        for (JsonNode s : JSON.readTree(status.out()).path("shots")) {
            JsonNode take = s.path("takes").path(0);
            if (LOCKED.contains(s.path("shot").asText())) {
                assertThat(s.path("locked").path("version").asInt()).isEqualTo(take.path("version").asInt());
                if (take.path("state").asText().equals("stale")) {
                    List<String> fields = new ArrayList<>();
                    take.path("why").forEach(f -> fields.add(f.asText()));
                    out.put(s.path("shot").asText(), fields);
                }
            }
        }
        return out;
    }

    /** A hand-damaged lock.yaml: what is done to it, and the text of the line a finding must point at. */
    record Damage(String name, String from, String to, String line) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Damage> damages() {
        return Stream.of(new Damage("take in words", "    take: 1\n", "    take: one\n", "take: one"),
                new Damage("recipe edited inside", "\"duration\" : 1,", "\"duration\" : 2,", "recipe_json: |"),
                new Damage("recipe id changed", "    recipe: ", "    recipe: 0", "recipe: 0"),
                new Damage("master not a hash", "master: ", "master: x", "master: x"),
                new Damage("misspelt field", "locked_by:", "lokced_by:", "    take: 1"), // the missing field is first, at the entry
                new Damage("time not a time", "locked_at: \"", "locked_at: \"yesterday ", "locked_at:"),
                new Damage("broken indentation", "    version: 1\n", "  version: 1\n", "    recipe: ")); // seen a line on
    }

    @ParameterizedTest
    @MethodSource("damages")
    void aHandDamagedLockFileIsOneSentenceAtItsLineAndExitThree(Damage damage) throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        assertThat(Slate.inProcess("approve", "1/1S1", dir.toString()).code()).isZero();
        assertThat(Slate.inProcess("lock", "1", dir.toString()).code()).isEqualTo(ExitCode.CANNOT_RUN); // 1/1S2 unapproved
        assertThat(dir.resolve("lock.yaml")).doesNotExist();
        assertThat(Slate.inProcess("lock", "1/1S1", dir.toString()).code()).isZero();
        Path file = dir.resolve("lock.yaml");
        String text = Files.readString(file);
        assertThat(text).contains(damage.from());
        String damaged = text.replaceFirst(java.util.regex.Pattern.quote(damage.from()),
                java.util.regex.Matcher.quoteReplacement(damage.to()));
        Files.writeString(file, damaged);
        int line = lineOf(damaged, damage.line());
        for (String command : List.of("status", "build", "lock", "unlock")) {
            List<String> args = new ArrayList<>(List.of(command));
            if (command.equals("lock") || command.equals("unlock")) {
                args.addAll(List.of("1/1S1", dir.toString(), "--reason", "again"));
            } else {
                args.add(dir.toString());
            }
            Slate.Run run = Slate.inProcess(args.toArray(String[]::new));
            assertThat(run.code()).as(command + ": " + run.err()).isEqualTo(ExitCode.INVALID_PRODUCTION);
            assertThat(run.err().lines().toList()).as(command).hasSize(1);
            assertThat(run.err()).as(command).startsWith("slate " + command + ": lock.yaml:" + line + ":")
                    .doesNotContain("Exception");
        }
        assertThat(Files.readString(file)).isEqualTo(damaged); // nothing rewrote it
        JsonNode check = JSON.readTree(Slate.inProcess("check", dir.toString(), "--format", "json").out());
        assertThat(check.path("diagnostics")).anySatisfy(d -> {
            assertThat(d.path("file").asText()).isEqualTo("lock.yaml");
            assertThat(d.path("line").asInt()).isEqualTo(line);
            assertThat(d.path("severity").asText()).isEqualTo("error");
        });
    }

    private static int lineOf(String text, String marker) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line holds " + marker);
    }

    @Test
    void aLockedShotRefusesVerdictsAndFixesUntilUnlockedOnTheRecord() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 4);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        assertThat(Slate.inProcess("approve", "1/1S4", dir.toString(), "--take", "1").code()).isZero();
        assertThat(Slate.inProcess("lock", "1/1S4", dir.toString(), "--reason", "final").code()).isZero();
        Slate.Run approve = Slate.inProcess("approve", "1/1S4", dir.toString(), "--take", "2");
        assertThat(approve.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(approve.err()).isEqualTo("slate approve: shot 1/1S4 is locked on take 1 v1 (by "
                + System.getProperty("user.name") + ": final); run 'slate unlock 1/1S4 --reason TEXT' before you approve a"
                + " take of it" + System.lineSeparator());
        // The API slate fix calls: a locked shot is refused with the same sentence.
        film.slate.core.lock.PictureLock lock = film.slate.core.lock.PictureLock.read(dir);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lock.refuse("1/1S4", "fix"))
                .isInstanceOf(film.slate.core.lock.LockedShotException.class).hasMessageContaining("before you fix it");
        lock.refuse("1/1S3", "fix"); // not locked: no refusal
        long versions = Slate.inProcess("takes", "1/1S4", dir.toString()).out().lines().count();
        Slate.Run fix = Slate.inProcess("fix", "1/1S4", dir.toString(), "--take", "1", "--frames", "0-3", "--region",
                "0,0,16,16");
        assertThat(fix.code()).as(fix.err()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(fix.err()).contains("slate fix: shot 1/1S4 is locked on take 1 v1").contains("before you fix it");
        assertThat(Slate.inProcess("takes", "1/1S4", dir.toString()).out().lines().count()).isEqualTo(versions);
        assertThat(Slate.inProcess("lock", "1/1S4", dir.toString()).out()).contains("already locked 1/1S4 on take 1 v1");

        Files.writeString(dir.resolve("shots/0001.yaml"), Files.readString(dir.resolve("shots/0001.yaml"))
                .replace("Beat 4 of scene 1.", "Beat four."));
        assertThat(Slate.inProcess("build", dir.toString()).out()).contains("locked 1/1S4 on take 1 v1: not rendered");
        Slate.Run unlock = Slate.inProcess("unlock", "1/1S4", dir.toString(), "--reason", "the action was rewritten");
        assertThat(unlock.code()).as(unlock.err()).isZero();
        assertThat(film.slate.core.lock.PictureLock.read(dir).shots().keySet()).isEmpty();
        assertThat(Slate.inProcess("log", dir.toString()).out()).contains("unlocked", "the action was rewritten",
                "locked", "final");
        Slate.Run build = Slate.inProcess("build", dir.toString(), "--json");
        assertThat(BuildCommandTest.lines(build.out())).anySatisfy(e -> {
            assertThat(e.path("event").asText()).isEqualTo("rendered");
            assertThat(e.path("shot").asText()).isEqualTo("1/1S4");
        });
        assertThat(Slate.inProcess("unlock", "1/1S4", dir.toString(), "--reason", "x").code())
                .isEqualTo(ExitCode.CANNOT_RUN);
    }

    private static String named(List<String> fields) {
        return fields.size() <= 6 ? String.join(", ", fields)
                : String.join(", ", fields.subList(0, 6)) + " and " + (fields.size() - 6) + " more";
    }
}
