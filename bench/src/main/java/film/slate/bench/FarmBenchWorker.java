package film.slate.bench;

import film.slate.core.read.ProductionReader;
import film.slate.engine.build.Backends;
import film.slate.engine.build.BuildEvent;
import film.slate.engine.build.BuildOptions;
import film.slate.engine.build.FarmWorker;
import film.slate.engine.generator.Generators;
import film.slate.store.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker process of {@link FarmBench}: {@code slate worker}'s {@link FarmWorker} with the
 * no-op backend, started when the file GO appears, stopped when the queue is empty (the measured
 * batch, held back during the warm-up, counts as queued). A take belongs to the measured batch
 * (1) when its recipe is listed in the file {@code measured} beside GO, else to the cold one (0).
 * Claim latency is measured per job slot: from a take's end (its slot free) to the next claim
 * committed (a {@code started} event) of the same batch, each claim paired with the earliest slot
 * freed and not yet taken, i.e. fetch from the queue plus the claim transaction, whichever thread
 * runs the take. When the file {@code mark} appears (the warm-up is recorded), the worker reads its
 * CPU time and its threads' and answers with {@code marked.NAME}; CPU before it is the cold batch's,
 * after it the measured one's. Writes {@code B count first_start_us last_end_us cpu_us cpu_to_last_us} for each
 * batch B (the measured batch's CPU to the end of the run, and to the first look after this worker's last take), then {@code L B latency_us} a claim, to OUT; the measured batch's CPU by kind of thread to
 * OUT.threads; with {@code -Dslate.bench.series=true}, {@code uptime_ms takes cpu_us c1_ticks c2_ticks
 * measured} every second or so to OUT.series (how the JIT settles, by compiler; measured: 1 from the mark on).
 * Run: {@code FarmBenchWorker DIR JOBS GO OUT}; the worker is named after OUT's file name ({@code w0}).
 */
public final class FarmBenchWorker {
    private FarmBenchWorker() {
    }

    private static long micros() {
        java.time.Instant t = java.time.Instant.now();
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }

    /** What the worker saw of one batch, from its events. */
    private static final class Batch {
        final ConcurrentLinkedQueue<Long> freed = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong last = new AtomicLong();
        final AtomicLong count = new AtomicLong();

