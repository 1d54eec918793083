package film.slate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one {@link FarmBench} run from its workers' files ({@link FarmBenchWorker}): each
 * batch's takes, first claim and last record over all workers, the workers' CPU time and the
 * claim latencies. Batch 0 is the cold one (the warm-up, or the only batch), batch 1 the measured one.
 */
final class FarmReport {
    private final Batch[] batches = {new Batch(), new Batch()};

    private static final class Batch {
        long count;
        long first = Long.MAX_VALUE;
        long last;
        long cpu;
        long cpuToLast;
        final List<Long> latencies = new ArrayList<>();

        double seconds() {
            return (last - first) / 1e6;
        }
    }

    private FarmReport() {
    }

    /**
     * Reads the workers' files: lines {@code B count first_us last_us cpu_us} for batch B (0, 1), then
     * {@code L B latency_us}; a missing file is a killed worker's.
     */
    static FarmReport read(List<Path> outs) throws IOException {
        FarmReport r = new FarmReport();
        for (Path out : outs) {
            if (!Files.exists(out)) {
                continue;
            }
            for (String line : Files.readAllLines(out)) {
                String[] f = line.split(" ");
                if (f[0].equals("L")) {
                    r.batches[Integer.parseInt(f[1])].latencies.add(Long.parseLong(f[2]));
                    continue;
                }
                Batch b = r.batches[Integer.parseInt(f[0])];
                b.count += Long.parseLong(f[1]);
                if (Long.parseLong(f[1]) > 0) {
                    b.first = Math.min(b.first, Long.parseLong(f[2]));
                    b.last = Math.max(b.last, Long.parseLong(f[3]));
                }
                b.cpu += Long.parseLong(f[4]);
                b.cpuToLast += f.length > 5 ? Long.parseLong(f[5]) : Long.parseLong(f[4]);
            }
        }
        for (Batch b : r.batches) {
            b.latencies.sort(null);
        }
        return r;
    }

    /** The cold batch in one line, as earlier runs printed the whole run: rate, claim latency, CPU a take. */
    void cold(String who, long pgCpu) {
        Batch b = batches[0];
        System.out.printf(Locale.ROOT, "%s: %d takes in %.2f s = %.0f takes/s; claim latency %s; CPU workers %.1f s%s = %s;"
                + " load %s%n", who, b.count, b.seconds(), b.count / b.seconds(), latency(b), b.cpu / 1e6, pgCpu > 0
                ? String.format(Locale.ROOT, " + PostgreSQL %.1f s", pgCpu / 1e6) : "", perTake(b.cpu, b.count, pgCpu),
                FarmCpu.load());
    }

    /** The measured batch of warm workers: rate, claim latency, CPU a take, and the workers' CPU by kind of thread. */
    void warm(long pgCpu, List<Path> outs) throws IOException {
        Batch b = batches[1];
        System.out.printf(Locale.ROOT, "  warm (the measured batch, queued before the release): %d takes in %.2f s = %.0f"
                + " takes/s; claim latency %s%n", b.count, b.seconds(), b.count / b.seconds(), latency(b));
        System.out.printf(Locale.ROOT, "  warm, CPU: workers %.1f s%s = %s; load %s%n", b.cpu / 1e6, pgCpu > 0
                ? String.format(Locale.ROOT, " + PostgreSQL %.1f s", pgCpu / 1e6) : "", perTake(b.cpu, b.count, pgCpu),
                FarmCpu.load());
        // The same without what each worker spent after its own last take (polling the empty queue, its stop)
        System.out.printf(Locale.ROOT, "  warm, CPU to each worker's last take: workers %.1f s = %s%n", b.cpuToLast / 1e6,
                perTake(b.cpuToLast, b.count, pgCpu));
        List<Path> split = outs.stream().map(o -> o.resolveSibling(o.getFileName() + ".threads")).toList();
        Map<String, Long> kinds = FarmThreads.sum(split);
        System.out.printf(Locale.ROOT, "  warm, all workers' CPU a take by thread (ms): %s%n",
                FarmThreads.perTake(Map.of(), kinds, b.count));
        // The bench's own thread (its readings of /proc and of the queue) is in the workers' figures above
        long bench = kinds.getOrDefault("bench/cpu", 0L);
        System.out.printf(Locale.ROOT, "  warm, CPU to each worker's last take without the bench's own thread: workers %.2f"
                + " ms a take (the bench's thread %.3f ms)%n", (b.cpuToLast - bench) / 1e3 / b.count, bench / 1e3 / b.count);
        System.out.printf(Locale.ROOT, "  warm, all workers' context switches a take by thread (live threads): %s%n",
                FarmThreads.switchesPerTake(Map.of(), kinds, b.count));
    }

    private static String latency(Batch b) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (%d claims)", pct(b.latencies, 0.50) / 1000.0,
                pct(b.latencies, 0.99) / 1000.0, b.latencies.size());
    }

    private static String perTake(long cpu, long count, long pgCpu) {
        return String.format(Locale.ROOT, "%.2f ms%s a take, %.0f takes per CPU-second", cpu / 1e3 / count,
                pgCpu > 0 ? String.format(Locale.ROOT, " + %.2f ms", pgCpu / 1e3 / count) : "",
                count / ((cpu + pgCpu) / 1e6));
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }
}
