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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shot page's data over real HTTP (issue 13 leftovers): a take's lineage (its versions, what
 * changed from one to the next, a reverted edit as the earlier recipe again), the scene's floor
 * plan as the storyboard draws it, the picture lock, and the event list read after an id.
 */
class ReviewLineageTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @TempDir
    Path tmp;

    /**
     * A built synthetic production whose shot 1/1S1 has three versions (v2 with another lens, v3
     * the first recipe again), approved and locked on v3 "reel one".
     */
    static Path threeVersionsLocked(Path tmp) throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        Path shots = dir.resolve("shots/0001.yaml");
        String plan = Files.readString(shots);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        Files.writeString(shots, plan.replaceFirst("lens: \\d+", "lens: 85"));
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        Files.writeString(shots, plan);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero(); // v3: v1's recipe again, not rendered
        assertThat(Slate.inProcess("approve", "1/1S1", dir.toString()).code()).isZero();
        assertThat(Slate.inProcess("lock", "1/1S1", dir.toString(), "--reason", "reel one").code()).isZero();
        return dir;
    }

    @Test
    void theShotPageShowsLineageFloorPlanAndLock() throws Exception {
        Path dir = threeVersionsLocked(tmp);
        try (Workspace ws = Workspace.open(dir);
                ReviewServer server = ReviewCommand.serve(ws, "127.0.0.1", 0, java.time.Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.address("dee"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));

            JsonNode shot = JSON.readTree(get(base, "/api/shot?id=1/1S1", cookie).body());
            JsonNode lineage = shot.path("takes").path(0).path("lineage");
            assertThat(lineage).hasSize(3);
            assertThat(lineage.path(0).path("changed")).isEmpty();
            assertThat(lineage.path(0).path("same_recipe_as").isNull()).isTrue();
            assertThat(texts(lineage.path(1).path("changed"))).containsExactly("/camera/lens");
            assertThat(lineage.path(2).path("same_recipe_as").asInt()).isEqualTo(1);
            assertThat(texts(lineage.path(2).path("changed"))).containsExactly("/camera/lens");
            assertThat(shot.path("locked").path("version").asInt()).isEqualTo(3);
            assertThat(shot.path("locked").path("reason").asText()).isEqualTo("reel one");
            assertThat(shot.path("plan").asText()).isEqualTo("/api/plan?scene=1");

            HttpResponse<String> svg = get(base, shot.path("plan").asText(), cookie);
            assertThat(svg.statusCode()).isEqualTo(200);
            assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
            assertThat(svg.body()).startsWith("<svg").contains("1S1", "1S2").endsWith("</svg>\n");
            assertThat(get(base, "/api/plan?scene=7", cookie).statusCode()).isEqualTo(404);
            assertThat(get(base, "/api/plan?scene=..%2F1", cookie).statusCode()).isEqualTo(404);

            // A locked shot refuses decisions in the room too.
            String csrf = JSON.readTree(get(base, "/api/session", cookie).body()).path("csrf").asText();
            HttpResponse<String> decide = http.send(HttpRequest.newBuilder(URI.create(base + "/api/decisions"))
                    .header("Cookie", cookie).header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"shot\":\"1/1S1\",\"take\":1,\"version\":1,"
                            + "\"verdict\":\"approved\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(decide.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(decide.body()).path("error").asText()).contains("is locked on take 1 v3");

            JsonNode all = JSON.readTree(get(base, "/api/events", cookie).body()).path("events");
            long middle = all.path(all.size() / 2).path("id").asLong();
            JsonNode after = JSON.readTree(get(base, "/api/events?after=" + middle, cookie).body());
            assertThat(after.path("events")).hasSize(all.size() - all.size() / 2 - 1);
            assertThat(after.path("events").path(0).path("id").asLong()).isGreaterThan(middle);
            assertThat(after.has("more")).isFalse();
        }
    }

    private HttpResponse<String> get(String base, String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
