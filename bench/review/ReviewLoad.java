import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads a running review room: signs in with the one-time link, then CLIENTS threads share
 * REQUESTS GET requests over the JSON routes the page uses, round robin. Prints p50, p99 and max
 * latency per route and the count of answers that were not 200.
 */
public final class ReviewLoad {
    static final List<String> ROUTES = List.of("/api/session", "/api/shots", "/api/shot?id=1/1A", "/api/notes",
            "/api/decisions", "/api/events?after=0");

    public static void main(String[] args) throws Exception {
        URI link = URI.create(args[0]);
        int clients = Integer.parseInt(args[1]);
        int requests = Integer.parseInt(args[2]);
        String base = link.getScheme() + "://" + link.getAuthority();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .executor(Executors.newFixedThreadPool(8)).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        // Warm-up: each route a few times, not counted.
        for (int i = 0; i < 5; i++) {
            for (String r : ROUTES) {
                http.send(HttpRequest.newBuilder(URI.create(base + r)).header("Cookie", cookie).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        ROUTES.forEach(r -> latencies.put(r, Collections.synchronizedList(new ArrayList<>())));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    String route = ROUTES.get(i % ROUTES.size());
                    long t0 = System.nanoTime();
                    try {
                        int code = http.send(HttpRequest.newBuilder(URI.create(base + route)).header("Cookie", cookie)
                                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (code != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.get(route).add(System.nanoTime() - t0);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d requests, %d clients, %.1f s, %.0f requests/s, %d errors%n", requests, clients, seconds,
                requests / seconds, errors.get());
        System.out.println("| route | requests | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        List<Long> all = new ArrayList<>();
        for (String r : new TreeMap<>(latencies).keySet()) {
            List<Long> l = new ArrayList<>(latencies.get(r));
            all.addAll(l);
            row(r, l);
        }
        row("all", all);
        System.exit(0);
    }

    static void row(String route, List<Long> l) {
        Collections.sort(l);
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f |%n", route, l.size(), pct(l, 0.50), pct(l, 0.99),
                l.get(l.size() - 1) / 1e6);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
