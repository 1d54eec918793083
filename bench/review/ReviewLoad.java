import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads a running review room: signs in with the one-time link, then CLIENTS keep-alive HTTP/1.1
 * connections on loopback share REQUESTS GET requests over the JSON routes the page uses, round
 * robin. Each connection is a closed-loop client: it sends its next request only when the last
 * answer was read to its end. Prints p50, p99 and max latency per route, the answers that were
 * not 200, and the CPU time of this client and of the server (its pid, from /proc) over each phase.
 *
 * <p>The phases: "cold", the first REQUESTS after the server started (after 30 sequential
 * requests, as before); then "warm", REQUESTS more on the same server, as a server that has run a
 * while answers. One thread drives all connections with a selector, so the client's own CPU a
 * request is small and measured beside the server's; a thread per client on two shared cores
 * costs as much as the server (see bench/RESULTS.md).
 */
public final class ReviewLoad {
    static final List<String> ROUTES = List.of("/api/session", "/api/shots", "/api/shot?id=1/1A", "/api/notes",
            "/api/decisions", "/api/events?after=0");

    public static void main(String[] args) throws Exception {
        URI link = URI.create(args[0]);
        int clients = Integer.parseInt(args[1]);
        int requests = Integer.parseInt(args[2]);
        long server = args.length > 3 ? Long.parseLong(args[3]) : -1;
        InetSocketAddress address = new InetSocketAddress(link.getHost(), link.getPort());
        String cookie = login(link);
        for (int i = 0; i < 5; i++) { // as before: each route a few times, one at a time, not counted
            new Phase(address, cookie, 1, ROUTES.size()).run();
        }
        report("cold (the first requests after start)", new Phase(address, cookie, clients, requests), server);
        report("warm (the same again on the running server)", new Phase(address, cookie, clients, requests), server);
        System.exit(0);
    }

