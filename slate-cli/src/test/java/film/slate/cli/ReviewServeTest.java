package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.testing.SyntheticProduction;
import film.slate.review.ReviewServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How slate review starts, or says in one sentence why it cannot. */
class ReviewServeTest {
    @TempDir
    Path tmp;

    @Test
    void aBusyPortIsOneSentenceAndExitTwo() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Slate.Run run = Slate.inProcess("review", dir.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.code()).isEqualTo(ExitCode.CANNOT_RUN);
            assertThat(run.err()).isEqualTo("slate review: port " + taken.getLocalPort() + " on 127.0.0.1 is in use; stop"
                    + " what holds it or pick another with --port" + System.lineSeparator());
        }
    }

    @Test
    void anyOtherHostNeedsAccounts() {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1);
        Slate.Run run = Slate.inProcess("review", dir.toString(), "--host", "0.0.0.0", "--port", "0");
        assertThat(run.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(run.err()).contains("needs accounts; add one with 'slate user add NAME --role director' first")
                .hasLineCount(1);
        assertThat(Slate.inProcess("review", dir.toString(), "--port", "70000").err()).contains("is not a port");
    }

    @Test
    void aProductionNeverBuiltShowsItsShotsMissingWithAHint() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        assertThat(dir.resolve(film.slate.store.Store.FOLDER)).doesNotExist(); // no store yet: the room makes an empty one
        try (Workspace ws = Workspace.open(dir); ReviewServer server = ReviewCommand.serve(ws, "127.0.0.1", 0, Clock.systemUTC())) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.address("ann"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            JsonNode shots = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/api/shots")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(shots.path("hint").asText()).contains("run 'slate build'");
            assertThat(shots.path("scenes").get(0).path("shots")).hasSize(2).allSatisfy(s -> {
                assertThat(s.path("state").asText()).isEqualTo("missing");
                assertThat(s.path("still").isNull()).isTrue();
            });
        }
    }

    /**
     * The room follows the production while it runs: a shot added to a scene file shows up, a camera
     * moved across the line shows the check's finding on its card (the last good shots stay), and
     * putting it back clears it, all without a restart. The clock the room's one-second sharing
     * reads is stepped, so nothing waits.
     */
    @Test
    void theRoomFollowsEditedShotFilesWithoutARestart() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        Path scene = dir.resolve("shots/0001.yaml");
        String original = java.nio.file.Files.readString(scene);
        ReviewServerSecurityTest.SteppedClock clock = new ReviewServerSecurityTest.SteppedClock();
        try (Workspace ws = Workspace.open(dir); ReviewServer server = ReviewCommand.serve(ws, "127.0.0.1", 0, clock)) {
            HttpClient http = HttpClient.newHttpClient();
            String cookie = http.send(HttpRequest.newBuilder(URI.create(server.address("ann"))).build(),
                    HttpResponse.BodyHandlers.ofString()).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            java.util.function.Function<String, JsonNode> get = path -> {
                try {
                    return new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + server.port() + path)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            JsonNode before = get.apply("/api/shots").path("scenes").get(0).path("shots");
            assertThat(before.findValuesAsText("shot")).containsExactly("1/1S1", "1/1S2");
            assertThat(before.toString()).doesNotContain("grammar/180");

            java.nio.file.Files.writeString(scene, original + """
                      - id: 1S3
                        framing: MS
                        subjects: [MARA]
                        camera: { at: [3.0, -2], lens: 35, look_at: [3, 3] }
                        duration: 2
                        action: Mara turns to the window.
                    """);
            clock.millis += 1001;
            JsonNode shots = get.apply("/api/shots").path("scenes").get(0).path("shots");
            assertThat(shots.findValuesAsText("shot")).containsExactly("1/1S1", "1/1S2", "1/1S3");
            assertThat(shots.get(2).path("state").asText()).isEqualTo("missing");
            assertThat(shots.get(2).path("action").asText()).isEqualTo("Mara turns to the window.");
            assertThat(get.apply("/api/shot?id=1/1S3").path("frames").asInt()).isPositive();

            String crossed = java.nio.file.Files.readString(scene).replaceFirst("at: \\[2\\.0, -2\\]", "at: [2.0, 8]");
            java.nio.file.Files.writeString(scene, crossed);
            clock.millis += 1001;
            shots = get.apply("/api/shots").path("scenes").get(0).path("shots");
            assertThat(shots.findValuesAsText("shot")).containsExactly("1/1S1", "1/1S2", "1/1S3");
            assertThat(shots.get(1).path("diagnostics").toString()).contains("grammar/180");

            java.nio.file.Files.writeString(scene, original);
            clock.millis += 1001;
            shots = get.apply("/api/shots").path("scenes").get(0).path("shots");
            assertThat(shots.findValuesAsText("shot")).containsExactly("1/1S1", "1/1S2");
            assertThat(shots.findValues("diagnostics")).isEqualTo(before.findValues("diagnostics"));
        }
    }
}
