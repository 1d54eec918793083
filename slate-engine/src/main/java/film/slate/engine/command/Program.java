package film.slate.engine.command;

import film.slate.engine.generator.Cancellation;
import film.slate.engine.remote.Redactor;
import film.slate.engine.remote.RedactingCopy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One run of a backend's program: in a process group of its own (through {@code setsid}) so that
 * stopping it stops everything it started, with its output copied into the work folder with
 * secrets removed, and stopped too when Slate itself is stopped (SIGTERM runs the shutdown hook).
 */
final class Program {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /** How long output may keep coming after the program exits (from what it left running). */
    private static final long LEFTOVERS_MS = 2000;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    /**
     * Held from just before a program starts until it is in {@link #LIVE}, and by the shutdown hook:
     * a SIGTERM that lands while a program is starting (it may already be running, and have started
     * others, before {@code start()} returns) still finds it.
     */
    private static final Object STARTING = new Object();
    private static boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Program::stopAll, "slate-stop-programs"));
    }

    private Program() {
    }

    /**
     * Runs {@code command} in {@code workdir} with exactly {@code env}, feeding it {@code stdin};
     * its output goes, redacted, to {@code stdout} and {@code stderr}. Answers its exit code.
     *
     * @throws InterruptedException when cancelled or interrupted; the program is stopped first
     */
    static int run(List<String> command, Path workdir, Map<String, String> env, byte[] stdin, Path stdout, Path stderr,
            Redactor redactor, Cancellation cancellation) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            line.add(SETSID.toString()); // a child that leads no group execs in place: the pid is the group's
        }
        line.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(line).directory(workdir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = start(pb);
        try {
            Thread out = pump(p.getInputStream(), Files.newOutputStream(stdout), redactor);
            Thread err = pump(p.getErrorStream(), Files.newOutputStream(stderr), redactor);
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the program does not read its input: its business
            }
            while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                if (cancellation.isCancelled()) {
                    throw new InterruptedException("cancelled: " + cancellation.reason());
                }
            }
            out.join(LEFTOVERS_MS);
            err.join(LEFTOVERS_MS);
            if (out.isAlive() || err.isAlive()) {
                kill(p); // what it left running still holds its output open
                out.join();
                err.join();
            }
            return p.exitValue();
        } finally {
            if (p.isAlive()) {
                kill(p);
            }
            LIVE.remove(p);
        }
    }

    private static Process start(ProcessBuilder pb) throws IOException, InterruptedException {
        synchronized (STARTING) {
            if (stopping) {
                throw new InterruptedException("Slate is stopping; the program was not started");
            }
            Process p = pb.start();
            LIVE.add(p);
            return p;
        }
    }

    private static void stopAll() {
        synchronized (STARTING) {
            stopping = true;
        }
        LIVE.forEach(Program::kill);
    }

    private static Thread pump(InputStream from, OutputStream to, Redactor redactor) {
        Thread t = new Thread(() -> {
            try {
                RedactingCopy.copy(from, to, redactor);
            } catch (IOException e) {
                // the program's pipe closed under us: it was stopped
            }
        }, "slate-program-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Stops the program's process group and every descendant still known, children first. */
    static void kill(Process p) {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        try {
            new ProcessBuilder("kill", "-KILL", "--", "-" + p.pid()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): the descendants below are what can still be stopped
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        p.toHandle().destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
