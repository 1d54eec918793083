package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code slate} launcher, run as a process from a copy of the checkout, with a PATH of chosen
 * tools: a {@code java} and {@code mvn} that only note how they were called, and an
 * {@code ldconfig} and {@code apt-get} that say what the test wants. No timing: a second launch
 * waiting for the build lock is seen by the line it prints.
 */
class LauncherTest {
    private static final List<String> TOOLS = List.of("bash", "readlink", "dirname", "find", "mktemp", "tail", "rm",
            "touch", "id", "flock", "mkdir", "mv", "cat", "sh", "rmdir");

    @TempDir
    Path tmp;
    private Path checkout;
    private Path jar;
    private Path source;
    private Path bin;
    private Path calls;
    private Path rehearsals;

    @BeforeEach
    void checkout() throws IOException, InterruptedException {
        checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(Path.of("").toAbsolutePath().getParent().resolve("slate"), checkout.resolve("slate"));
        jar = checkout.resolve("slate-cli/target/slate-cli.jar");
        Files.createDirectories(jar.getParent().resolve("lib"));
        Files.writeString(jar, "not really a jar: java is a fake here");
        source = checkout.resolve("slate-cli/src/main/java/film/slate/cli/Main.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Main {}");
        age(source, 1_000);
        age(jar.getParent().resolve("lib"), 1_000);
        age(jar, 500); // built after the sources
        bin = Files.createDirectories(tmp.resolve("bin"));
        calls = tmp.resolve("calls.log");
        for (String tool : TOOLS) {
            Path real = which(tool);
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        rehearsals = tmp.resolve("rehearsals.log");
        // The launcher's rehearsal (the JVM that leaves the class archive at its exit) is logged apart
        // from the commands it runs, and leaves an archive as a real JVM would.
        fake("java", "case \"$*\" in\n"
                + "  *film.slate.cli.Rehearsal*) echo \"java $*\" >> " + rehearsals + "\n"
                + "    for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) echo archive > \"${a#*=}\";; esac; done ;;\n"
                + "  *) echo \"java $*\" >> " + calls + " ;;\n"
                + "esac");
        fake("ldconfig", "echo ldconfig >> " + calls + "\n[ -z \"${LIBS:-}\" ] || cat \"$LIBS\"");
        fake("apt-get", "echo \"apt-get $*\" >> " + calls);
    }

    @AfterEach
    void unlink() throws IOException {
        for (String tool : TOOLS) {
            Files.deleteIfExists(bin.resolve(tool)); // the links, before JUnit's clean-up warns about each
        }
    }

    @Test
    void aLinkedLauncherRunsTheJarOfItsRealCheckout() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home/bin"));
        Path link = Files.createSymbolicLink(home.resolve("slate"), checkout.resolve("slate"));
        Result r = run(tmp, Map.of(), link.toString(), "status", "film");
        Files.delete(link);
        assertThat(r.code).as(r.err).isZero();
        assertThat(calls()).singleElement().asString().startsWith("java ").contains("-jar " + jar + " status film");
    }

