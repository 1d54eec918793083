package film.slate.bench;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.SqliteJdbcCustomization;
import film.slate.core.model.Production;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Farm throughput (issue 17) of warm workers, as a farm runs them: W worker processes
 * ({@link FarmBenchWorker}, released together) through one store, with the no-op backend. They first
 * render a warm-up batch (2,400 takes unless {@code -Dslate.bench.warmup=N} says otherwise; 0: none),
 * which is also the cold figure earlier runs printed (first claim to last record of a fresh set of
 * processes). The measured batch (200 scenes x 12 = 2,400 takes, {@code -Dslate.bench.scenes}) is
 * enqueued before the warm-up, held back (scheduled far ahead), and released in one statement once
 * the warm-up is recorded and every worker has taken its CPU readings: its takes per second (first
 * claim to last record), claim latency p50/p99, and CPU a take (workers and PostgreSQL, by kind of
 * thread) are the warm figures. Every take of both batches must be recorded exactly once.
 * With {@code kill}, one of two workers is killed (SIGKILL) after a quarter of the takes (no warm-up),
 * and the time until its abandoned takes are recorded by the other is printed (the recovery cost).
 * PostgreSQL's CPU is read from its processes when {@code -Dslate.bench.postmaster} gives the server's pid.
 * Run: {@code FarmBench STORE WORKERS JOBS [kill]}: STORE is {@code sqlite} or a PostgreSQL server's
 * {@code postgresql://HOST:PORT} (user {@code SLATE_BENCH_USER}, password in {@code SLATE_DB_PASSWORD}).
 */
public final class FarmBench {
    /** Takes a scene of the synthetic production (10 shots, two of them with two takes). */
    private static final int TAKES_A_SCENE = 12;
    /** db-scheduler's task name of a queued take (Builder's). */
    private static final String TASK = "render-take";

    private FarmBench() {
    }

    public static void main(String[] args) throws Exception {
        String place = args[0];
        int workers = Integer.parseInt(args[1]);
        int jobs = Integer.parseInt(args[2]);
        boolean kill = args.length > 3 && args[3].equals("kill");
        int warmScenes = kill ? 0 : (Integer.getInteger("slate.bench.warmup", 2_400) + TAKES_A_SCENE - 1) / TAKES_A_SCENE;
        int scenes = Integer.getInteger("slate.bench.scenes", 200);
        Path root = Files.createTempDirectory("slate-farm-bench-");
        Path dir = production(root, place, workers, warmScenes + scenes);
        var production = ProductionReader.read(dir).production();
        int measured;
        int warm = 0;
        try (Store s = Store.open(dir)) {
            // The measured batch first, held back while the workers warm up on theirs
            Set<String> ids = enqueue(s, production, warmScenes + 1, warmScenes + scenes);
            measured = ids.size();
            if (warmScenes > 0) {
                Files.write(root.resolve("measured"), ids);
                schedule(s, Instant.now().plus(Duration.ofDays(365)));
                warm = enqueue(s, production, 1, warmScenes).size();
            }
        }
        Path go = root.resolve("go");
        List<Process> ps = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            outs.add(root.resolve("w" + i + ".txt"));
            ps.add(worker(i, dir, jobs, go, outs.get(i)));
        }
        long pg = Long.getLong("slate.bench.postmaster", 0);
        long[] pgCpu = {pg > 0 ? FarmCpu.postgres(pg) : 0, 0, 0}; // at go, at the release, at the end
        Files.createFile(go);
        long killedAt = 0;
        List<String> held = List.of();
        if (warm > 0) {
            release(dir, root, warm, workers);
            pgCpu[1] = pg > 0 ? FarmCpu.postgres(pg) : 0;
        }
        if (kill) {
            try (Store s = Store.open(dir)) {
                while (s.takes().ofAll().size() < measured / 4) {
                    Thread.sleep(100);
                }
                ps.get(0).destroyForcibly();
                killedAt = System.currentTimeMillis();
                held = heldBy(s, "w0");
            }
        }
        for (Process p : ps) {
            p.waitFor();
        }
        Thread.sleep(300); // the server processes of the closed connections end and are reaped
        pgCpu[2] = pg > 0 ? FarmCpu.postgres(pg) : 0;
        FarmReport report = FarmReport.read(outs);
        String who = String.format(Locale.ROOT, "%s, %d worker process(es) x %d jobs", place.startsWith("postgresql")
                ? "postgresql" : place, workers, jobs);
        report.cold(who + (kill ? " (one killed)" : warm > 0 ? ", cold (the warm-up batch)" : ", cold"),
                pg > 0 ? (warm > 0 ? pgCpu[1] : pgCpu[2]) - pgCpu[0] : 0);
        if (warm > 0) {
            report.warm(pg > 0 ? pgCpu[2] - pgCpu[1] : 0, outs);
        }
        try (Store s = Store.open(dir)) {
            long takes = s.takes().ofAll().size();
            long versions = s.takes().ofAll().stream().filter(t -> t.version() > 1).count();
            System.out.printf(Locale.ROOT, "  check: %d takes recorded of %d queued (%d warm-up + %d measured), %d second"
                    + " versions%n", takes, warm + measured, warm, measured, versions);
            if (kill) {
                recovery(s, killedAt, held);
            }
        }
        if (Boolean.getBoolean("slate.bench.series")) {
            System.out.println("  the workers' files (series of takes and JIT CPU): " + root);
        }
    }

    /** The synthetic production of {@code scenes} scenes in {@code root}/p, its store on {@code place}. */
    private static Path production(Path root, String place, int workers, int scenes) throws Exception {
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
        Path dir = SyntheticProduction.write(root.resolve("p"), scenes, 10, NoOpGenerator.TYPE, "");
        Files.writeString(dir.resolve("slate.yaml"), Files.readString(dir.resolve("slate.yaml")) + store);
        return dir;
    }

    /** Enqueues the takes of scenes {@code from} to {@code to} as {@code slate build --farm} does; their recipe ids. */
    private static Set<String> enqueue(Store s, Production production, int from, int to) throws Exception {
        ShotSelector scenes = ShotSelector.parse(IntStream.rangeClosed(from, to).mapToObj(i -> i + "/*")
                .collect(Collectors.joining(",")));
        try (Backends backends = new Backends(production, Generators.discover().with(new NoOpGenerator.Provider()))) {
            BuildPlan plan = BuildPlan.of(new RecipeCompiler(production), backends.target("main"), scenes,
                    Optional.empty(), s);
            return new Builder(s, backends, BuildOptions.defaults()).enqueue(plan, e -> { }).recipes().keySet();
        }
    }

    /** Every waiting entry of the queue comes due at {@code at}, in one statement (far ahead: held back). */
    private static void schedule(Store s, Instant at) {
        JdbcCustomization sql = s.database().onPostgresql() ? new PostgreSqlJdbcCustomization(true, false)
                : new SqliteJdbcCustomization();
        int n = s.database().transaction(c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = ?"
                    + " AND picked = false")) {
                sql.setInstant(st, 1, at);
                st.setString(2, TASK);
                return st.executeUpdate();
            }
        });
        if (n == 0) {
            throw new IllegalStateException("no queued take to schedule at " + at);
        }
    }

    /**
     * Waits until the warm-up's {@code warm} takes are recorded, has each worker take its readings
     * (file {@code mark}; each answers {@code marked.wN}), then releases the measured batch.
     */
    private static void release(Path dir, Path root, int warm, int workers) throws Exception {
        try (Store s = Store.open(dir)) {
            while (s.takes().count() < warm) {
                Thread.sleep(250);
            }
            Files.createFile(root.resolve("mark"));
            for (int i = 0; i < workers; i++) {
                while (!Files.exists(root.resolve("marked.w" + i))) {
                    Thread.sleep(20);
                }
            }
            schedule(s, Instant.now());
        }
    }

    /** Worker process {@code i}, started and ready (its store open, waiting for {@code go}). */
    private static Process worker(int i, Path dir, int jobs, Path go, Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // slate worker's own options unless slate.bench.workerJvm says others (empty: the JVM's defaults); then
        // slate.bench.workerJvmMore, e.g. -XX:StartFlightRecording=settings=profile,filename=w%d.jfr (%d: the worker's number)
        String options = System.getProperty("slate.bench.workerJvm");
        command.addAll(options == null ? slateWorkerOptions(go.getParent()) : List.of());
        for (String a : ((options == null ? "" : options) + " " + System.getProperty("slate.bench.workerJvmMore", "")).split(" ")) {
            if (!a.isBlank()) {
                command.add(a.replace("%d", String.valueOf(i)));
            }
        }
        for (String p : List.of("slate.bench.series")) { // the bench's own options that concern the workers
            if (System.getProperty(p) != null) {
                command.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        if (i == 0) {
            System.out.println("worker JVM: " + String.join(" ", command.subList(1, command.size())));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FarmBenchWorker.class.getName(),
                dir.toString(), String.valueOf(jobs), go.toString(), out.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        while (line != null && !line.equals("ready")) {
            line = r.readLine(); // what the JVM says first (JFR's "Started recording")
        }
        if (line == null) {
            throw new IllegalStateException("worker " + i + " did not start");
        }
        return p;
    }

    /**
     * The JVM options {@code slate worker} runs with (slate-cli's {@code worker-jvm.options}, as the launcher
     * reads it), its compiler directives file copied into {@code folder}; none with a slate-cli that has none.
     */
    static List<String> slateWorkerOptions(Path folder) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        try (var in = FarmBench.class.getResourceAsStream("/film/slate/cli/worker-jvm.options")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String option = line.strip();
                if (option.startsWith("-XX:CompilerDirectivesFile=")) {
                    String name = option.substring(option.indexOf('=') + 1);
                    Path file = folder.resolve(name);
                    try (var directives = FarmBench.class.getResourceAsStream("/film/slate/cli/" + name)) {
                        Files.copy(directives, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    option = "-XX:CompilerDirectivesFile=" + file;
                }
                if (!option.isEmpty() && !option.startsWith("#")) {
                    out.add(option);
                }
            }
        }
        return out;
    }

    /** The recipes of the queue entries worker {@code name} holds. */
    private static List<String> heldBy(Store s, String name) {
        return s.database().read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT task_instance FROM scheduled_tasks WHERE picked = TRUE"
                    + " AND picked_by = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
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