    static String login(URI link) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(link.toString()).openConnection();
        c.setInstanceFollowRedirects(false);
        String set = c.getHeaderField("Set-Cookie");
        c.getInputStream().readAllBytes();
        if (set == null) {
            throw new IOException("the login link answered " + c.getResponseCode() + " without a session cookie");
        }
        return set.split(";")[0];
    }

    static void report(String name, Phase p, long server) throws Exception {
        long serverBefore = serverCpu(server);
        long clientBefore = clientCpu();
        double load0 = load();
        long start = System.nanoTime();
        p.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        double clientMs = (clientCpu() - clientBefore) / 1e6;
        double serverMs = serverCpu(server) - serverBefore;
        System.out.printf("%n%s: %d requests, %d clients, %.2f s, %.0f requests/s, %d errors%n", name, p.total, p.clients,
                seconds, p.total / seconds, p.errors);
        System.out.printf("CPU: client %.0f ms (%.3f ms a request), server %.0f ms (%.3f ms a request);"
                + " load average %.2f before, %.2f after%n", clientMs, clientMs / p.total, serverMs, serverMs / p.total,
                load0, load());
        System.out.println("| route | requests | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        long[] all = new long[0];
        for (Map.Entry<String, long[]> e : p.latencies().entrySet()) {
            row(e.getKey(), e.getValue());
            all = concat(all, e.getValue());
        }
        row("all", all);
    }

    static long clientCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The server's utime + stime in milliseconds, or 0 without a pid. */
    static long serverCpu(long pid) throws IOException {
        if (pid < 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of proc(5)
        return ticks * 1000 / 100; // USER_HZ is 100 on Linux
    }

    static double load() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    static long[] concat(long[] a, long[] b) {
        long[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static void row(String route, long[] l) {
        Arrays.sort(l);
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f |%n", route, l.length, pct(l, 0.50), pct(l, 0.99),
                l[l.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** REQUESTS requests over CLIENTS connections, each sending its next only when its last was answered. */
    static final class Phase {
        final InetSocketAddress address;
        final int clients;
        final int total;
        final byte[][] requests;
        final long[] latency;
        final int[] route;
        int sent;
        int done;
        int errors;

        Phase(InetSocketAddress address, String cookie, int clients, int total) {
            this.address = address;
            this.clients = clients;
            this.total = total;
            this.requests = new byte[ROUTES.size()][];
            for (int i = 0; i < requests.length; i++) {
                requests[i] = ("GET " + ROUTES.get(i) + " HTTP/1.1\r\nHost: " + address.getHostString() + ":"
                        + address.getPort() + "\r\nCookie: " + cookie + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            }
            this.latency = new long[total];
            this.route = new int[total];
        }

        void run() throws IOException {
            try (Selector selector = Selector.open()) {
                List<Connection> open = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    SocketChannel ch = SocketChannel.open(address);
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    ch.configureBlocking(false);
                    Connection conn = new Connection(ch);
                    open.add(conn);
                    ch.register(selector, SelectionKey.OP_READ, conn);
                }
                for (Connection conn : open) {
                    next(conn);
                }
                while (done < total) {
                    if (selector.select(60_000) == 0) {
                        throw new IOException("no answer for 60 s; " + done + " of " + total + " done");
                    }
                    for (SelectionKey k : selector.selectedKeys()) {
                        read((Connection) k.attachment());
                    }
                    selector.selectedKeys().clear();
                }
                for (Connection conn : open) {
                    conn.channel.close();
                }
            }
        }

        void next(Connection c) throws IOException {
            if (sent >= total) {
                return;
            }
            c.index = sent++;
            route[c.index] = c.index % ROUTES.size();
            c.started = System.nanoTime();
            ByteBuffer out = ByteBuffer.wrap(requests[route[c.index]]);
            while (out.hasRemaining()) {
                c.channel.write(out); // a request is far smaller than the socket's buffer
            }
        }

        void read(Connection c) throws IOException {
            c.in.clear();
            int n = c.channel.read(c.in);
            if (n < 0) {
                throw new IOException("the server closed a connection after " + done + " answers");
            }
            c.in.flip();
            while (c.in.hasRemaining()) {
                if (c.answer.feed(c.in)) {
                    latency[c.index] = System.nanoTime() - c.started;
                    if (c.answer.status != 200) {
                        errors++;
                    }
                    done++;
                    c.answer = new Answer();
                    next(c);
                }
            }
        }

        Map<String, long[]> latencies() {
            Map<String, long[]> byRoute = new TreeMap<>();
            for (int r = 0; r < ROUTES.size(); r++) {
                final int want = r;
                long[] l = java.util.stream.IntStream.range(0, total).filter(i -> route[i] == want)
                        .mapToLong(i -> latency[i]).toArray();
                byRoute.put(ROUTES.get(r), l);
            }
            return byRoute;
        }
    }

    static final class Connection {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        Answer answer = new Answer();
        int index;
        long started;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    /** One HTTP/1.1 answer read byte by byte from the stream: status, headers, then its whole body. */
    static final class Answer {
        final StringBuilder head = new StringBuilder();
        int status = -1;
        long remaining = -1;
        boolean chunked;
        boolean inChunkTrailer;
        final StringBuilder chunkLine = new StringBuilder();

        /** Consumes from {@code in}; true when this answer is complete (the rest of {@code in} is the next). */
        boolean feed(ByteBuffer in) throws IOException {
            while (status < 0 && in.hasRemaining()) {
                head.append((char) in.get());
                int l = head.length();
                if (l >= 4 && head.charAt(l - 1) == '\n' && head.charAt(l - 2) == '\r' && head.charAt(l - 3) == '\n'
                        && head.charAt(l - 4) == '\r') {
                    parseHead();
                }
            }
            if (status < 0) {
                return false;
            }
            return chunked ? chunks(in) : skip(in);
        }

        private void parseHead() throws IOException {
            String[] lines = head.toString().split("\r\n");
            status = Integer.parseInt(lines[0].split(" ")[1]);
            remaining = 0;
            for (String h : lines) {
                String lower = h.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    remaining = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
        }

        private boolean skip(ByteBuffer in) {
            int take = (int) Math.min(remaining, in.remaining());
            in.position(in.position() + take);
            remaining -= take;
            return remaining == 0;
        }

        /** Chunked body: size line, data, CRLF; a zero size ends it (after an empty trailer line). */
        private boolean chunks(ByteBuffer in) throws IOException {
            while (in.hasRemaining()) {
                if (remaining > 0) {
                    skip(in);
                    continue;
                }
                char ch = (char) in.get();
                chunkLine.append(ch);
                if (ch != '\n') {
                    continue;
                }
                String line = chunkLine.toString().trim();
                chunkLine.setLength(0);
                if (inChunkTrailer) {
                    if (line.isEmpty()) {
                        return true;
                    }
                } else if (!line.isEmpty()) {
                    remaining = Long.parseLong(line.split(";")[0], 16);
                    inChunkTrailer = remaining == 0;
                }
            }
            return false;
        }
    }
}
