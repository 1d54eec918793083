package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

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
}
