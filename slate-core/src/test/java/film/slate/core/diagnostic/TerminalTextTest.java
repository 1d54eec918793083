package film.slate.core.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "27|\\e", "13|\\r", "10|\\n", "9|\\t", "7|\\u0007", "0|\\u0000", "127|\\u007f", "155|\\u009b",
        "133|\\u0085", "8238|\\u202e", "8294|\\u2066", "8233|\\u2029", "1564|\\u061c"})
    void eachControlIsShownAsAnEscape(int c, String shown) {
        assertThat(TerminalText.escape("a" + (char) c + "b")).isEqualTo("a" + shown + "b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "Grüße, 東京, emoji \uD83C\uDFAC with \u200D joiner", "C:\\path\\file",
        "\u00a0no-break space", ""})
    void printableTextIsUnchanged(String text) {
        assertThat(TerminalText.escape(text)).isSameAs(text);
    }

    @Test
    void linesCanBeKept() {
        assertThat(TerminalText.escapeKeepingLines("one\n\u001b[2Jtwo\r\n")).isEqualTo("one\n\\e[2Jtwo\\r\n");
    }

    @Test
    void noEscapedTextHoldsAControlWhateverTheInput() {
        Random random = new Random(Long.getLong("slate.trials.seed", 10));
        for (int trial = 0; trial < Integer.getInteger("slate.trials", 2000); trial++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                s.append((char) (random.nextBoolean() ? random.nextInt(0xA0) : random.nextInt(0x3000)));
            }
            String escaped = TerminalText.escape(s.toString());
            assertThat(escaped.chars().noneMatch(TerminalText::isUnsafe)).as("%s", escaped).isTrue();
            assertThat(TerminalText.escapeKeepingLines(s.toString()).chars().filter(c -> c != '\n')
                    .noneMatch(TerminalText::isUnsafe)).isTrue();
        }
    }
}
