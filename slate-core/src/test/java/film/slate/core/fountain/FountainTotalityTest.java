package film.slate.core.fountain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import film.slate.core.breakdown.Breakdown;
import film.slate.core.breakdown.BreakdownInputs;
import film.slate.core.screenplay.Pagination;
import film.slate.core.screenplay.Screenplay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parsing is total: any bytes give a document and diagnostics, never an exception or a hang, and
 * everything built on the document (scenes, pages, breakdown) is total too. Seeded generators, so
 * a failure names its seed and trial; raise the trial count with {@code -Dslate.trials=N}.
 */
class FountainTotalityTest {
    /** Only catches a hang: a quadratic or exponential pass over these inputs takes hours, and a fixed
     *  budget near the normal time failed on a loaded machine (a test asserts behaviour, not speed). */
    private static final Duration HANG_GUARD = Duration.ofMinutes(3);

    private static final int TRIALS = 700 * Math.max(1, Integer.getInteger("slate.trials", 1));
    private static final List<String> SYNTAX = List.of("\n", "\n\n", "\r\n", "\r", "  \n", "INT. ", "EXT ", ".", "...",
            "!", "@", "^", "~", ">", "<", "[[", "]]", "/*", "*/", "#", "##", "=", "===", "(", ")", "TO:", "Title:",
            "    ", "\t", "*", "_", "\\", "#1A#", "MARA", "(V.O.)", "\u0000", "\uFEFF", "é", "\uD83C\uDFAC");

    private static List<byte[]> corpus() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        for (String name : List.of("title_page", "scene_heading", "action", "character", "dialogue",
                "parenthetical", "dual_dialogue", "transition", "centered", "lyrics", "notes", "boneyard",
                "section_synopsis", "page_break", "emphasis")) {
            corpus.add(FountainFixturesTest.resource(name + ".fountain"));
        }
        return corpus;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void anyBytesGiveADocument(long seed) throws IOException {
        Random random = new Random(seed);
        List<byte[]> corpus = corpus();
        List<Function<Random, byte[]>> generators = List.of(
                r -> randomBytes(r, r.nextInt(400)),
                r -> syntaxSoup(r, r.nextInt(300)),
                r -> mutate(r, corpus.get(r.nextInt(corpus.size()))),
                r -> truncate(r, corpus.get(r.nextInt(corpus.size()))),
                r -> invalidUtf8(r, corpus.get(r.nextInt(corpus.size()))));
        for (int trial = 0; trial < TRIALS; trial++) {
            byte[] input = generators.get(trial % generators.size()).apply(random);
            checkTotal("seed " + seed + " trial " + trial, input);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "[[", "/*", "*/", "#", "=", "~", ">", "(", "A", " ", "\n", "\r", "\u0000", "^",
        "[[\n", "/*\n", "MARA\n", "INT. A - DAY #1#\n", "\n\n"})
    void hugeRepetitiveInputsStayLinear(String unit) {
        byte[] input = unit.repeat(1_000_000 / unit.length()).getBytes(StandardCharsets.UTF_8);
        assertTimeoutPreemptively(HANG_GUARD, () -> checkTotal("1 MB of " + unit, input));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void aHugeLineAndBinaryData(int kind) {
        Random random = new Random(kind);
        byte[] input = switch (kind) {
            case 0 -> ("INT. HOUSE - DAY\n\n" + "word ".repeat(400_000)).getBytes(StandardCharsets.UTF_8);
            case 1 -> randomBytes(random, 2_000_000);
            case 2 -> ("MARA\n" + "(".repeat(500_000) + "\n" + ")".repeat(500_000)).getBytes(StandardCharsets.UTF_8);
            default -> ("[[" + "a]".repeat(300_000) + "\n/*" + "*".repeat(300_000)).getBytes(StandardCharsets.UTF_8);
        };
        assertTimeoutPreemptively(HANG_GUARD, () -> checkTotal("kind " + kind, input));
    }

    static void checkTotal(String what, byte[] input) {
        FountainDocument d;
        try {
            d = Fountain.parse("s.fountain", input);
            Screenplay sp = Screenplay.of(d);
            Pagination p = Pagination.of(sp);
            Breakdown b = Breakdown.of(sp, p, new BreakdownInputs(List.of("LANTERN", "OLD_MAP"), List.of("TOM"),
                    java.util.Map.of()));
            assertThat(p.sceneEighths().stream().mapToInt(Integer::intValue).sum()).as(what)
                    .isEqualTo(p.totalEighths());
            assertThat(b.scenes()).as(what).hasSize(sp.scenes().size());
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(what + ": " + e + " on input " + preview(input), e);
        }
        int lines = 1;
        for (byte x : input) {
            lines += x == '\n' || x == '\r' ? 1 : 0;
        }
        for (Element e : d.elements()) {
            assertThat(e.position().line()).as(what).isBetween(1, lines);
            assertThat(e.position().column()).as(what).isPositive();
            assertThat(e.position().file()).isEqualTo("s.fountain");
        }
        for (var x : d.diagnostics()) {
            assertThat(x.position().line()).as(what).isBetween(0, lines);
        }
    }

    private static String preview(byte[] input) {
        return Arrays.toString(Arrays.copyOf(input, Math.min(input.length, 200)));
    }

    static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] syntaxSoup(Random r, int tokens) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < tokens; i++) {
            s.append(SYNTAX.get(r.nextInt(SYNTAX.size())));
            if (r.nextInt(3) == 0) {
                s.append("word");
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mutate(Random r, byte[] source) {
        byte[] b = source.clone();
        int edits = 1 + r.nextInt(12);
        StringBuilder s = new StringBuilder(new String(b, StandardCharsets.UTF_8));
        for (int i = 0; i < edits && s.length() > 0; i++) {
            int at = r.nextInt(s.length());
            switch (r.nextInt(3)) {
                case 0 -> s.insert(at, SYNTAX.get(r.nextInt(SYNTAX.size())));
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(20)));
                default -> s.setCharAt(at, (char) r.nextInt(0x3000));
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] truncate(Random r, byte[] source) {
        return Arrays.copyOf(source, r.nextInt(source.length + 1));
    }

    private static byte[] invalidUtf8(Random r, byte[] source) {
        byte[] b = source.clone();
        for (int i = 0; i < 1 + r.nextInt(4) && b.length > 0; i++) {
            b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x80));
        }
        return b;
    }
}
