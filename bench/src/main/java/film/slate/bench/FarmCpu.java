package film.slate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time for the farm benchmarks: on a machine shared with others, takes per CPU-second moves far
 * less with the load than takes per second, so each figure is printed with both (and the load).
 */
final class FarmCpu {
    /** Linux's clock ticks per second, in which /proc reports CPU time. */
    private static final long TICKS = 100;

    private FarmCpu() {
    }

    /** CPU time (user + system) this process has used, in microseconds. */
    static long process() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1000;
    }

    /**
     * CPU time of PostgreSQL, in microseconds: its postmaster's own, that of every server process
     * it has reaped (a connection's process is reaped when the connection closes) and that of its
     * live server processes (so that a reading in mid-run counts the open connections), from /proc.
     */
    static long postgres(long postmaster) throws IOException {
        long ticks = ticks(Path.of("/proc", String.valueOf(postmaster), "stat"), 14);
        try (var all = Files.list(Path.of("/proc"))) {
            for (Path p : all.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == postmaster) { // ppid (field 4 of stat)
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile: its time is in the postmaster's reaped figure
                }
            }
        }
        return ticks * 1_000_000 / TICKS;
    }

    /** utime + stime (and, up to field {@code last}, cutime + cstime) of a /proc stat file, in ticks. */
    private static long ticks(Path stat, int last) throws IOException {
        String text = Files.readString(stat);
        String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
        long ticks = 0;
        for (int i = 11; i <= last; i++) { // utime, stime, cutime, cstime (fields 14-17 of stat)
            ticks += Long.parseLong(f[i]);
        }
        return ticks;
    }

    /** The load average over 1, 5 and 15 minutes. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
