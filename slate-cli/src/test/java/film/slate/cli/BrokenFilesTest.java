package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that meet a file that does not parse name that file first, and never pretend it was not there. */
class BrokenFilesTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copyTheExample() throws IOException {
        Slate.copyExample(dir);
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aBrokenManifestIsNamedBeforeWhatFollowsFromIt() throws IOException {
        Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml")) + "foo: [unclosed\n");
        assertThat(run("status", dir.toString())).isEqualTo(ExitCode.INVALID_PRODUCTION);
        assertThat(err.toString()).startsWith("slate status: slate.yaml:").contains("not valid YAML")
                .doesNotContain("lacks the field");
    }

    @Test
    void frameSaysTheShotsFileIsBrokenRatherThanThatTheShotIsMissing() throws IOException {
        Files.writeString(dir.resolve("shots/001.yaml"), "scene: 1\nshots: [\n");
        assertThat(run("frame", "1/1A", "--at", "0", "--out", dir.resolve("f.png").toString(), dir.toString()))
                .isEqualTo(ExitCode.INVALID_PRODUCTION);
        assertThat(err.toString()).contains("shots/001.yaml:").contains("does not parse").doesNotContain("there is no shot");
        assertThat(dir.resolve("f.png")).doesNotExist();
    }
}
