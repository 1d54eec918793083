package film.slate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a worker process's CPU goes, by kind of thread (from /proc/self/task): the JIT compilers,
 * the garbage collector, the render jobs (db-scheduler's executor threads, or a worker's own job threads) and the rest (queue
 * polling, heartbeats, the JDBC pool, JFR), user and system time apart. Two readings, at the
 * warm-up mark and at the end, give the steady state's share of each per take.
 */
final class FarmThreads {
    /** Linux's clock ticks per second, in which /proc reports CPU time. */
    private static final long TICKS = 100;

    private FarmThreads() {
    }

    /** CPU ticks so far by kind of thread, {@code kind/user} and {@code kind/sys}; a thread that ended is lost. */
    static Map<String, Long> read() {
        Map<String, Long> out = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(kind(name) + "/user", Long.parseLong(f[11]), Long::sum);
                    out.merge(kind(name) + "/sys", Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return out; // no /proc: nothing to say
        }
        return out;
    }

    /** CPU ticks so far of this process's compiler threads of one kind ({@code C1} or {@code C2}). */
    static long compilers(String kind) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    if (stat.substring(stat.indexOf('(') + 1).startsWith(kind + " Comp")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    private static String kind(String thread) {
        if (thread.startsWith("C1 Comp") || thread.startsWith("C2 Comp")) {
            return "jit";
        }
        if (thread.startsWith("G1") || thread.startsWith("GC ") || thread.startsWith("VM Thread")) {
            return "gc+vm";
        }
        if (thread.startsWith("db-scheduler-") || thread.startsWith("pool-") || thread.startsWith("slate-job-")
                || thread.startsWith("slate-receipt")) {
            return "jobs";
        }
        return "other";
    }

    /** Each kind's ticks between two readings, {@code kind ticks} a line, for the bench to add up over its workers. */
    static void write(Path file, Map<String, Long> from, Map<String, Long> to) throws IOException {
        StringBuilder out = new StringBuilder();
        for (var e : to.entrySet()) {
            out.append(e.getKey()).append(' ').append(e.getValue() - from.getOrDefault(e.getKey(), 0L)).append('\n');
        }
        Files.writeString(file, out);
    }

    /** The ticks of {@link #write}'s files, added up by kind. */
    static Map<String, Long> sum(java.util.List<Path> files) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        for (Path f : files) {
            if (Files.exists(f)) {
                for (String line : Files.readAllLines(f)) {
                    String[] kv = line.split(" ");
                    out.merge(kv[0], Long.parseLong(kv[1]), Long::sum);
                }
            }
        }
        return out;
    }

    /** One line: each kind's ms per take between two readings. */
    static String perTake(Map<String, Long> from, Map<String, Long> to, long takes) {
        StringBuilder out = new StringBuilder();
        for (var e : to.entrySet()) {
            long ticks = e.getValue() - from.getOrDefault(e.getKey(), 0L);
            out.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), ticks * 1000.0 / TICKS / Math.max(1, takes)));
        }
        return out.toString().trim();
    }
}
