package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 §6: a production whose YAML values, screenplay and backend's error text hold terminal
 * controls (clear screen, window title, bell, CR, C1 CSI, DEL, a bidi override, a newline inside a
 * value) gets every command's output with none of them raw; JSON stays JSON and carries them.
 */
class TerminalSafetyTest {
    /** Clears the screen, retitles the window, rings, returns the carriage, CSI as C1, DEL, right-to-left override. */
    private static final String HOSTILE = "\u001b]0;pwned\u0007\u001b[2Jwet\rdry\u009b31m\u007f\u202eevil\u0085";
    private static final String YAML_HOSTILE = "\"\\e]0;pwned\\a\\e[2Jwet\\rdry\\x9b31m\\x7f\\u202eevil\\N\\nsecond line\"";

    @TempDir
    Path dir;

    @BeforeEach
    void hostileProduction() throws IOException {
        Slate.copyExample(dir);
        replace("bible/characters.yaml", "oilskin: yellow oilskin coat over a dark jumper, black wool hat",
                "oilskin: " + YAML_HOSTILE);
        // An unknown field whose name is hostile: check quotes it in a diagnostic.
        replace("shots/001.yaml", "    framing: EWS\n", "    framing: EWS\n    " + YAML_HOSTILE + ": 1\n");
        replace("screenplay.fountain", "Grey swell.", "Grey " + HOSTILE + " swell.");
        replace("slate.yaml", "  previz: { type: previz }\n",
                "  previz: { type: previz }\n  broken: { type: command, command: [tools/fail.sh], retries: 0 }\n");
        Path fail = dir.resolve("tools/fail.sh");
        Files.createDirectories(fail.getParent());
        // The fake backend's error: raw controls on its stderr.
        Files.writeString(fail, "#!/bin/sh\nprintf 'boom \\033]0;pwned\\007\\033[2J\\r\\302\\233 31m \\342\\200\\256 evil\\n' >&2\n"
                + "exit 3\n");
        Files.setPosixFilePermissions(fail, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void replace(String file, String what, String with) throws IOException {
        Path p = dir.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(what);
        Files.writeString(p, text.replace(what, with), StandardCharsets.UTF_8);
    }

    /** Runs a command and checks that neither stream holds a raw control; returns the run. */
    private Slate.Run run(String... args) {
        Slate.Run r = Slate.inProcess(args);
        assertNoControls(String.join(" ", args) + " stdout", r.out());
        assertNoControls(String.join(" ", args) + " stderr", r.err());
        return r;
    }

    /** Newlines (and CR-LF line ends) are the output's structure; nothing else a terminal acts on may pass. */
    static void assertNoControls(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\n' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            boolean control = c < 0x20 || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e
                    || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f || c == 0x061c || c == 0x2028
                    || c == 0x2029;
            assertThat(control && !lineEnd).as("%s holds U+%04X at %d: %s", what, (int) c, i, text).isFalse();
        }
    }

    @Test
    void checkPrintsTheHostileFieldNameEscapedAndItsJsonCarriesIt() throws IOException {
        Slate.Run text = run("check", dir.toString());
        assertThat(text.out()).contains("\\e]0;pwned\\u0007\\e[2Jwet\\rdry\\u009b31m\\u007f\\u202eevil\\u0085\\nsecond line");
        JsonNode json = new ObjectMapper().readTree(run("check", "--format", "json", dir.toString()).out());
        assertThat(json.path("diagnostics").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains(HOSTILE + "\nsecond line"));
        JsonNode sarif = new ObjectMapper().readTree(run("check", "--format", "sarif", dir.toString()).out());
        assertThat(sarif.findValuesAsText("text")).anySatisfy(m -> assertThat(m).contains(HOSTILE));
    }

    @Test
    void scriptAndBreakdownShowTheScreenplayEscaped() throws IOException {
        // The Fountain reader itself drops C0 controls and breaks the line at CR; C1 and bidi reach the text.
        assertThat(run("script", dir.toString()).out()).contains("dry\\u009b31m\\u007f\\u202eevil");
        JsonNode json = new ObjectMapper().readTree(run("script", "--format", "json", dir.toString()).out());
        assertThat(json.path("elements").findValuesAsText("text"))
                .anySatisfy(t -> assertThat(t).contains("dry\u009b31m\u007f\u202eevil"));
        run("breakdown", dir.toString());
        new ObjectMapper().readTree(run("breakdown", "--format", "json", dir.toString()).out());
        run("breakdown", "--format", "csv", dir.toString());
    }

    @Test
    void aBackendsErrorIsEscapedInBuildStatusAndLog() throws IOException {
        replace("shots/001.yaml", "    " + YAML_HOSTILE + ": 1\n", "");
        Slate.Run build = run("build", "--backend", "broken", "--shots", "1/1A", dir.toString());
        assertThat(build.out() + build.err()).contains("boom \\e]0;pwned\\u0007\\e[2J");
        run("build", "--json", "--backend", "broken", "--shots", "1/1A", dir.toString()).out().lines()
                .forEach(line -> assertThat(readJson(line).isObject()).isTrue());
        assertThat(run("status", "--backend", "broken", dir.toString()).out()).contains("boom \\e]0;pwned");
        JsonNode status = readJson(run("status", "--format", "json", "--backend", "broken", dir.toString()).out());
        assertThat(status.findValuesAsText("reason")).anySatisfy(r -> assertThat(r).contains("boom \u001b]0;pwned"));
        assertThat(run("log", dir.toString()).out()).contains("boom \\e]0;pwned");
        run("takes", "1/1A", dir.toString());
    }

    @Test
    void whyShowsTheChangedWardrobeEscaped() throws IOException {
        replace("shots/001.yaml", "    " + YAML_HOSTILE + ": 1\n", "");
        replace("bible/characters.yaml", YAML_HOSTILE, "plain yellow oilskin");
        assertThat(run("build", "--shots", "1/1A", dir.toString()).code()).isZero();
        replace("bible/characters.yaml", "plain yellow oilskin", YAML_HOSTILE);
        Slate.Run why = run("why", "1/1A", dir.toString());
        // why shows values as JSON text: the controls arrive as JSON escapes, the C1 and bidi ones escaped too.
        assertThat(why.out()).contains("now: \"\\u001b]0;pwned\\u0007\\u001b[2Jwet\\rdry\\u009b31m\\u007f\\u202eevil"
                + "\\u0085\\nsecond line\"");
        run("takes", "1/1A", dir.toString());
        run("status", dir.toString());
    }

    @Test
    void argumentsAndErrorsEchoedBackAreEscaped() {
        for (List<String> args : List.of(List.of("why", "1/\u001b[2J\nX", dir.toString()),
                List.of("check", "--format", "\u001b]0;t\u0007", dir.toString()),
                List.of("status", dir.resolve("no\u001b[2Jwhere").toString()),
                List.of("frame", "9/\u009b9", "--at", "0", "--out", dir.resolve("f.png").toString(), dir.toString()))) {
            Slate.Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).isNotZero();
            assertThat(r.err()).containsAnyOf("\\e", "\\u009b");
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
