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
     * CPU time of PostgreSQL, in microseconds: its postmaster's own and that of every server process
     * it has reaped (a connection's process is reaped when the connection closes), from /proc.
     */
    static long postgres(long postmaster) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(postmaster), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = 0;
        for (int i = 11; i <= 14; i++) { // utime, stime, cutime, cstime (fields 14-17 of stat)
            ticks += Long.parseLong(f[i]);
        }
        return ticks * 1_000_000 / TICKS;
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
