package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.testing.SyntheticProduction;
import film.slate.review.ReviewServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The review server's guards, over real HTTP on 127.0.0.1, on a built synthetic production. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewServerSecurityTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> READS = List.of("/api/session", "/api/shots", "/api/shot?id=1/1S1", "/api/notes",
            "/api/decisions", "/api/events", "/api/events/stream", "/api/plan?scene=1");
    static final List<String> WRITES = List.of("/api/notes", "/api/notes/1/resolve", "/api/decisions", "/logout",
            "/api/logout");

    Path dir;
    Workspace ws;
    ReviewServer server;
    SteppedClock clock = new SteppedClock();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    String base;
    String proxy;

    /** A clock the test moves by hand. */
    static final class SteppedClock extends Clock {
        volatile long millis = 1_700_000_000_000L;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    record Session(String cookie, String csrf) {
    }

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        assertThat(Slate.inProcess("user", "add", "vera", "--role", "viewer", "-C", dir.toString()).code()).isZero();
        ws = Workspace.open(dir);
        server = ReviewCommand.serve(ws, "127.0.0.1", 0, clock);
        base = "http://127.0.0.1:" + server.port();
        proxy = ws.store.takes().ofShot("1/1S1").get(0).master().orElseThrow(); // the test pattern makes no proxy
    }

    @AfterAll
    void stop() {
        server.close();
        ws.close();
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    HttpRequest.Builder post(String path, String body) {
        return get(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Signs in through the one-time link: a session cookie and the CSRF token the page would read. */
    Session director() throws Exception {
        String link = server.address("dee");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(link)));
        assertThat(r.statusCode()).isEqualTo(302);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(send(HttpRequest.newBuilder(URI.create(link))).statusCode()).as("a link works once").isEqualTo(401);
        return new Session(cookie, csrf(cookie));
    }

    String csrf(String cookie) throws Exception {
        return JSON.readTree(send(get("/api/session").header("Cookie", cookie)).body()).path("csrf").asText();
    }

    @Test
    void everyRouteRefusesWithoutASession() throws Exception {
        for (String path : READS) {
            assertThat(send(get(path)).statusCode()).as(path).isEqualTo(401);
            assertThat(send(get(path).header("Cookie", "slate_session=forged")).statusCode()).as(path).isEqualTo(401);
        }
        for (String path : WRITES) {
            assertThat(send(post(path, "{}")).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(send(get("/media/" + proxy)).statusCode()).isEqualTo(401);
    }

    @Test
    void everyWriteRefusesWithoutTheCsrfTokenAndFromAViewer() throws Exception {
        Session d = director();
        for (String path : WRITES) {
            assertThat(send(post(path, "{}").header("Cookie", d.cookie())).statusCode()).as(path).isEqualTo(403);
            assertThat(send(post(path, "{}").header("Cookie", d.cookie()).header("X-CSRF-Token", "wrong")).statusCode())
                    .as(path).isEqualTo(403);
        }
        HttpResponse<String> login = send(post("/login", "{\"token\":\"" + token("vera") + "\"}"));
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = JSON.readTree(login.body()).path("csrf").asText();
        assertThat(JSON.readTree(login.body()).path("role").asText()).isEqualTo("viewer");
        assertThat(send(get("/api/shots").header("Cookie", cookie)).statusCode()).isEqualTo(200);
        for (String path : List.of("/api/notes", "/api/notes/1/resolve", "/api/decisions")) {
            assertThat(send(post(path, note()).header("Cookie", cookie).header("X-CSRF-Token", csrf)).statusCode())
                    .as(path).isEqualTo(403);
        }
    }

    /** vera's token: a fresh account each time, since a token is shown only once. */
    String token(String name) {
        Slate.inProcess("user", "remove", name, "-C", dir.toString());
        return Slate.inProcess("user", "add", name, "--role", "viewer", "-C", dir.toString()).out().trim();
    }

    static String note() {
        return "{\"shot\":\"1/1S1\",\"take\":1,\"version\":1,\"frame\":3,\"text\":\"<script>alert(1)</script>\","
                + "\"region\":{\"shape\":\"rect\",\"x\":0.1,\"y\":0.2,\"w\":0.3,\"h\":0.4}}";
    }

    @Test
    void aDirectorNotesAndApprovesAndNotesStayText() throws Exception {
        Session d = director();
        HttpResponse<String> n = send(post("/api/notes", note()).header("Cookie", d.cookie()).header("X-CSRF-Token", d.csrf()));
        assertThat(n.statusCode()).as(n.body()).isEqualTo(201);
        assertThat(n.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode note = JSON.readTree(n.body());
        assertThat(note.path("text").asText()).isEqualTo("<script>alert(1)</script>");
        assertThat(note.path("author").asText()).isEqualTo("dee");
        HttpResponse<String> a = send(post("/api/decisions", "{\"shot\":\"1/1S1\",\"take\":1,\"version\":1,\"verdict\":\"approved\"}")
                .header("Cookie", d.cookie()).header("X-CSRF-Token", d.csrf()));
        assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
        JsonNode events = JSON.readTree(send(get("/api/events?after=0").header("Cookie", d.cookie())).body());
        assertThat(events.path("events").toString()).contains("\"action\":\"noted\"").contains("\"action\":\"approved\"")
                .contains("\"actor\":\"dee\"").doesNotContain("alert(1)");
        JsonNode shots = JSON.readTree(send(get("/api/shots").header("Cookie", d.cookie())).body());
        assertThat(shots.path("scenes").get(0).path("shots").get(0).path("state").asText()).isEqualTo("approved");
        HttpResponse<String> bad = send(post("/api/notes", note().replace("\"frame\":3", "\"frame\":99"))
                .header("Cookie", d.cookie()).header("X-CSRF-Token", d.csrf()));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).isEqualTo("shot 1/1S1 has frames 0 to 11");
        HttpResponse<String> big = send(post("/api/notes", "{\"text\":\"" + "x".repeat(300_000) + "\"}")
                .header("Cookie", d.cookie()).header("X-CSRF-Token", d.csrf()));
        assertThat(big.statusCode()).isEqualTo(413);
        // The page itself never runs inline script: the policy forbids it on every response.
        HttpResponse<String> page = send(get("/"));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(page.body()).doesNotContain("<script>").contains("type=\"module\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/media/..%2F..%2Fslate.yaml", "/media/../slate.yaml", "/static/..%2F..%2Fslate.yaml",
        "/media/%2e%2e%2fslate.db", "/media/0000000000000000000000000000000000000000000000000000000000000000",
        "/static/ReviewServer.class", "/static/..%5Capp.js", "/media/ABCDEF"})
    void pathsNeverReachTheFileSystem(String path) throws Exception {
        Session d = director();
        HttpResponse<String> r = send(get(path).header("Cookie", d.cookie()));
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(404);
    }

    @Test
    void mediaByHashWithTypeAndRanges() throws Exception {
        Session d = director();
        HttpResponse<byte[]> whole = http.send(get("/media/" + proxy).header("Cookie", d.cookie()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/octet-stream"); // raw test-pattern bytes
        assertThat(film.slate.core.recipe.Sha256.hex(whole.body())).isEqualTo(proxy);
        HttpResponse<byte[]> part = http.send(get("/media/" + proxy).header("Cookie", d.cookie()).header("Range", "bytes=4-11")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), 4, 12));
        assertThat(part.headers().firstValue("Content-Range").orElseThrow()).isEqualTo("bytes 4-11/" + whole.body().length);
    }

    @Test
    void aDamagedObjectIsRefusedNotServed() throws Exception {
        Session d = director();
        String other = ws.store.takes().ofShot("1/1S2").get(0).master().orElseThrow();
        Path file = ws.store.objects().path(other);
        file.toFile().setWritable(true);
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        bytes[0] ^= 1;
        java.nio.file.Files.write(file, bytes);
        HttpResponse<String> r = send(get("/media/" + other).header("Cookie", d.cookie()));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(r.body()).path("error").asText()).contains("is damaged").contains("slate verify");
    }

    /**
     * A viewer may do no write but this one: signing out needs the CSRF token, deletes the session on
     * the server (the old cookie is refused at once, even by the answers kept per log mark), clears
     * the cookie and is on the log.
     */
    @Test
    void aViewerSignsOut() throws Exception {
        HttpResponse<String> login = send(post("/login", "{\"token\":\"" + token("vera") + "\"}"));
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = JSON.readTree(login.body()).path("csrf").asText();
        assertThat(send(get("/api/shots").header("Cookie", cookie)).statusCode()).isEqualTo(200);
        assertThat(send(post("/api/logout", "").header("Cookie", cookie)).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(send(get("/api/session").header("Cookie", cookie)).statusCode()).isEqualTo(200);

        HttpResponse<String> out = send(post("/api/logout", "").header("Cookie", cookie).header("X-CSRF-Token", csrf));
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("slate_session=;"));
        for (String path : List.of("/api/session", "/api/shots")) {
            assertThat(send(get(path).header("Cookie", cookie)).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(send(post("/api/logout", "").header("Cookie", cookie).header("X-CSRF-Token", csrf)).statusCode())
                .as("twice").isEqualTo(401);
        assertThat(Slate.inProcess("log", dir.toString()).out()).contains("vera  logged-out  user/vera");
    }

    @Test
    void aLoginFloodIsSlowedUntilTheClockMoves() throws Exception {
        clock.millis += 61_000; // earlier tests' spent links are failures too: start from a clean minute
        try {
            int refused = 0;
            for (int i = 0; i < 20; i++) {
                int code = send(post("/login", "{\"token\":\"vera.wrong" + i + "\"}")).statusCode();
                assertThat(code).isIn(401, 429);
                refused += code == 429 ? 1 : 0;
            }
            assertThat(refused).isEqualTo(15);
            HttpResponse<String> right = send(post("/login", "{\"token\":\"" + token("vera") + "\"}"));
            assertThat(right.statusCode()).as("even a right token waits").isEqualTo(429);
            clock.millis += 61_000;
            assertThat(send(post("/login", "{\"token\":\"" + token("vera") + "\"}")).statusCode()).isEqualTo(200);
        } finally {
            clock.millis += 61_000; // leave no throttle behind for the other tests
        }
    }

}
