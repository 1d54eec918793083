package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.TerminalText;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalWriterTest {
    private String through(String... chunks) throws IOException {
        StringWriter out = new StringWriter();
        try (TerminalWriter w = new TerminalWriter(out)) {
            for (String c : chunks) {
                w.write(c);
            }
        }
        return out.toString();
    }

    @Test
    void lineEndsPassAndEverythingElseIsEscaped() throws IOException {
        assertThat(through("a,b\r\nc\n\u001b]0;x\u0007\u202e")).isEqualTo("a,b\r\nc\n\\e]0;x\\u0007\\u202e");
    }

    @Test
    void aCarriageReturnNotFollowedByALineFeedIsEscapedEvenAcrossWrites() throws IOException {
        assertThat(through("wet\r", "\n", "dry\r", "x", "end\r")).isEqualTo("wet\r\ndry\\rxend\\r");
    }

    @Test
    void jsonStaysJson() throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        String original = "\u001b[2J\r\n\u009b\u202e\u2028";
        String json = mapper.writeValueAsString(java.util.Map.of("v", original));
        assertThat(mapper.readTree(through(json)).path("v").asText()).isEqualTo(original);
    }

    static LongStream seeds() {
        return LongStream.range(0, Long.getLong("slate.terminal.trials", 200));
    }

    /**
     * Over random texts of plain and unsafe characters cut into random writes, the output is the
     * text's character-by-character escape, whatever the cuts (plain writes take a shorter road).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void anyTextInAnyChunksIsEscapedCharacterByCharacter(long seed) throws IOException {
        String alphabet = "ab {}\",:\n\n\r\t\u001b\u007f\u0085\u00e9\u202e\u2028\u4e16";
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(60); i > 0; i--) {
            boolean odd = random.nextInt(3) == 0;
            text.append(odd ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('a' + random.nextInt(26)));
        }
        List<String> chunks = new ArrayList<>();
        for (int at = 0; at < text.length();) {
            int to = Math.min(text.length(), at + 1 + random.nextInt(8));
            chunks.add(text.substring(at, to));
            at = to;
        }
        assertThat(through(chunks.toArray(String[]::new))).as("seed %d: %s", seed, chunks).isEqualTo(expected(text));
    }

    /** {@code text} escaped one character at a time: CR-LF and LF pass, every other unsafe character is escaped. */
    private static String expected(CharSequence text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                out.append("\r\n");
                i++;
            } else if (c == '\n' || !TerminalText.isUnsafe(c)) {
                out.append(c);
            } else {
                TerminalText.appendEscape(out, c);
            }
        }
        return out.toString();
    }
}
