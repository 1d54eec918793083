package film.slate.bench;

import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.build.Backends;
import film.slate.engine.build.BuildOptions;
import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.Builder;
import film.slate.engine.build.ShotSelector;
import film.slate.engine.generator.Generators;
import film.slate.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Farm throughput (issue 17): 2,000 takes (200 scenes x 10 shots) with the no-op backend queued by
 * {@link Builder#enqueue}, then rendered by W worker processes ({@link FarmBenchWorker}, released
 * together) through one store; prints takes per second (first claim to last record, over all
 * workers), claim latency p50/p99, and checks every take was recorded once. With {@code kill}, one
 * of two workers is killed (SIGKILL) after a quarter of the takes, and the time until its abandoned
 * takes are recorded by the other is printed (the dead-worker recovery cost).
 * Beside each figure: the CPU time of the worker processes (start to stop) and, given the server's
 * postmaster pid in {@code -Dslate.bench.postmaster}, of PostgreSQL, and takes per CPU-second of both.
 * Run: {@code FarmBench STORE WORKERS JOBS [kill]}: STORE is {@code sqlite} or a PostgreSQL server's
 * {@code postgresql://HOST:PORT} (user {@code SLATE_BENCH_USER}, password in {@code SLATE_DB_PASSWORD}).
 */
public final class FarmBench {
    private FarmBench() {
    }

    public static void main(String[] args) throws Exception {
        String place = args[0];
        int workers = Integer.parseInt(args[1]);
        int jobs = Integer.parseInt(args[2]);
        boolean kill = args.length > 3 && args[3].equals("kill");
        Path root = Files.createTempDirectory("slate-farm-bench-");
        String store = "";
        if (!place.equals("sqlite")) {
            String db = "farm_" + workers + "_" + ProcessHandle.current().pid();
            try (Connection c = DriverManager.getConnection("jdbc:" + place + "/postgres", System.getenv("SLATE_BENCH_USER"),
                    System.getenv("SLATE_DB_PASSWORD")); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + db);
            }
            store = "store:\n  database: " + place + "/" + db + "\n  user: " + System.getenv("SLATE_BENCH_USER")
                    + "\n  objects: " + root.resolve("objects") + "\n";
        }
        // 200 scenes (2,400 takes) unless -Dslate.bench.scenes says more: a longer run for the steady state
        Path dir = SyntheticProduction.write(root.resolve("p"), Integer.getInteger("slate.bench.scenes", 200), 10,
                NoOpGenerator.TYPE, "");
        Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml")) + store);
        var production = ProductionReader.read(dir).production();
        int queued;
        try (Store s = Store.open(dir); Backends backends = new Backends(production,
                Generators.discover().with(new NoOpGenerator.Provider()))) {
            BuildPlan plan = BuildPlan.of(new RecipeCompiler(production), backends.target("main"), ShotSelector.all(),
                    Optional.empty(), s);
            queued = new Builder(s, backends, BuildOptions.defaults()).enqueue(plan, e -> { }).recipes().size();
        }
        Path go = root.resolve("go");
        List<Process> ps = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Path out = root.resolve("w" + i + ".txt");
            outs.add(out);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            // e.g. -XX:StartFlightRecording=settings=profile,filename=w%d.jfr (%d: the worker's number), to profile
            for (String a : System.getProperty("slate.bench.workerJvm", "").split(" ")) {
                if (!a.isBlank()) {
                    command.add(a.replace("%d", String.valueOf(i)));
                }
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), FarmBenchWorker.class.getName(),
                    dir.toString(), String.valueOf(jobs), go.toString(), out.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p = pb.start();
            ps.add(p);
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = r.readLine();
            while (line != null && !line.equals("ready")) {
                line = r.readLine(); // what the JVM says first (JFR's "Started recording")
            }
            if (line == null) {
                throw new IllegalStateException("worker " + i + " did not start");
            }
        }
        long killedAt = 0;
        List<String> held = List.of();
        long pg = Long.getLong("slate.bench.postmaster", 0);
        long pgCpu0 = pg > 0 ? FarmCpu.postgres(pg) : 0;
        Files.createFile(go);
        long[] mark = {0, 0};
        if (!kill) {
            try (Store s = Store.open(dir)) {
                while (s.takes().count() < queued / 4) {
                    Thread.sleep(250); // the first quarter of the takes is the warm-up (JIT, first connections)
                }
            }
            mark[0] = pg > 0 ? FarmCpu.postgres(pg) : 0;
            Files.createFile(root.resolve("mark"));
        }
        if (kill) {
            try (Store s = Store.open(dir)) {
                while (s.takes().ofAll().size() < queued / 4) {
                    Thread.sleep(100);
                }
                ps.get(0).destroyForcibly();
                killedAt = System.currentTimeMillis();
                held = s.database().read(c -> {
                    List<String> out = new ArrayList<>();
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT task_instance FROM"
                            + " scheduled_tasks WHERE picked = TRUE AND picked_by = 'w0'")) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                });
            }
        }
        for (Process p : ps) {
            p.waitFor();
        }
        Thread.sleep(300); // the server processes of the closed connections end and are reaped
        long pgCpu = pg > 0 ? FarmCpu.postgres(pg) - pgCpu0 : 0;
        report(place, workers, jobs, queued, outs, kill, pgCpu, pg > 0 && !kill ? pgCpu0 + pgCpu - mark[0] : 0);
        try (Store s = Store.open(dir)) {
            long takes = s.takes().ofAll().size();
            long versions = s.takes().ofAll().stream().filter(t -> t.version() > 1).count();
            System.out.printf(Locale.ROOT, "  check: %d takes recorded of %d queued, %d second versions%n", takes, queued,
                    versions);
            if (kill) {
                recovery(s, killedAt, held);
            }
        }
    }

    private static void report(String place, int workers, int jobs, int queued, List<Path> outs, boolean kill,
            long pgCpu, long pgSteady) throws Exception {
        long first = Long.MAX_VALUE;
        long last = 0;
        long count = 0;
        long cpu = 0;
        long markAt = Long.MAX_VALUE;
        long steadyCount = 0;
        long steadyCpu = 0;
        List<Long> latencies = new ArrayList<>();
        for (Path out : outs) {
            if (!Files.exists(out)) {
                continue; // the killed worker
            }
            List<String> lines = Files.readAllLines(out);
            String[] head = lines.get(0).split(" ");
            count += Long.parseLong(head[0]);
            first = Math.min(first, Long.parseLong(head[1]));
            last = Math.max(last, Long.parseLong(head[2]));
            cpu += Long.parseLong(head[3]);
            if (head.length > 4 && Long.parseLong(head[4]) > 0) {
                markAt = Math.min(markAt, Long.parseLong(head[4]));
                steadyCpu += Long.parseLong(head[3]) - Long.parseLong(head[5]);
                steadyCount += Long.parseLong(head[0]) - Long.parseLong(head[6]);
            }
            lines.subList(1, lines.size()).forEach(l -> latencies.add(Long.parseLong(l)));
        }
        latencies.sort(null);
        double seconds = (last - first) / 1e6;
        System.out.printf(Locale.ROOT, "%s, %d worker process(es) x %d jobs%s: %d takes in %.2f s = %.0f takes/s;"
                + " claim latency p50 %.1f ms, p99 %.1f ms (%d claims)%n", place.startsWith("postgresql") ? "postgresql"
                : place, workers, jobs, kill ? " (one killed)" : "", count, seconds, count / seconds,
                pct(latencies, 0.50) / 1000.0, pct(latencies, 0.99) / 1000.0, latencies.size());
        System.out.printf(Locale.ROOT, "  CPU: workers %.1f s%s = %.0f takes per CPU-second; load %s%n", cpu / 1e6,
                pgCpu > 0 ? String.format(Locale.ROOT, " + PostgreSQL %.1f s", pgCpu / 1e6) : "",
                count / ((cpu + pgCpu) / 1e6), FarmCpu.load());
        if (steadyCount > 0) {
            System.out.printf(Locale.ROOT, "  steady state (after the first quarter): %d takes in %.2f s = %.0f takes/s;"
                    + " CPU per take: workers %.2f ms%s = %.0f takes per CPU-second%n", steadyCount, (last - markAt) / 1e6,
                    steadyCount / ((last - markAt) / 1e6), steadyCpu / 1e3 / steadyCount, pgSteady > 0
                    ? String.format(Locale.ROOT, " + PostgreSQL %.2f ms", pgSteady / 1e3 / steadyCount) : "",
                    steadyCount / ((steadyCpu + pgSteady) / 1e6));
            List<Path> split = outs.stream().map(o -> o.resolveSibling(o.getFileName() + ".threads")).toList();
            System.out.printf(Locale.ROOT, "  steady state, all workers' CPU a take by thread (ms): %s%n",
                    FarmThreads.perTake(Map.of(), FarmThreads.sum(split), steadyCount));
        }
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    /** When the takes the killed worker held were taken up and recorded by the other, counted from the kill. */
    private static void recovery(Store s, long killedAt, List<String> held) {
        long firstStart = Long.MAX_VALUE;
        long lastEnd = 0;
        int abandoned = 0;
        for (String recipe : held) {
            long[] r = s.database().read(c -> {
                try (var st = c.prepareStatement("SELECT MIN(a.started_at), MAX(t.finished_at), SUM(CASE WHEN"
                        + " a.outcome = 'abandoned' THEN 1 ELSE 0 END) FROM attempts a JOIN takes t ON t.recipe = a.recipe"
                        + " WHERE a.recipe = ? AND a.started_at >= ?")) {
                    st.setString(1, recipe);
                    st.setLong(2, killedAt);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
                    }
                }
            });
            firstStart = Math.min(firstStart, r[0]);
            lastEnd = Math.max(lastEnd, r[1]);
            abandoned += (int) r[2];
        }
        System.out.printf(Locale.ROOT, "  recovery: the killed worker held %d takes (%d with an attempt under way);"
                + " the other took the first up %.1f s after the kill and recorded the last %.1f s after it%n",
                held.size(), abandoned, (firstStart - killedAt) / 1000.0, (lastEnd - killedAt) / 1000.0);
    }
}