    @Test
    void aStaleJarWithoutMavenRunsWithAWarning() throws Exception {
        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis()));
        Result r = run(tmp, Map.of(), checkout.resolve("slate").toString(), "check", "film");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.err).contains("warning").contains("Maven (mvn) is not on the PATH").contains("running the jar as it is");
        assertThat(calls()).singleElement().asString().contains("-jar " + jar + " check film");
    }

    @Test
    void noJarAndNoMavenIsExit2WithASentence() throws Exception {
        Files.delete(jar);
        Result r = run(tmp, Map.of(), checkout.resolve("slate").toString(), "check");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).isEqualTo("slate: Maven (mvn) is not on the PATH; install Maven 3.8+ and run again");
        assertThat(calls()).isEmpty();
    }

    @Test
    void aSecondLaunchWaitsForTheFirstBuildAndThenFindsTheJarFresh() throws Exception {
        fake("mvn", "echo mvn >> " + calls);
        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis() - 100_000));
        age(jar, 200_000); // stale
        Path lock = jar.getParent().resolve(".build.lock");
        // The first launch's build, holding the lock until the test lets it go.
        Process first = new ProcessBuilder("flock", lock.toString(), "sh", "-c", "echo held; read line; touch " + jar)
                .redirectErrorStream(true).start();
        BufferedReader firstOut = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
        assertThat(firstOut.readLine()).isEqualTo("held");

        Process second = launcher(tmp, Map.of(), checkout.resolve("slate").toString(), "status", "film").start();
        BufferedReader secondErr = new BufferedReader(new InputStreamReader(second.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = secondErr.readLine();
        } while (line != null && !line.contains("waiting for it"));
        assertThat(line).as("the second launch says it waits").isNotNull();
        assertThat(calls()).as("nothing ran while the first build held the lock").isEmpty();

        try (Writer w = new java.io.OutputStreamWriter(first.getOutputStream(), StandardCharsets.UTF_8)) {
            w.write("done\n");
        }
        assertThat(first.waitFor()).isZero();
        assertThat(second.waitFor()).isZero();
        assertThat(calls()).as("Maven never ran: the jar was fresh once the lock was free").singleElement().asString()
                .startsWith("java ");
    }

    @Test
    void aStaleJarIsBuiltByMavenUnderTheLock() throws Exception {
        fake("mvn", "echo mvn >> " + calls + "\ntouch " + jar);
        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis()));
        Result r = run(tmp, Map.of(), checkout.resolve("slate").toString(), "status", "film");
        assertThat(r.code).as(r.err).isZero();
        assertThat(calls()).hasSize(2).first().isEqualTo("mvn");
    }

    @Test
    void aDeletedCurrentFolderIsOneSentence() throws Exception {
        Path gone = Files.createDirectories(tmp.resolve("gone"));
        Result r = run(tmp, Map.of(), "bash", "-c", "cd " + gone + " && rmdir " + gone + " && exec "
                + checkout.resolve("slate") + " status");
        assertThat(r.code).isEqualTo(2);
        // bash itself notes the missing folder as it starts ("shell-init: ..."); then Slate's one sentence.
        assertThat(r.err.strip().lines().filter(l -> !l.startsWith("shell-init:")).toList()).containsExactly(
                "slate: the current folder no longer exists (deleted or moved); cd to an existing folder and run again");
        assertThat(calls()).isEmpty();
    }

    @Test
    void commandsThatOnlyReadNeverLookForLibpulseNorInstallIt() throws Exception {
        for (List<String> command : List.of(List.of("status"), List.of("check"), List.of("log"),
                List.of("build", "--dry-run"), List.of("why", "1/1A"))) {
            List<String> args = new ArrayList<>(List.of(checkout.resolve("slate").toString()));
            args.addAll(command);
            Result r = run(tmp, Map.of(), args.toArray(String[]::new));
            assertThat(r.code).as(r.err).isZero();
        }
        assertThat(calls()).allMatch(c -> c.startsWith("java ")).hasSize(5);
    }

    @Test
    void videoCommandsFindLibpulseInALongListEveryTime() throws Exception {
        // A list as long as a real system's, with libpulse first: a reader that stops early must not matter.
        StringBuilder libs = new StringBuilder("\tlibpulse.so.0 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libpulse.so.0\n");
        for (int i = 0; i < 20_000; i++) {
            libs.append("\tlibexample").append(i).append(".so.1 (libc6,x86-64) => /usr/lib/libexample").append(i).append(".so.1\n");
        }
        Path list = Files.writeString(tmp.resolve("libs.txt"), libs);
        for (int i = 0; i < 10; i++) {
            Result r = run(tmp, Map.of("LIBS", list.toString()), checkout.resolve("slate").toString(), "board", "film");
            assertThat(r.code).as(r.err).isZero();
            assertThat(r.err).isEmpty();
        }
        assertThat(calls()).noneMatch(c -> c.startsWith("apt-get")).filteredOn(c -> c.equals("ldconfig")).hasSize(10);
    }

    @Test
    void aVideoCommandWithoutLibpulseSaysSoOrInstallsIt() throws Exception {
        Result r = run(tmp, Map.of(), checkout.resolve("slate").toString(), "demo");
        assertThat(r.code).as(r.err).isZero();
        // As root (these tests' user here) it installs; as anyone else it says how to.
        assertThat(calls().stream().anyMatch(c -> c.startsWith("apt-get install"))
                || r.err.contains("install it (Debian/Ubuntu: sudo apt-get install libpulse0)")).isTrue();
    }

    @Test
    void theClassArchiveIsMadeOnceAndThenUsedUntilTheJarChanges() throws Exception {
        Path archive = jar.getParent().resolve("slate-cli.jsa");
        run(tmp, Map.of(), checkout.resolve("slate").toString(), "status");
        assertThat(Files.readAllLines(rehearsals)).singleElement().asString()
                .contains("-XX:ArchiveClassesAtExit=" + archive + ".");
        assertThat(archive).exists();
        assertThat(calls().get(0)).contains("-XX:SharedArchiveFile=" + archive).doesNotContain("ArchiveClassesAtExit");
        run(tmp, Map.of(), checkout.resolve("slate").toString(), "check");
        assertThat(Files.readAllLines(rehearsals)).as("no second rehearsal while the jar is unchanged").hasSize(1);
        assertThat(calls().get(1)).contains("-XX:SharedArchiveFile=" + archive);
        age(archive, 600); // the jar (built 500 s ago) is now newer than its archive
        run(tmp, Map.of(), checkout.resolve("slate").toString(), "status");
        assertThat(Files.readAllLines(rehearsals)).hasSize(2);
        assertThat(calls().get(2)).contains("-XX:SharedArchiveFile=" + archive);
    }

    @Test
    void anArchiveFromARehearsalThatDidNotExitCleanlyIsNeverUsed() throws Exception {
        // A rehearsal stopped while the JVM writes the archive leaves part of one; JDK 17 crashes (SIGBUS) at
        // every start that maps such a file
        fake("java", "case \"$*\" in\n"
                + "  *film.slate.cli.Rehearsal*) echo \"java $*\" >> " + rehearsals + "\n"
                + "    for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) echo part > \"${a#*=}\";; esac; done\n"
                + "    exit 130 ;;\n"
                + "  *) echo \"java $*\" >> " + calls + " ;;\n"
                + "esac");
        Path archive = jar.getParent().resolve("slate-cli.jsa");
        Result r = run(tmp, Map.of(), checkout.resolve("slate").toString(), "status");
        assertThat(r.code).as(r.err).isZero();
        assertThat(Files.readAllLines(rehearsals)).hasSize(1);
        assertThat(archive).doesNotExist();
        try (var left = Files.list(jar.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".jsa"));
        }
        assertThat(calls()).singleElement().asString().doesNotContain("SharedArchiveFile");
        // Nor is a rehearsal that fails run again at every quick command: only once the jar has changed
        run(tmp, Map.of(), checkout.resolve("slate").toString(), "check");
        assertThat(Files.readAllLines(rehearsals)).as("no second rehearsal while the jar is unchanged").hasSize(1);
        age(jar.getParent().resolve("slate-cli.rehearsal-failed"), 600); // the jar (built 500 s ago) is newer
        run(tmp, Map.of(), checkout.resolve("slate").toString(), "status");
        assertThat(Files.readAllLines(rehearsals)).hasSize(2);
        assertThat(calls()).hasSize(3).noneMatch(c -> c.contains("SharedArchiveFile"));
    }

    @Test
    void aCommandThatIsNotQuickNeverRehearses() throws Exception {
        fake("ldconfig", "echo ldconfig >> " + calls + "\necho libpulse.so.0");
        run(tmp, Map.of(), checkout.resolve("slate").toString(), "build", "film");
        assertThat(rehearsals).doesNotExist();
    }

    @Test
    void aWorkerRunsWithItsCompilerDirectivesAndARealJvmStartsWithThem() throws Exception {
        Path options = workerOptions();
        Result r = run(tmp, Map.of(), checkout.resolve("slate").toString(), "worker", "film", "--jobs", "4");
        assertThat(r.code).as(r.err).isZero();
        String call = calls().get(0);
        assertThat(call).contains("-XX:CompilerDirectivesFile=" + options.resolveSibling("worker-jit.json"))
                .contains("-jar " + jar + " worker film --jobs 4");
        // The JVM refuses to start with an option it does not know or a directives file it cannot parse
        List<String> jvm = realJava(call);
        Process p = new ProcessBuilder(jvm).redirectOutput(tmp.resolve("jvm.out").toFile())
                .redirectError(tmp.resolve("jvm.err").toFile()).start();
        assertThat(p.waitFor()).as(Files.readString(tmp.resolve("jvm.err"))).isZero();
        assertThat(Files.readString(tmp.resolve("jvm.err"))).contains("2 compiler directives added");
        assertThat(Files.readString(tmp.resolve("jvm.out"))).as("nothing of the JVM's own in stdout (--json's events)").isEmpty();
    }

    @Test
    void aWorkerWithoutItsDirectivesFileStillStartsAndOtherCommandsRunWithoutThem() throws Exception {
        Path options = workerOptions();
        run(tmp, Map.of(), checkout.resolve("slate").toString(), "workers", "film");
        assertThat(calls().get(0)).contains("-jar " + jar + " workers film").doesNotContain("CompilerDirectivesFile")
                .doesNotContain("Tier4");
        Files.delete(options.resolveSibling("worker-jit.json"));
        Result r = run(tmp, Map.of(), checkout.resolve("slate").toString(), "worker", "film");
        assertThat(r.code).as(r.err).isZero();
        String call = calls().get(calls().size() - 1);
        assertThat(call).doesNotContain("CompilerDirectivesFile").contains("-jar " + jar + " worker film");
        Process p = new ProcessBuilder(realJava(call)).redirectErrorStream(true).start();
        assertThat(p.waitFor()).isZero();
    }

    /** slate worker's options file and directives, copied from the real checkout, older than the jar. */
    private Path workerOptions() throws IOException {
        Path folder = Files.createDirectories(checkout.resolve("slate-cli/src/main/resources/film/slate/cli"));
        Path real = Path.of("").toAbsolutePath().resolve("src/main/resources/film/slate/cli");
        for (String name : List.of("worker-jvm.options", "worker-jit.json")) {
            Files.copy(real.resolve(name), folder.resolve(name));
            age(folder.resolve(name), 1_000);
        }
        return folder.resolve("worker-jvm.options");
    }

    /** The JVM options of a logged call (everything before -jar), on this JVM, asked for its version. */
    private static List<String> realJava(String call) {
        List<String> out = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : call.substring("java ".length(), call.indexOf(" -jar ")).split(" ")) {
            if (!a.isBlank()) {
                out.add(a);
            }
        }
        out.add("-version");
        return out;
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(Path cwd, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = launcher(cwd, env, command);
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new Result(code, Files.readString(out), Files.readString(err));
    }

    private ProcessBuilder launcher(Path cwd, Map<String, String> env, String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("HOME", tmp.toString());
        pb.environment().putAll(env);
        return pb;
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private void fake(String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.deleteIfExists(f);
        Files.writeString(f, "#!" + which("bash") + "\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void age(Path file, long seconds) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - seconds * 1000));
    }

    private static Path which(String tool) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("this machine has no " + tool);
    }
}
