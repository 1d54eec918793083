package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.comfyui.ComfyProduction;
import film.slate.engine.comfyui.FakeComfy;
import film.slate.engine.httptask.FakeTaskApi;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 §5: after builds that succeed, fail, are retried and are killed, on every backend, the
 * key appears in no encoding anywhere: the production and its .slate (database and work folders
 * byte for byte), the build's stdout and stderr, and {@code slate log}.
 */
class SecretGrepTest {
    /** A key with a slash, so that its URL encodings differ from it. */
    static final String KEY = "sk-proj-Gr3p/Me1fY0u9Can+Zx";

    @TempDir
    Path tmp;

    /** Every encoding of the key that must not appear. */
    static List<String> encodings() {
        String url = URLEncoder.encode(KEY, StandardCharsets.UTF_8);
        List<String> e = new ArrayList<>(List.of(KEY, url, url.replace("%2F", "/"), KEY.replace("/", "\\/")));
        e.add(Base64.getEncoder().encodeToString(("Bearer " + KEY).getBytes(StandardCharsets.UTF_8)));
        e.add(Base64.getEncoder().encodeToString(("user:" + KEY).getBytes(StandardCharsets.UTF_8)));
        e.add(KEY.substring(0, 12));
        e.add(KEY.substring(KEY.length() - 12));
        return e;
    }

    /** A slate build in a child JVM whose environment holds the key, with its stdout and stderr kept. */
    private Process build(Path dir, String name) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Slate.MAIN,
                "build", dir.toString(), "--json"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile());
        pb.environment().put("SLATE_TEST_API_KEY", KEY);
        pb.environment().put("OPENAI_API_KEY", KEY);
        return pb.start();
    }

    private int run(Path dir, String name) throws Exception {
        Process p = build(dir, name);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        return p.exitValue();
    }

    private void assertNoKeyAnywhere(Path dir) throws IOException {
        String log = Slate.inProcess("log", dir.toString()).out();
        assertThat(log).isNotBlank();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Stream.concat(Files.walk(dir), Files.list(tmp))) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        for (String form : encodings()) {
            assertThat(log).as("slate log").doesNotContain(form);
            for (Path f : files) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(form);
            }
        }
    }

    private static List<Path> redactedFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.readString(f, StandardCharsets.ISO_8859_1).contains("key [redacted] inherited");
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }

    @Test
    void theCommandBackendsProgramEchoingTheKeyInEveryEncodingLeavesItNowhere() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3, "command",
                "command: [tools/render.sh]\ninputs: [control]\nretries: 3\nenv: { API_TOKEN: \"${SLATE_TEST_API_KEY}\" }\n");
        Files.createDirectories(dir.resolve("tools"));
        Path sh = dir.resolve("tools/render.sh");
        Files.writeString(sh, """
                #!/bin/sh
                K="$API_TOKEN"
                say() {
                  echo "key $K inherited $OPENAI_API_KEY"
                  echo "url $(printf '%s' "$K" | sed 's,/,%2F,g;s,+,%2B,g') json $(printf '%s' "$K" | sed 's,/,\\\\/,g')"
                  echo "bearer $(printf 'Bearer %s' "$K" | base64 -w0) basic $(printf 'user:%s' "$K" | base64 -w0)"
                }
                say; say >&2
                mark="$SLATE_PRODUCTION_DIR/tries-$(echo "$SLATE_SHOT" | tr / _)"
                echo x >> "$mark"
                case "$SLATE_SHOT" in
                  */1S1) [ "$(wc -l < "$mark")" -lt 2 ] && exit 75 ;;
                  */1S2) exit 3 ;;
                  */1S3) [ -f "$SLATE_PRODUCTION_DIR/hang" ] && { touch "$SLATE_PRODUCTION_DIR/hung"; sleep 300; } ;;
                esac
                cp "$SLATE_INPUT_DIR/control.png" "$SLATE_OUTPUT_DIR/f1.png"
                exit 0
                """);
        Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
        run(dir, "first"); // 1S1 retried, 1S2 fails, 1S3 done
        Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml"))
                .replace("retries: 3", "retries: 2"));
        Files.writeString(dir.resolve("hang"), "");
        Process killed = build(dir, "killed");
        Path hung = dir.resolve("hung");
        while (!Files.exists(hung)) {
            assertThat(killed.isAlive()).isTrue();
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(50); // waits for the program's own sign, however slow the machine
        }
        killed.destroyForcibly().waitFor();
        assertThat(redactedFiles(dir)).as("the killed build's work files, with what the program said").isNotEmpty();
        assertNoKeyAnywhere(dir);
        Files.delete(dir.resolve("hang"));
        run(dir, "after-kill");
        assertNoKeyAnywhere(dir);
    }

    @Test
    void theHttpTaskBackendAfterSuccessRetriesAndRefusalsLeavesTheKeyNowhere() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(KEY)) {
            api.fault("POST /v1/tasks", FakeTaskApi.Fault.ECHO_KEY_500_AT_CUT, 2);
            api.fault("GET /v1/tasks/", FakeTaskApi.Fault.HTTP_429, 1);
            Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2, "http-task", """
                    url: %s/v1/tasks
                    api_key_env: SLATE_TEST_API_KEY
                    headers: { Authorization: "Bearer ${api_key}" }
                    request: { prompt: "${prompt}", key_in_body: "${api_key}" }
                    id: /id
                    poll: %s/v1/tasks/{id}?key=${api_key}
                    status: /status
                    result: /output
                    error: /error/message
                    poll_interval: 0.02
                    request_timeout: 10
                    retries: 4
                    """.formatted(api.url(), api.url()));
            assertThat(run(dir, "ok")).isZero();
            Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml"))
                    .replace("retries: 4", "retries: 3"));
            api.fault("POST /v1/tasks", FakeTaskApi.Fault.ECHO_KEY_401, 10);
            assertThat(run(dir, "refused")).isNotZero();
            assertThat(Files.readString(tmp.resolve("refused.out")) + Slate.inProcess("log", dir.toString()).out())
                    .as("the API echoed the key, and what reached us was redacted").contains("[redacted]");
            assertNoKeyAnywhere(dir);
        }
    }

    @Test
    void theComfyBackendWithTheKeyInSlatesEnvironmentLeavesItNowhere() throws Exception {
        try (FakeComfy comfy = new FakeComfy()) {
            Path dir = ComfyProduction.write(tmp.resolve("p"), 1, 2, "url: " + comfy.url(), "");
            assertThat(run(dir, "ok")).isZero();
            assertNoKeyAnywhere(dir);
        }
    }
}
