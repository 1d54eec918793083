package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.testing.SyntheticProduction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code slate why} shows only what changed: matched lists, and the changed words of a long text. */
class WhyChangesTest {
    @TempDir
    Path tmp;

    @Test
    void anAddedSubjectIsOneEntryAndALongPromptShowsOnlyItsChangedWords() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        Path shots = dir.resolve("shots/0001.yaml");
        Files.writeString(shots, Files.readString(shots).replace("subjects: [MARA]\n", "subjects: [MARA, TOM]\n"));
        Path cast = dir.resolve("bible/characters.yaml");
        Files.writeString(cast, Files.readString(cast).replace("yellow oilskin coat", "red oilskin coat"));
        String why = Slate.inProcess("why", "1/1S2", dir.toString()).out();
        assertThat(why).contains("  /subjects[id=TOM]\n    was: (absent)\n    now: {")
                .contains("  /subjects[id=MARA]/wears\n    was: \"yellow oilskin coat\"\n    now: \"red oilskin coat\"\n")
                .doesNotContain("/subjects\n");
        String prompt = why.substring(why.indexOf("  /prompt\n"));
        String was = prompt.lines().skip(1).findFirst().orElseThrow();
        String now = prompt.lines().skip(2).findFirst().orElseThrow();
        assertThat(was).contains("yellow oilskin coat").startsWith("    was: \"…");
        assertThat(now).contains("red oilskin coat").startsWith("    now: \"…");
        assertThat(was).doesNotContain("MCU of").doesNotContain("35mm film"); // the unchanged start and end are cut
    }

    /** Property: an excerpt keeps the changed words of both texts, and only trims what both share. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void excerptsKeepEveryChangedWord(long seed) {
        Random r = new Random(seed);
        String[] vocabulary = {"mara", "tom", "lantern", "coat", "yellow", "grey", "rain", "glass", "lens", "jetty"};
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < 20 + r.nextInt(20); i++) {
            a.append(i == 0 ? "" : " ").append(vocabulary[r.nextInt(vocabulary.length)]);
        }
        String[] words = a.toString().split(" ");
        int at = r.nextInt(words.length);
        String changed = "CHANGED" + r.nextInt(100);
        String[] b = words.clone();
        b[at] = changed;
        String before = "\"" + a + "\"";
        String after = "\"" + String.join(" ", b) + "\"";
        String[] shown = WhyChanges.excerpt(Optional.of(before), Optional.of(after));
        assertThat(shown[1]).contains(changed);
        assertThat(shown[0]).contains(words[at]);
        assertThat(inner(shown[0])).isSubstringOf(a.toString()); // a cut of the original, in order
        assertThat(inner(shown[1])).isSubstringOf(String.join(" ", b));
        if (before.length() <= WhyChanges.LONG) {
            assertThat(shown[0]).isEqualTo(before);
        }
    }

    private static String inner(String shown) {
        return shown.substring(1, shown.length() - 1).replace("…", "");
    }
}
