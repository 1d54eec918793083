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
}
