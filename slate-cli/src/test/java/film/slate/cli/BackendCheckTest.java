package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.testing.SyntheticProduction;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code slate check} finds a backend's bad settings at their line, before any build meets them. */
class BackendCheckTest {
    @TempDir
    Path tmp;

    private static final String HTTP_TASK = """
            url: %s
            request: { prompt: "${prompt}" }
            id: /id
            poll: %s
            status: /status
            result: /output
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://api.example.com/v1/tasks | https://api.example.com/v1/tasks/{id} | url  | ftp://api.example.com/v1/tasks",
        "api.example.com/v1/tasks       | https://api.example.com/v1/tasks/{id} | url  | api.example.com/v1/tasks",
        "https://api.example.com/v1     | /v1/tasks/{id}                        | poll | /v1/tasks/{id}",
    })
    void anHttpTaskUrlThatIsNoHttpAddressIsFoundByCheckWithItsLine(String url, String poll, String field, String shown) {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1, "http-task", HTTP_TASK.formatted(url, poll));
        var r = Slate.inProcess("check", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).containsPattern("slate\\.yaml:\\d+:\\d+: .*'" + field + "' of backend main is '"
                + java.util.regex.Pattern.quote(shown) + "', not an http:// or https:// address");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://api.example.com/v1/tasks?key=${api_key} | http://127.0.0.1:8080/v1/tasks/{id}",
    })
    void urlTemplatesThatAreHttpAddressesPass(String url, String poll) {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1, "http-task", HTTP_TASK.formatted(url, poll));
        assertThat(Slate.inProcess("check", dir.toString()).out()).doesNotContain("not an http://");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"..", "/tmp", "tools/../.."})
    void aCommandWorkdirOutsideTheProductionIsFoundByCheck(String workdir) {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1, "command",
                "command: [tools/render.sh]\nworkdir: \"" + workdir + "\"\n");
        var r = Slate.inProcess("check", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.out()).containsPattern("slate\\.yaml:\\d+:\\d+: .*'workdir' of backend main is '"
                + java.util.regex.Pattern.quote(workdir) + "', outside the production");
        Path allowed = SyntheticProduction.write(tmp.resolve("q"), 1, 1, "command",
                "command: [tools/render.sh]\nworkdir: \"" + workdir + "\"\nworkdir_outside: true\n");
        assertThat(Slate.inProcess("check", allowed.toString()).out()).doesNotContain("outside the production");
    }
}
