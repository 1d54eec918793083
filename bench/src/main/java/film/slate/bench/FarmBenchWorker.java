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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker process of {@link FarmBench}: {@code slate worker}'s {@link FarmWorker} with the
 * no-op backend, started when the file GO appears, stopped when the queue is empty. Claim latency
 * is measured per job slot: from a take's end (its slot free) to the next claim committed (a
 * {@code started} event), each claim paired with the earliest slot freed and not yet taken, i.e.
 * fetch from the queue plus the claim transaction, whichever thread runs the take (a worker's job
 * threads need not be its slots). Writes {@code count first_start_us last_end_us cpu_us mark_us mark_cpu_us mark_count} (CPU
 * from start to stop; the mark: when the file MARK beside GO appeared, the end of the warm-up) and then
 * one latency (us) a line to OUT.
 * Run: {@code FarmBenchWorker DIR JOBS GO OUT}; the worker is named after OUT's file name ({@code w0}).
 */
public final class FarmBenchWorker {
    private FarmBenchWorker() {
    }

    private static long micros() {
        java.time.Instant t = java.time.Instant.now();
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int jobs = Integer.parseInt(args[1]);
        Path go = Path.of(args[2]);
        Path out = Path.of(args[3]);
        var production = ProductionReader.read(dir).production();
        ConcurrentLinkedQueue<Long> freed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        AtomicLong last = new AtomicLong();
        AtomicLong count = new AtomicLong();
        long[] marked = new long[3]; // when the steady state began: time (us), CPU (us), takes recorded
        long cpu;
        try (Store store = Store.open(dir); Backends backends = new Backends(production,
                Generators.discover().with(new NoOpGenerator.Provider()))) {
            BuildOptions d = BuildOptions.defaults();
            BuildOptions options = new BuildOptions(d.backend(), d.shots(), d.takes(), jobs, d.budget(), d.retryBase(),
                    out.getFileName().toString().replace(".txt", ""));
            FarmWorker worker = new FarmWorker(store, backends, List.of("main"), options, Duration.ofSeconds(5), e -> {
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
            });
            System.out.println("ready");
            System.out.flush();
            while (!Files.exists(go)) {
                Thread.sleep(5);
            }
            long cpu0 = FarmCpu.process();
            worker.start();
            Path mark = go.resolveSibling("mark");
            long seen = -1;
            Map<String, Long> threads = Map.of();
            int quiet = 0;
            while (true) {
                Thread.sleep(200);
                if (marked[0] == 0 && Files.exists(mark)) { // the warm-up is over: the steady state counts from here
                    marked[0] = micros();
                    marked[1] = FarmCpu.process() - cpu0;
                    marked[2] = count.get();
                    threads = FarmThreads.read();
                }
                long now = count.get();
                // The queue's size only when no take ended for a second: a count asked every 0.2 s was a
                // load of its own on the database (a tenth of its CPU in the run).
                quiet = now == seen ? quiet + 1 : 0;
                if (quiet >= 5 && worker.queued() == 0) {
                    break;
                }
                seen = now;
            }
            if (marked[0] > 0) { // where the steady state's CPU went, ms a take by kind of thread, to stderr
                Map<String, Long> end = FarmThreads.read();
                System.err.println(out.getFileName() + " steady ms/take by thread: " + FarmThreads.perTake(threads,
                        end, count.get() - marked[2]));
                FarmThreads.write(out.resolveSibling(out.getFileName() + ".threads"), threads, end); // FarmBench sums them
            }
            worker.stop();
            cpu = FarmCpu.process() - cpu0;
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println(count.get() + " " + first.get() + " " + last.get() + " " + cpu + " " + marked[0] + " " + marked[1]
                    + " " + marked[2]);
            latencies.forEach(w::println);
        }
    }
}
