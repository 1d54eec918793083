package film.slate.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.build.BuildEvent;
import film.slate.engine.testing.BackendBuild;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.VideoInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command backend with real shell scripts, through the real Builder. */
class CommandBackendTest {
    @TempDir
    Path tmp;

    /** A production whose default backend runs {@code tools/render.sh} with {@code script} as its body. */
    private Path production(String script, String extra) throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1, "command",
                "command: [tools/render.sh]\ninputs: [control, control_video]\nretries: 2\n" + extra);
        Files.createDirectories(dir.resolve("tools"));
        Path sh = dir.resolve("tools/render.sh");
        Files.writeString(sh, "#!/bin/sh\n" + script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    @Test
    void aProgramThatWritesFramesMakesANormalisedTake() throws Exception {
        // Reads the recipe on stdin, checks the input folder, writes three frames (the previz control image).
        Path dir = production("""
                cat > "$SLATE_OUTPUT_DIR/../stdin.json"
                grep -q '"shot":"1/1S1"' "$SLATE_OUTPUT_DIR/../stdin.json" || { echo "no recipe on stdin" >&2; exit 9; }
                test -f "$SLATE_INPUT_DIR/recipe.json" || exit 8
                grep -q '"control" : "control.png"' "$SLATE_INPUT_DIR/conditioning.json" || exit 7
                for i in 1 2 3; do cp "$SLATE_INPUT_DIR/control.png" "$SLATE_OUTPUT_DIR/frame$i.png"; done
                """, "");
        var r = BackendBuild.run(dir, 1);
        assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
        var take = r.store().takes().ofAll().stream().filter(t -> t.backend().equals("main")).findFirst().orElseThrow();
        var recipe = r.store().recipes().get(take.recipe()).orElseThrow();
        assertThat(recipe.content().backend().version()).startsWith("command/1 program ");
        VideoInfo info = Ffmpeg.find().probe(r.store().objects().path(take.master().orElseThrow()));
        assertThat(info.width()).isEqualTo(64);
        assertThat(info.frames()).isEqualTo(recipe.frames());
        assertThat(take.proxy()).isPresent();
    }

    @Test
    void aProgramThatWritesAVideoMakesANormalisedTake() throws Exception {
        Path dir = production("cp \"$SLATE_INPUT_DIR/control_video.mkv\" \"$SLATE_OUTPUT_DIR/out.mkv\"\n", "");
        var r = BackendBuild.run(dir, 1);
        assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
        assertThat(r.summary().rendered()).isEqualTo(2);
    }

    @Test
    void aFailingProgramIsReportedOnceWithItsLastWords() throws Exception {
        Path dir = production("echo 'loading weights' >&2\necho 'model.safetensors not found' >&2\nexit 3\n", "");
        var r = BackendBuild.run(dir, 1);
        assertThat(r.of(BuildEvent.Kind.RETRY)).isEmpty();
        assertThat(r.of(BuildEvent.Kind.FAILED)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                .isEqualTo("tools/render.sh exited with code 3: loading weights | model.safetensors not found"));
    }

    @Test
    void aTransientExitCodeIsRetried() throws Exception {
        Path dir = production("""
                n=$(cat "$SLATE_PRODUCTION_DIR/count" 2>/dev/null || echo 0); echo $((n+1)) > "$SLATE_PRODUCTION_DIR/count"
                [ "$n" -lt 1 ] && { echo 'GPU busy' >&2; exit 75; }
                cp "$SLATE_INPUT_DIR/control.png" "$SLATE_OUTPUT_DIR/0001.png"
                """, "");
        var r = BackendBuild.run(dir, 1);
        assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
        assertThat(r.of(BuildEvent.Kind.RETRY)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                .contains("exited with code 75: GPU busy"));
    }

    @Test
    void aTimeoutKillsTheWholeProcessTree() throws Exception {
        // No inputs to prepare, so the program (not Slate's encoding of its depth pass) is what runs
        // out of time however loaded the machine is.
        Path dir = production("sleep 60 &\necho $! > \"$SLATE_PRODUCTION_DIR/child.pid\"\nwait\n", "timeout: 1\n");
        Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml"))
                .replace("retries: 2", "retries: 0").replace("    inputs: [control, control_video]\n", ""));
        long t0 = System.nanoTime();
        var r = BackendBuild.run(dir, 1);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
        assertThat(r.of(BuildEvent.Kind.FAILED)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                .contains("timed out after 1"));
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
        awaitStopped(child);
        assertThat(running(child)).as("the program's child").isFalse();
    }

    /** Looks at {@code pid} until it has stopped or a minute has passed (a killed process stops soon, not at once). */
    private static void awaitStopped(long pid) throws Exception {
        for (int look = 0; look < 3000 && running(pid); look++) {
            Thread.sleep(20);
        }
    }

    /** Whether a process runs: a zombie (killed, not yet reaped by a container's init) does not. */
    private static boolean running(long pid) throws java.io.IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        String s = Files.readString(stat);
        return !s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
    }

    @Test
    void garbageOutputIsAPermanentFaultNamingTheFile() throws Exception {
        Path dir = production("echo 'not a picture' > \"$SLATE_OUTPUT_DIR/frame0001.png\"\n", "");
        var r = BackendBuild.run(dir, 1);
        assertThat(r.of(BuildEvent.Kind.FAILED)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                .contains("tools/render.sh made footage Slate cannot read: frame0001.png is not an image"));
    }

    @Test
    void noOutputIsAPermanentFault() throws Exception {
        Path dir = production("exit 0\n", "");
        var r = BackendBuild.run(dir, 1);
        assertThat(r.of(BuildEvent.Kind.FAILED)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                .contains("exited 0 but wrote no frames"));
    }

    @Test
    void aSecretInTheProgramsEnvironmentNeverReachesTheStore() throws Exception {
        String secret = "sk-live-7f3a9c1e5b2d4a6f";
        Path dir = production("echo \"auth failed for key $API_TOKEN\" >&2\nexit 4\n",
                "env: { API_TOKEN: " + secret + " }\n");
        var r = BackendBuild.run(dir, 1);
        assertThat(r.of(BuildEvent.Kind.FAILED)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                .contains("auth failed for key [redacted]").doesNotContain(secret));
        assertThat(BackendBuild.storeBytes(dir)).doesNotContain(secret);
    }

    @Test
    void theProgramGetsOnlyEnvAndSlateVariablesAndInheritedSecretsAreRedacted() throws Exception {
        String secret = "sk-inherited-9d8c7b6a5f4e3d2c";
        Map<String, String> slateEnv = Map.of("OPENAI_API_KEY", secret, "PATH", "/usr/bin:/bin", "HOME", "/root");
        String script = "echo \"key=$OPENAI_API_KEY home=$HOME slate=$SLATE_SHOT\" >&2\nexit 4\n";
        Path dir = production(script, "");
        var r = BackendBuild.run(dir, 1, new CommandGenerator.Provider(slateEnv));
        assertThat(r.of(BuildEvent.Kind.FAILED)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                .contains("key= home= slate=1/1S1"));
        Path inherited = production(script, "inherit_env: true\n");
        var r2 = BackendBuild.run(inherited, 1, new CommandGenerator.Provider(slateEnv));
        assertThat(r2.of(BuildEvent.Kind.FAILED)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                .contains("key=[redacted] home=/root").doesNotContain(secret));
        assertThat(BackendBuild.storeBytes(inherited)).doesNotContain(secret);
    }

    @Test
    void workFilesHoldOnlyRedactedText(@TempDir Path work) throws Exception {
        String secret = "sk-work-1a2b3c4d5e6f7a8b9c0d";
        String slashes = "x".repeat(70_000); // a line longer than the copy holds back, with the key across its cuts
        Program.run(List.of("/bin/sh", "-c", "x=$(head -c 70000 /dev/zero | tr '\\0' x); printf '%s%s%s' \"$x\" \"$1\" \"$x\" >&2;"
                + " echo \"token $1\"; printf '%s' \"$1\" >&2", "sh", secret), work, Map.of("PATH", "/usr/bin:/bin"),
                new byte[0], work.resolve("stdout.log"), work.resolve("stderr.log"),
                new film.slate.engine.remote.Redactor(List.of(secret)), new film.slate.engine.generator.Cancellation());
        assertThat(Files.readString(work.resolve("stdout.log"))).isEqualTo("token [redacted]\n");
        String err = Files.readString(work.resolve("stderr.log"));
        assertThat(err).doesNotContain(secret.substring(0, 6)).doesNotContain(secret.substring(secret.length() - 6))
                .endsWith("[redacted]").contains(slashes + "[redacted]" + slashes);
    }

    @Test
    void stoppingSlateStopsTheProgramAndWhatItStarted(@TempDir Path work) throws Exception {
        Process slate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ProgramStoppedWithSlate.class.getName(), work.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("jvm.log").toFile()).start();
        Path pidFile = work.resolve("child.pid");
        try (var watch = work.getFileSystem().newWatchService()) {
            work.register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE,
                    java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY);
            while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
                assertThat(slate.isAlive()).as("the process running the program").isTrue();
                watch.poll(1, java.util.concurrent.TimeUnit.SECONDS); // woken by the file; a second at most between looks
            }
        }
        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(running(child)).isTrue();
        slate.destroy(); // SIGTERM
        assertThat(slate.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // The killed child's parent is gone, so init reaps it, and init here may never do so: onExit() would wait on a
        // zombie for ever. Look at its state instead (a zombie has stopped), until it stops or a minute has passed.
        awaitStopped(child);
        assertThat(running(child)).as("the program's child after SIGTERM of Slate; its log: %s",
                Files.readString(work.resolve("jvm.log"))).isFalse();
    }

    @Test
    void aWorkdirOutsideTheProductionIsRefusedUnlessTheProductionSaysSo() throws Exception {
        Path dir = production("exit 0\n", "workdir: ..\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackendBuild.run(dir, 1))
                .hasMessageContaining("outside the production; use a folder inside it or say workdir_outside: true");
    }
}
