package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 §7 as a user meets it: a file that leads out, gets one sentence, and nothing of it. */
class FilesOutsideTest {
    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void copyTheExample() throws IOException {
        dir = tmp.resolve("production");
        Slate.copyExample(dir);
    }

    @Test
    void aShotsFileLinkedToAPrivateFileIsNamedAndNotPrinted() throws IOException {
        Path secret = Files.writeString(tmp.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createSymbolicLink(dir.resolve("shots/009.yaml"), secret);
        Slate.Run check = Slate.inProcess("check", dir.toString());
        assertThat(check.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(check.out()).contains("shots/009.yaml: error syntax/yaml: shots/009.yaml leads out of the production"
                + " folder through a link").doesNotContain("root:x");
        Slate.Run status = Slate.inProcess("status", dir.toString());
        assertThat(status.code()).isEqualTo(ExitCode.INVALID_PRODUCTION);
        assertThat(status.err()).contains("shots/009.yaml").doesNotContain("root:x");
    }
}
