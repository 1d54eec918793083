package film.slate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a worker process's CPU goes, by kind of thread (from /proc/self/task): the JIT compilers,
 * the garbage collector (and the VM thread), the render jobs (a worker's own job threads), the pick loop, the
 * heartbeats and pool housekeeping, the bench's own loop, and the rest (the JVM's service threads), user and
 * system time apart. What the process spent beyond its live threads' sum was spent by threads that ended. Two readings, at the
 * warm-up mark and at the end, give the steady state's share of each per take.
 */
final class FarmThreads {
    /** Linux's clock ticks per second, in which /proc reports CPU time. */
    private static final long TICKS = 100;

    private FarmThreads() {
    }

    /**
     * CPU so far of each live thread: {@code tid kind/user} and {@code tid kind/sys} in ticks (sampled: with
     * many threads running short bursts their sum fell ~8% short of the process's CPU), {@code tid kind/cpu}
     * in microseconds (the scheduler's exact run time), {@code tid kind/waits} and {@code tid kind/preempted} its
     * context switches (voluntary: it waited, and the next wake-up put it back on a core; and not). By thread, so
     * that a thread that ends between two readings takes only its own time out of {@link #delta}, not its kind's.
     */
    static Map<String, Long> read() {
        Map<String, Long> out = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                read(t, out);
            }
        } catch (IOException e) {
            return out; // no /proc: nothing to say
        }
        return out;
    }

    private static void read(Path t, Map<String, Long> out) {
        try {
            String stat = Files.readString(t.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            String key = t.getFileName() + " " + kind(name);
            out.put(key + "/user", Long.parseLong(f[11]));
            out.put(key + "/sys", Long.parseLong(f[12]));
            out.put(key + "/cpu", runtime(t));
            for (String line : Files.readAllLines(t.resolve("status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    out.put(key + "/waits", Long.parseLong(line.substring(line.indexOf(':') + 1).trim()));
                } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                    out.put(key + "/preempted", Long.parseLong(line.substring(line.indexOf(':') + 1).trim()));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the thread ended meanwhile
        }
    }

    /** A thread's run time so far in microseconds, from the scheduler's statistics (exact, unlike stat's ticks). */
    private static long runtime(Path task) throws IOException {
        String schedstat = Files.readString(task.resolve("schedstat"));
        return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))) / 1_000;
    }

    /** Each thread's kind by its id, read once (the bench reads its threads every second: it must stay cheap). */
    private static final Map<String, String> KINDS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Run time (microseconds) so far of the live compiler threads, keyed {@code tid kind}: read every second, they
     * tell what the threads that ended before the end spent (up to their last reading) and of what kind (the JVM
     * adds and removes compiler threads as it goes; other threads live as long as the worker). A directory listing
     * and one small file a compiler thread (a new thread's name read once): this runs inside the measured worker.
     */
    static Map<String, Long> byThread() {
        Map<String, Long> out = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String tid = t.getFileName().toString();
                    String kind = KINDS.get(tid);
                    if (kind == null) {
                        kind = kind(Files.readString(t.resolve("comm")).trim());
                        KINDS.put(tid, kind);
                    }
                    if (kind.equals("jit")) {
                        out.put(tid + " " + kind, runtime(t));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /**
     * The calling thread's entries as {@link #read} gives them: the bench reads its own thread again after a
     * reading, so that what the reading itself cost is not counted as the worker's.
     */
    static Map<String, Long> self() {
        Map<String, Long> out = new TreeMap<>();
        try {
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            read(Path.of("/proc/self/task", tid), out);
        } catch (IOException | UnsupportedOperationException e) {
            return out; // no /proc: the reading's own cost stays in
        }
        return out;
    }

    /** The run time (microseconds) in one thread's entries ({@link #self}), 0 if none. */
    static long cpu(Map<String, Long> thread) {
        return thread.entrySet().stream().filter(e -> e.getKey().endsWith("/cpu")).mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Adds to {@code split} what the threads seen in {@code seen} (latest readings) but gone from {@code end}
     * spent after {@code mark}, as {@code ended-KIND/cpu}; {@code ended/cpu} becomes what no reading saw.
     */
    static void ended(Map<String, Long> split, Map<String, Long> mark, Map<String, Long> seen, Map<String, Long> end) {
        for (var e : seen.entrySet()) {
            if (!end.containsKey(e.getKey())) {
                long micros = e.getValue() - mark.getOrDefault(e.getKey(), 0L);
                String kind = "ended-" + e.getKey().substring(e.getKey().indexOf(' ') + 1) + "/cpu";
                split.merge(kind, micros, Long::sum);
                split.merge("ended/cpu", -micros, Long::sum);
            }
        }
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

    /**
     * A thread's kind by its name as /proc gives it: cut to 15 characters ("slate-queue-heartbeat" is
     * "slate-queue-hea", which earlier readings counted as the pick loop's).
     */
    static String kind(String thread) {
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
        for (String beat : java.util.List.of("slate-queue-heartbeat", "slate-worker-heartbeat", "slate-slot-renewer",
                "slate-store", "slate-render-watchdog", "slate-gc-lease")) {
            if (thread.startsWith(beat.substring(0, Math.min(15, beat.length())))) {
                return "beats"; // heartbeats, slot leases, the connection pool's housekeeping, the watchdog
            }
        }
        if (thread.startsWith("slate-pick-")) {
            return "pick"; // the worker's pick loop (FarmLoop; named apart from the heartbeats within 15 characters)
        }
        if (thread.equals("main") || thread.equals("java")) {
            return "bench"; // FarmBenchWorker's own loop (the launcher's thread, "java" in /proc): its readings
        }
        return "other"; // the JVM's service threads (sweeper, cleaner, signal dispatcher...)
    }

    /**
     * Each kind's CPU between two readings of {@link #read}, over the threads alive at the second (what a
     * thread that ended meanwhile spent is not in it); keys without a thread id are taken as they are.
     */
    static Map<String, Long> delta(Map<String, Long> from, Map<String, Long> to) {
        Map<String, Long> out = new TreeMap<>();
        for (var e : to.entrySet()) {
            out.merge(e.getKey().substring(e.getKey().indexOf(' ') + 1), e.getValue() - from.getOrDefault(e.getKey(), 0L),
                    Long::sum);
        }
        return out;
    }

    /** Each kind's ticks between two readings, {@code kind ticks} a line, for the bench to add up over its workers. */
    static void write(Path file, Map<String, Long> from, Map<String, Long> to) throws IOException {
        StringBuilder out = new StringBuilder();
        for (var e : delta(from, to).entrySet()) {
            out.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
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

    /** One line: each kind's ms per take between two readings ({@code /cpu}: exact; {@code /user}, {@code /sys}: ticks). */
    static String perTake(Map<String, Long> from, Map<String, Long> to, long takes) {
        StringBuilder out = new StringBuilder();
        for (var e : delta(from, to).entrySet()) {
            if (e.getKey().endsWith("/waits") || e.getKey().endsWith("/preempted")) {
                continue;
            }
            double ms = e.getKey().endsWith("/cpu") ? e.getValue() / 1000.0 : e.getValue() * 1000.0 / TICKS;
            out.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), ms / Math.max(1, takes)));
        }
        return out.toString().trim();
    }

    /**
     * One line: each kind's context switches a take between two readings, voluntary (waits: each one a wake-up
     * later) and preempted, and their sums: the scheduling a take costs.
     */
    static String switchesPerTake(Map<String, Long> from, Map<String, Long> to, long takes) {
        StringBuilder out = new StringBuilder();
        long waits = 0;
        long preempted = 0;
        double n = Math.max(1, takes);
        for (var e : delta(from, to).entrySet()) {
            if (e.getKey().endsWith("/waits")) {
                waits += e.getValue();
            } else if (e.getKey().endsWith("/preempted")) {
                preempted += e.getValue();
            } else {
                continue;
            }
            out.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), e.getValue() / n));
        }
        return String.format(Locale.ROOT, "waits %.2f, preempted %.2f;%s", waits / n, preempted / n, out);
    }
}
