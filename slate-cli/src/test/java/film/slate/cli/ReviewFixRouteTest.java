package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.model.BackendConfig;
import film.slate.core.read.SettingsFiles;
import film.slate.core.recipe.Sha256;
import film.slate.core.testing.SyntheticProduction;
import film.slate.core.yaml.Fields;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.GeneratorPlace;
import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Generators;
import film.slate.media.composite.ChangedPixels;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import film.slate.review.ReviewServer;
import film.slate.store.Store;
import film.slate.store.db.TakeRecord;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Fix" on a note, the version tree and the diff view of the review room (issue 14), over real HTTP
 * on 127.0.0.1, with the real previz backend and FFmpeg: who may ask, what is refused and that a
 * refusal stores nothing, and that a good fix makes version 2 whose pixels outside the note's region
 * and frames are the parent's, bit for bit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewFixRouteTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The note's rectangle, normalised, and the pixels of the 64x36 picture it covers. */
    static final String RECT = "{\"shape\":\"rect\",\"x\":0.25,\"y\":0.25,\"w\":0.5,\"h\":0.5}";
    static final int X = 16;
    static final int Y = 9;
    static final int W = 32;
    static final int H = 18;
    static final int FIRST = 2;
    static final int LAST = 5;

    Path dir;
    Workspace ws;
    ReviewServer server;
    ReviewServerSecurityTest.SteppedClock clock = new ReviewServerSecurityTest.SteppedClock();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30))
            .build();
    String base;
    Session director;
    Session editor;
    Session viewer;
    long note;
    long lockedNote;
    long bareNote;
    String job;

    record Session(String cookie, String csrf) {
    }

    /** How many previz generators the command line's own generators opened. */
    final AtomicInteger opened = new AtomicInteger();

    /** The previz provider, counting what it opens: a fix in the room must render with the command line's generators. */
    record CountingProvider(GeneratorProvider inner, AtomicInteger opened) implements GeneratorProvider {
        @Override
        public String type() {
            return inner.type();
        }

        @Override
        public Generator open(BackendConfig backend, GeneratorPlace place) throws GeneratorFault {
            opened.incrementAndGet();
            return inner.open(backend, place);
        }

        @Override
        public void check(Fields settings, SettingsFiles files) {
            inner.check(settings, files);
        }
    }

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        assertThat(FixCommandTest.real("build", dir.toString()).code()).isZero();
        assertThat(FixCommandTest.real("approve", "1/1S2", dir.toString(), "--take", "1").code()).isZero();
        Slate.Run lock = FixCommandTest.real("lock", "1/1S2", dir.toString(), "--reason", "reel 1");
        assertThat(lock.code()).as(lock.err()).isZero();
        String viewerToken = FixCommandTest.real("user", "add", "vera", "--role", "viewer", "-C", dir.toString()).out().trim();
        String editorToken = FixCommandTest.real("user", "add", "eddie", "--role", "editor", "-C", dir.toString()).out().trim();
        GeneratorProvider previz = Generators.discover().forType("previz").orElseThrow();
        ws = Workspace.open(dir, new Rig(Generators.discover().with(new CountingProvider(previz, opened)), Rig.RETRY_BASE));
        server = ReviewCommand.serve(ws, "127.0.0.1", 0, clock);
        base = "http://127.0.0.1:" + server.port();
        HttpResponse<String> link = send(HttpRequest.newBuilder(URI.create(server.address("dee"))));
        String cookie = link.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        director = new Session(cookie, JSON.readTree(send(get("/api/session").header("Cookie", cookie)).body())
                .path("csrf").asText());
        editor = login(editorToken);
        viewer = login(viewerToken);
        note = addNote("1/1S1", RECT);
        lockedNote = addNote("1/1S2", RECT);
        bareNote = addNote("1/1S1", null);
    }

    @AfterAll
    void stop() {
        server.close();
        ws.close();
    }

    Session login(String token) throws Exception {
        HttpResponse<String> r = send(post("/login", "{\"token\":\"" + token + "\"}"));
        assertThat(r.statusCode()).isEqualTo(200);
        return new Session(r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0],
                JSON.readTree(r.body()).path("csrf").asText());
    }

    long addNote(String shot, String region) throws Exception {
        HttpResponse<String> r = send(as(director, post("/api/notes", "{\"shot\":\"" + shot + "\",\"take\":1,\"version\":1,"
                + "\"frame\":" + FIRST + ",\"to\":" + LAST + ",\"region\":" + region + ",\"text\":\"the hand shakes\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("id").asLong();
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
    }

    HttpRequest.Builder post(String path, String body) {
        return get(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpRequest.Builder as(Session s, HttpRequest.Builder b) {
        return b.header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf());
    }

    /** Takes, fixes, events and objects: what a refused fix must leave as it was. */
    String record() throws Exception {
        try (Store s = Store.open(dir)) {
            return s.takes().ofAll() + "|" + s.fixes().roots() + "|" + s.events().read(java.util.Optional.empty()).size()
                    + "|" + s.objects().all();
        }
    }

    /** The one sentence of a refusal: a JSON error without a line break. */
    static String sentence(HttpResponse<String> r) throws Exception {
        String error = JSON.readTree(r.body()).path("error").asText();
        assertThat(error).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
        return error;
    }

    @Test
    @Order(1)
    void onlyADirectorOrAnEditorWithTheSessionsCsrfTokenMayAskForAFix() throws Exception {
        String before = record();
        String body = "{\"note\":" + note + "}";
        assertThat(send(post("/api/fix", body)).statusCode()).isEqualTo(401);
        assertThat(send(post("/api/fix", body).header("Cookie", editor.cookie())).statusCode()).isEqualTo(403);
        assertThat(send(post("/api/fix", body).header("Cookie", editor.cookie()).header("X-CSRF-Token", director.csrf()))
                .statusCode()).as("another session's token").isEqualTo(403);
        HttpResponse<String> v = send(as(viewer, post("/api/fix", body)));
        assertThat(v.statusCode()).isEqualTo(403);
        assertThat(sentence(v)).contains("viewer may not");
        for (String path : List.of("/api/tree?shot=1/1S1", "/api/diff?shot=1/1S1&a=1&b=1",
                "/api/diff/picture?shot=1/1S1&a=1&b=1", "/api/fix/1")) {
            assertThat(send(get(path)).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(record()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void aBadOrderIsFourHundredAndOneSentenceAndNothingIsStored() throws Exception {
        String before = record();
        record Bad(String body, int status, String says) {
        }
        for (Bad bad : List.of(
                new Bad("{\"note\":" + note + ",\"region\":[60,0,10,10]}", 400, "is not inside the 64x36 picture"),
                new Bad("{\"note\":" + note + ",\"region\":[0,0,0,10]}", 400, "is not inside"),
                new Bad("{\"note\":" + note + ",\"region\":[1,2,3]}", 400, "must be 4 whole numbers"),
                new Bad("{\"note\":" + note + ",\"frames\":[5,40]}", 400, "lies outside it"),
                new Bad("{\"note\":" + note + ",\"frames\":[4,2]}", 400, "ends before it starts"),
                new Bad("{\"note\":" + note + ",\"set\":{\"lens\":\"50\"}}", 400, "no field a fix can change"),
                new Bad("{\"note\":" + note + ",\"backend\":\"nope\"}", 400, "no backend 'nope'"),
                new Bad("{\"note\":" + bareNote + "}", 400, "has no drawn region"),
                new Bad("{\"note\":9999}", 404, "there is no note 9999"),
                new Bad("{\"note\":\"x\"}", 400, "\"note\" must be a whole number"),
                new Bad("not json", 400, "not JSON"))) {
            HttpResponse<String> r = send(as(editor, post("/api/fix", bad.body())));
            assertThat(r.statusCode()).as(bad.body() + " -> " + r.body()).isEqualTo(bad.status());
            assertThat(sentence(r)).as(bad.body()).contains(bad.says());
        }
        assertThat(record()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aLockedShotIsRefusedWithTheLocksSentence() throws Exception {
        String before = record();
        HttpResponse<String> r = send(as(director, post("/api/fix", "{\"note\":" + lockedNote + "}")));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(sentence(r)).contains("1/1S2").contains("locked");
        assertThat(record()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aGoodFixRendersOffTheRequestAndMakesVersionTwoWhosePixelsOutsideTheNoteAreTheParents() throws Exception {
        // Listen first: the page learns of the new version from the live stream, and so does this test.
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(get("/api/events/stream")
                .header("Cookie", editor.cookie()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> listening = stream.get(60, TimeUnit.SECONDS);
        assertThat(listening.statusCode()).isEqualTo(200);
        Stream<String> lines = listening.body();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<String> heard = CompletableFuture.supplyAsync(() -> lines.peek(seen::add)
                .filter(l -> l.contains("\"action\":\"fixed\"") || l.contains("\"action\":\"fix-failed\"")).findFirst()
                .orElse("the stream ended after " + seen));
        int openedBefore = opened.get();
        HttpResponse<String> r = send(as(editor, post("/api/fix", "{\"note\":" + note + ",\"prompt\":\"a steady hand\","
                + "\"set\":{\"time\":\"DAY\"}}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(r.body());
        job = accepted.path("job").asText();
        assertThat(accepted.path("from_version").asInt()).isEqualTo(1);
        assertThat(r.headers().firstValue("Location")).hasValue("/api/fix/" + job);
        // A guard against a hung render, not a measure of speed.
        String event = heard.get(10, TimeUnit.MINUTES);
        lines.close();
        assertThat(event).contains("\"action\":\"fixed\"").contains("\"shot\":\"1/1S1\"").contains("\"actor\":\"eddie\"");
        JsonNode state = JSON.readTree(send(as(editor, get("/api/fix/" + job))).body());
        assertThat(state.path("state").asText()).isEqualTo("done");
        assertThat(state.path("version").asInt()).isEqualTo(2);
        assertThat(opened.get()).as("the fix rendered with the command line's generators").isGreaterThan(openedBefore);

        List<TakeRecord> versions = ws.store.takes().ofShot("1/1S1");
        assertThat(versions).hasSize(2);
        Ffmpeg ffmpeg = Ffmpeg.find();
        List<BufferedImage> parent = VideoDecoder.readAll(ffmpeg, ws.store.objects().path(versions.get(0).master()
                .orElseThrow()), PixelFormat.BGR24);
        List<BufferedImage> fixed = VideoDecoder.readAll(ffmpeg, ws.store.objects().path(versions.get(1).master()
                .orElseThrow()), PixelFormat.BGR24);
        assertThat(fixed).hasSameSizeAs(parent);
        long insideChanged = 0;
        for (int f = 0; f < parent.size(); f++) {
            byte[] a = bytes(parent.get(f));
            byte[] b = bytes(fixed.get(f));
            for (int p = 0; p < a.length / 3; p++) {
                int x = p % 64;
                int y = p / 64;
                boolean inside = f >= FIRST && f <= LAST && x >= X && x < X + W && y >= Y && y < Y + H;
                boolean same = a[3 * p] == b[3 * p] && a[3 * p + 1] == b[3 * p + 1] && a[3 * p + 2] == b[3 * p + 2];
                if (!inside) {
                    assertThat(same).as("frame %d pixel %d,%d outside the note's region", f, x, y).isTrue();
                } else if (!same) {
                    insideChanged++;
                }
            }
        }
        assertThat(insideChanged).as("the backend's pixels arrive inside the region").isPositive();

        // Asked again, the same fix is the version already made: nothing renders.
        HttpResponse<String> again = send(as(director, post("/api/fix", "{\"note\":" + note + ",\"prompt\":\"a steady"
                + " hand\",\"set\":{\"time\":\"DAY\"}}")));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("version").asInt()).isEqualTo(2);
        assertThat(ws.store.takes().ofShot("1/1S1")).hasSize(2);
    }

    @Test
    @Order(5)
    void theTreeIsSlateHistorysJson() throws Exception {
        HttpResponse<String> r = send(as(viewer, get("/api/tree?shot=1/1S1")));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode tree = JSON.readTree(r.body());
        JsonNode v = tree.path("takes").path(0).path("versions");
        assertThat(v).hasSize(2);
        assertThat(v.path(1).path("kind").asText()).isEqualTo("fix");
        assertThat(v.path(1).path("parent").asInt()).isEqualTo(1);
        assertThat(v.path(1).path("fix").path("frames").toString()).isEqualTo("[" + FIRST + "," + LAST + "]");
        assertThat(v.path(1).path("fix").path("prompt").asText()).isEqualTo("a steady hand");
        assertThat(v.path(1).path("stale").asBoolean()).isFalse();
        assertThat(tree).isEqualTo(JSON.readTree(FixCommandTest.real("history", "1/1S1", dir.toString(), "--format", "json")
                .out()));
        JsonNode locked = JSON.readTree(send(as(viewer, get("/api/tree?shot=1/1S2"))).body());
        assertThat(locked.path("takes").path(0).path("versions").path(0).path("approved").asBoolean()).isTrue();
        assertThat(send(as(viewer, get("/api/tree?shot=9/9X"))).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void theDiffIsSlateDiffsJsonAndItsPictureTintsOnlyTheChangedPixels() throws Exception {
        HttpResponse<String> r = send(as(viewer, get("/api/diff?shot=1/1S1&take=1&a=1&b=2")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode d = JSON.readTree(r.body());
        assertThat(d).isEqualTo(JSON.readTree(FixCommandTest.real("diff", "1/1S1", "1", "2", dir.toString(), "--format",
                "json").out()));
        assertThat(d.path("outside_untouched").asBoolean()).isTrue();
        assertThat(d.path("recipe").toString()).contains("time");

        for (int frame = 0; frame < 12; frame++) {
            HttpResponse<byte[]> png = http.send(as(viewer, get("/api/diff/picture?shot=1/1S1&take=1&a=1&b=2&frame=" + frame))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(png.headers().firstValue("ETag")).hasValue("\"" + Sha256.hex(png.body()) + "\"");
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertThat(picture.getWidth()).isEqualTo(64);
            int marked = 0;
            for (int y = 0; y < 36; y++) {
                for (int x = 0; x < 64; x++) {
                    if (ChangedPixels.marked(picture.getRGB(x, y))) {
                        marked++;
                        assertThat(x >= X && x < X + W && y >= Y && y < Y + H).as("frame %d: %d,%d", frame, x, y).isTrue();
                    }
                }
            }
            int fr = frame;
            long changed = java.util.stream.StreamSupport.stream(d.path("pixels").path("changed_frames").spliterator(), false)
                    .filter(c -> c.path("frame").asInt() == fr).mapToLong(c -> c.path("pixels").asLong()).sum();
            assertThat(marked).as("frame %d: tinted pixels are the changed ones", frame).isEqualTo(changed);
        }
        HttpResponse<String> past = send(as(viewer, get("/api/diff/picture?shot=1/1S1&take=1&a=1&b=2&frame=99")));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(sentence(past)).contains("no frame 99");
        assertThat(send(as(viewer, get("/api/diff?shot=1/1S1&take=1&a=1&b=7"))).statusCode()).isEqualTo(404);
        assertThat(send(as(viewer, get("/api/diff?shot=1/1S1&take=1&a=x&b=2"))).statusCode()).isEqualTo(400);
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
