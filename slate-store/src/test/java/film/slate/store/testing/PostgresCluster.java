package film.slate.store.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL 15 cluster for tests: Debian's binaries, initdb into a temporary folder
 * (as the {@code postgres} user when the tests run as root, since the server refuses root), one
 * free local port, password logins only (so the password path is the real one), stopped and
 * removed when the JVM ends. One cluster per JVM; each test class takes a database of its own.
 */
public final class PostgresCluster {
    /**
     * Debian's PostgreSQL 15 (or, where the distribution ships another major version, the newest
     * one installed); {@code slate.postgres.bin} points elsewhere.
     */
    static final Path BIN = Path.of(System.getProperty("slate.postgres.bin", debianBin()));
    /** Set by CI: a missing server fails the tests instead of skipping them. */
    static final String REQUIRED_ENV = "SLATE_TEST_POSTGRES_REQUIRED";
    public static final String USER = "slate";

    private static PostgresCluster running;

    private final Path folder;
    private final int port;
    private final String password;

    private PostgresCluster(Path folder, int port, String password) {
        this.folder = folder;
        this.port = port;
        this.password = password;
    }

    private static String debianBin() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isExecutable(debian.resolve("15/bin/initdb")) || !Files.isDirectory(debian)) {
            return debian.resolve("15/bin").toString();
        }
        try (var versions = Files.list(debian)) {
            return versions.filter(v -> v.getFileName().toString().matches("[0-9]+"))
                    .max(java.util.Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .orElse(debian.resolve("15")).resolve("bin").toString();
        } catch (IOException e) {
            return debian.resolve("15/bin").toString();
        }
    }

    /** Why no cluster can run here, or empty when one can. */
    public static Optional<String> unavailable() {
        if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
            return Optional.of("PostgreSQL 15 is not installed (no " + BIN.resolve("initdb")
                    + "); install Debian's 'postgresql' package to run the store's tests on PostgreSQL too");
        }
        return Optional.empty();
    }

    /** The JVM's cluster, started on first use. */
    public static synchronized PostgresCluster get() throws IOException, InterruptedException {
        if (running == null) {
            running = start();
            PostgresCluster c = running;
            Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "postgres-cluster-stop"));
        }
        return running;
    }

    private static PostgresCluster start() throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("slate-postgres-");
        Path data = folder.resolve("data");
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        Path pwfile = Files.writeString(folder.resolve("pw"), password + "\n", StandardCharsets.UTF_8);
        if (root) { // the folder and the password file must be the server user's
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            var postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(folder, postgres);
            Files.setOwner(pwfile, postgres);
        }
        run(root, BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=scram-sha-256",
                "--pwfile=" + pwfile, "-E", "UTF8", "--no-locale", "--no-sync");
        Files.delete(pwfile);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // Durability is not under test here: the server's own fsyncs would only slow every test down.
        PostgresCluster cluster = new PostgresCluster(folder, port, password);
        cluster.startServer();
        return cluster;
    }

    /** Starts the server (again, after {@link #stopServer}), on the same port and data. */
    public void startServer() throws IOException, InterruptedException {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + folder
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
        run("root".equals(System.getProperty("user.name")), BIN.resolve("pg_ctl").toString(), "-D",
                folder.resolve("data").toString(), "-o", options, "-l", folder.resolve("server.log").toString(), "-w",
                "-t", "120", "start");
    }

    /** Stops the server at once, cutting every connection (a database that goes away mid-render). */
    public void stopServer() throws IOException, InterruptedException {
        run("root".equals(System.getProperty("user.name")), BIN.resolve("pg_ctl").toString(), "-D",
                folder.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    private static void run(boolean asPostgres, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asPostgres) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", line) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
    }

    private void stop() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(root, BIN.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "stop");
            run(false, "rm", "-rf", folder.toString());
        } catch (IOException | InterruptedException e) {
            // the JVM is ending; a temporary folder left behind is all that is lost
        }
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** {@code postgresql://127.0.0.1:PORT/DB}, as slate.yaml names a database. */
    public String url(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database {@code name} afresh (dropping one of that name). */
    public void createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
    }

    /** A plain connection to {@code database} as the cluster's user. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:" + url(database), USER, password);
    }

    /** The whole database as SQL ({@code pg_dump}), to search for what must never be stored. */
    public String dump(String database) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(BIN.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", USER, database).redirectErrorStream(true);
        b.environment().put("PGPASSWORD", password); // the dump tool's own login, not part of the dump
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("pg_dump failed: " + out);
        }
        return out;
    }
}