        void on(BuildEvent e) {
            long now = micros();
            if (e.kind() == BuildEvent.Kind.STARTED) {
                first.accumulateAndGet(now, Math::min);
                Long end = freed.poll();
                if (end != null) {
                    latencies.add(now - end);
                }
            } else if (e.kind() == BuildEvent.Kind.RENDERED) {
                freed.add(now);
                last.accumulateAndGet(now, Math::max);
                count.incrementAndGet();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int jobs = Integer.parseInt(args[1]);
        Path go = Path.of(args[2]);
        Path out = Path.of(args[3]);
        String name = out.getFileName().toString().replace(".txt", "");
        var production = ProductionReader.read(dir).production();
        Path list = go.resolveSibling("measured");
        Set<String> measured = Files.exists(list) ? new HashSet<>(Files.readAllLines(list)) : Set.of();
        Batch[] batches = {new Batch(), new Batch()};
        long[] cpu = new long[3]; // at go, at the mark (0: none), at the end
        long lastTake = 0; // CPU at the first look after this worker's last take (the idle tail and the stop come after)
        long split = 0; // CPU when the threads are read at the end (the stop comes after)
        Map<String, Long> threads = Map.of();
        Map<String, Long> byThreadAtMark = Map.of(); // each live thread's ticks at the mark
        Map<String, Long> byThreadSeen = new java.util.HashMap<>(); // and at its latest reading since
        try (Store store = Store.open(dir); Backends backends = new Backends(production,
                Generators.discover().with(new NoOpGenerator.Provider()))) {
            BuildOptions d = BuildOptions.defaults();
            BuildOptions options = new BuildOptions(d.backend(), d.shots(), d.takes(), jobs, d.budget(), d.retryBase(),
                    name);
            FarmWorker worker = new FarmWorker(store, backends, List.of("main"), options, Duration.ofSeconds(5),
                    e -> batches[measured.contains(e.recipe()) ? 1 : 0].on(e));
            System.out.println("ready");
            System.out.flush();
            while (!Files.exists(go)) {
                Thread.sleep(5);
            }
            cpu[0] = FarmCpu.process();
            worker.start();
            Path mark = go.resolveSibling("mark");
            boolean series = Boolean.getBoolean("slate.bench.series");
            long seen = -1;
            int quiet = 0;
            for (int tick = 0; ; tick++) {
                Thread.sleep(200);
                if (cpu[1] == 0 && Files.exists(mark)) { // the warm-up is recorded: the measured batch counts from here
                    // this thread counts from the readings' end, and so does the process (their cost is not the worker's)
                    long before = FarmThreads.cpu(FarmThreads.self());
                    cpu[1] = FarmCpu.process();
                    threads = new java.util.TreeMap<>(FarmThreads.read());
                    byThreadAtMark = FarmThreads.byThread();
                    byThreadSeen.putAll(byThreadAtMark);
                    Map<String, Long> self = FarmThreads.self();
                    threads.putAll(self);
                    cpu[1] += FarmThreads.cpu(self) - before;
                    Files.createFile(go.resolveSibling("marked." + name));
                    tick = 0; // the series' next line is the warm-up's end
                }
                long now = batches[0].count.get() + batches[1].count.get();
                if (cpu[1] > 0 && tick % 5 == 0) {
                    byThreadSeen.putAll(FarmThreads.byThread()); // a thread that ends later is still found below
                }
                if (now != seen) {
                    lastTake = FarmCpu.process();
                }
                if (series && tick % 5 == 0) {
                    Files.writeString(out.resolveSibling(out.getFileName() + ".series"), String.format(java.util.Locale.ROOT,
                            "%d %d %d %d %d %d%n", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(), now,
                            FarmCpu.process() - cpu[0], FarmThreads.compilers("C1"), FarmThreads.compilers("C2"), cpu[1] > 0 ? 1 : 0),
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                }
                // The queue's size only when no take ended for a second: a count asked every 0.2 s was a
                // load of its own on the database (a tenth of its CPU in the run).
                quiet = now == seen ? quiet + 1 : 0;
                if (quiet >= 5 && worker.queued() == 0) {
                    break;
                }
                seen = now;
            }
            if (cpu[1] > 0) { // where the measured batch's CPU went, ms a take by kind of thread, to stderr
                Map<String, Long> self = FarmThreads.self(); // this thread before the reading below
                split = FarmCpu.process();
                Map<String, Long> end = new java.util.TreeMap<>(FarmThreads.read());
                end.putAll(self);
                // What the process spent beyond its live threads: threads that ended (e.g. compiler threads the
                // JVM added and removed); and what it spent after its last take (polling an empty queue)
                long live = FarmThreads.delta(threads, end).entrySet().stream().filter(e -> e.getKey().endsWith("/cpu"))
                        .mapToLong(Map.Entry::getValue).sum();
                end.put("ended/cpu", split - cpu[1] - live);
                end.put("tail/cpu", split - lastTake);
                FarmThreads.ended(end, byThreadAtMark, byThreadSeen, FarmThreads.byThread());
                System.err.println(name + " warm ms/take by thread: " + FarmThreads.perTake(threads, end,
                        batches[1].count.get()));
                FarmThreads.write(out.resolveSibling(out.getFileName() + ".threads"), threads, end); // FarmBench sums them
            }
            worker.stop();
            cpu[2] = FarmCpu.process();
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            long mark = cpu[1] > 0 ? cpu[1] : cpu[2];
            long[] spent = {mark - cpu[0], cpu[2] - mark};
            long[] toLast = {mark - cpu[0], cpu[1] > 0 ? lastTake - mark : 0};
            for (int b = 0; b < 2; b++) {
                w.println(b + " " + batches[b].count.get() + " " + batches[b].first.get() + " " + batches[b].last.get() + " "
                        + spent[b] + " " + toLast[b]);
            }
            for (int b = 0; b < 2; b++) {
                for (long l : batches[b].latencies) {
                    w.println("L " + b + " " + l);
                }
            }
        }
    }
}
