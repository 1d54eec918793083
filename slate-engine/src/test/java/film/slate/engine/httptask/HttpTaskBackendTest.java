package film.slate.engine.httptask;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.model.Production;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.testing.SyntheticProduction;
import film.slate.engine.build.Backends;
import film.slate.engine.build.BuildEvent;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.GeneratorPlace;
import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Generators;
import film.slate.engine.testing.BackendBuild;
import film.slate.engine.testing.DrivenTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The http-task backend end to end against a fake task API, with the key never leaving memory. */
class HttpTaskBackendTest {
    static final String SECRET = "sk-proj-Zq81xVb0c3Kd9Lw2";

    @TempDir
    Path tmp;

    private Path production(FakeTaskApi api, String extra) {
        return SyntheticProduction.write(tmp.resolve("p"), 1, 2, "http-task", """
                url: %s/v1/tasks
                api_key_env: FAKE_VIDEO_API_KEY
                headers: { Authorization: "Bearer ${api_key}" }
                request:
                  model: gen-test
                  prompt: "${prompt}"
                  negative_prompt: "${negative}"
                  seed: "${seed}"
                  duration: "${duration}"
                  ratio: "${width}:${height}"
                  image: "${control}"
                id: /id
                poll: %s/v1/tasks/{id}
                status: /status
                done: [succeeded]
                failed: [failed]
                result: /output
                error: /error/message
                inputs: [control]
                poll_interval: 0.02
                request_timeout: 10
                unreachable_grace: 1
                retries: 4
                """.formatted(api.url(), api.url()) + extra);
    }

    private static HttpTaskGenerator.Provider provider() {
        return new HttpTaskGenerator.Provider(Map.of("FAKE_VIDEO_API_KEY", SECRET)::get);
    }

    private static BackendBuild.Result build(Path dir) throws Exception {
        return BackendBuild.run(dir, 2, provider());
    }

    /** The recipes of the takes of backend main, as a build compiles them. */
    private static List<String> recipesOfMain(Path dir) throws Exception {
        Production p = ProductionReader.read(dir).production();
        try (Backends backends = new Backends(p, Generators.discover().with(provider()))) {
            var target = backends.target("main");
            RecipeCompiler compiler = new RecipeCompiler(p);
            return p.shots().stream().flatMap(s -> compiler.compile(s, target, Optional.empty()).stream())
                    .map(Recipe::id).toList();
        }
    }

    /** Records, as an earlier build that was stopped while its tasks rendered left them, a task for each recipe. */
    private static void earlierTasks(FakeTaskApi api, Path folder, List<String> recipes) throws Exception {
        Files.createDirectories(folder);
        for (String recipe : recipes) {
            Files.writeString(folder.resolve(recipe + ".json"), "{\"task\":\"" + api.earlierTask()
                    + "\",\"backend\":\"main\",\"created\":\"2026-12-02T21:04:00Z\"}");
        }
    }

    @ParameterizedTest(name = "objects elsewhere: {0}")
    @ValueSource(booleans = {false, true})
    void tasksAnEarlierBuildLeftInTheStoreAreResumedNotPaidForAgain(boolean objectsElsewhere) throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(SECRET)) {
            Path dir = production(api, "");
            Path shared = tmp.resolve("shared/objects");
            if (objectsElsewhere) { // a farm's checkout: the objects on shared storage, the tasks this machine's
                Files.writeString(dir.resolve("slate.yaml"), "store:\n  objects: " + shared + "\n",
                        java.nio.file.StandardOpenOption.APPEND);
            }
            List<String> recipes = recipesOfMain(dir);
            assertThat(recipes).hasSize(2);
            earlierTasks(api, dir.resolve(".slate/tasks/main"), recipes); // where Slate has always kept them

            var r = build(dir);

            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(r.summary().rendered()).isEqualTo(4);
            assertThat(api.bodies).as("no task created: both resumed").isEmpty();
            assertThat(api.creations.get()).isEqualTo(2);
            assertThat(dir.resolve(".slate/tasks/main")).as("each record forgotten once its take is stored")
                    .isEmptyDirectory();
            assertThat(Files.isDirectory(shared)).isEqualTo(objectsElsewhere);
            assertThat(shared.resolve(".slate")).doesNotExist();
        }
    }

    @Test
    void theGeneratorKeepsItsTasksInTheStateFolderItIsGiven() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(SECRET)) {
            Path dir = production(api, "");
            Path state = tmp.resolve("state-of-main");
            earlierTasks(api, state, recipesOfMain(dir));
            GeneratorProvider elsewhere = new GeneratorProvider() {
                @Override
                public String type() {
                    return "http-task";
                }

                @Override
                public Generator open(film.slate.core.model.BackendConfig backend, GeneratorPlace place)
                        throws GeneratorFault {
                    return provider().open(backend, new GeneratorPlace(place.production(), state));
                }
            };

            var r = BackendBuild.run(dir, 2, elsewhere);

            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(api.bodies).as("the tasks recorded in the given folder are resumed").isEmpty();
            assertThat(state).isEmptyDirectory();
            assertThat(dir.resolve(".slate/tasks")).doesNotExist();
        }
    }

    private static void assertNoSecretUnder(Path dir, BackendBuild.Result r) throws Exception {
        assertThat(BackendBuild.storeBytes(dir)).doesNotContain(SECRET);
        assertThat(r.events().toString()).doesNotContain(SECRET);
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1)).as(p.toString())
                        .doesNotContain(SECRET);
            }
        }
    }

    @Test
    void createsPollsDownloadsAndNormalisesEachTakeOnce() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(SECRET)) {
            Path dir = production(api, "");
            var r = build(dir);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(r.summary().rendered()).isEqualTo(4);
            assertThat(api.creations.get()).isEqualTo(2);
            var body = api.bodies.get(0);
            assertThat(body.path("seed").isNumber()).isTrue();
            assertThat(body.path("prompt").asText()).contains("Mara");
            assertThat(body.path("ratio").asText()).isEqualTo("64:36");
            assertThat(body.path("image").asText()).startsWith("data:image/png;base64,iVBOR");
            assertThat(api.downloadAuth).as("the result host is the API's own").allMatch(a -> a.equals("Bearer " + SECRET));
            assertThat(dir.resolve(".slate/tasks/main")).isEmptyDirectory();
            assertNoSecretUnder(dir, r);
        }
    }

    @Test
    void templatesNameReferencesMasksPoseAndPerCharacterPromptsAsOtherKeys() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(SECRET)) {
            Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1, "http-task", """
                    url: %s/v1/tasks
                    api_key_env: FAKE_VIDEO_API_KEY
                    headers: { Authorization: "Bearer ${api_key}" }
                    request:
                      prompt: "${prompt}"
                      regions: [{ text: "${prompt.MARA}", face: "${reference.MARA}", where: "${mask.MARA}" }]
                      first: "${reference.1}"
                      pose: "${pose}"
                    id: /id
                    poll: %s/v1/tasks/{id}
                    status: /status
                    done: [succeeded]
                    failed: [failed]
                    result: /output
                    inputs: [reference.MARA, reference.1, mask.MARA, pose]
                    poll_interval: 0.02
                    """.formatted(api.url(), api.url()));
            var r = build(dir);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            var body = api.bodies.get(0);
            var region = body.path("regions").path(0);
            assertThat(region.path("text").asText()).startsWith("Mara");
            // The bound files, whole, as data URIs: the reference byte for byte, the mask and pose at the picture's size.
            assertThat(dataUri(region.path("face").asText())).isEqualTo(Files.readAllBytes(dir.resolve("bible/refs/mara.png")));
            assertThat(dataUri(body.path("first").asText())).isEqualTo(Files.readAllBytes(dir.resolve("bible/refs/mara.png")));
            for (String picture : List.of(region.path("where").asText(), body.path("pose").asText())) {
                var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(dataUri(picture)));
                assertThat(image.getWidth()).isEqualTo(64);
                assertThat(image.getHeight()).isEqualTo(36);
            }
        }
    }

    private static byte[] dataUri(String uri) {
        assertThat(uri).startsWith("data:image/png;base64,");
        return java.util.Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1));
    }

    @Test
    void rateLimitsAreWaitedOutAsRetryAfterAsks() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(SECRET)) {
            api.fault("POST /v1/tasks", FakeTaskApi.Fault.HTTP_429, 1);
            api.fault("GET /v1/tasks/", FakeTaskApi.Fault.HTTP_429, 1);
            Path dir = production(api, "");
            api.retryAfterS = 90; // minutes of waiting in all, on a clock the test drives
            DrivenTime time = new DrivenTime();
            var r = BackendBuild.run(dir, 2, new HttpTaskGenerator.Provider(Map.of("FAKE_VIDEO_API_KEY", SECRET)::get,
                    time));
            assertThat(time.slept()).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(180));
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(r.of(BuildEvent.Kind.RETRY)).as("a 429 is waited out inside the render").isEmpty();
            assertThat(api.creations.get()).isEqualTo(2);
        }
    }

    @Test
    void aRateLimitLongerThanAllowedBecomesARetryOfTheBuild() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(SECRET)) {
            api.retryAfterS = 30;
            api.fault("POST /v1/tasks", FakeTaskApi.Fault.HTTP_429, 1);
            Path dir = production(api, "retry_after_max: 5\n");
            var r = build(dir);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            // Waiting for the previz input is not a retry: the rate limit is the only one.
            assertThat(r.of(BuildEvent.Kind.RETRY)).singleElement().satisfies(e -> assertThat(e.reason().orElseThrow())
                    .contains("rate limiting (HTTP 429, Retry-After 30.0 s)"));
        }
    }

    @Test
    void faultsWhilePollingResumeTheSameTaskInsteadOfPayingForAnother() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(SECRET)) {
            api.pollsUntilDone = 3;
            api.fault("GET /v1/tasks/", FakeTaskApi.Fault.HTTP_500, 3);
            api.fault("GET /v1/tasks/", FakeTaskApi.Fault.MALFORMED, 2);
            api.fault("GET /v1/tasks/", FakeTaskApi.Fault.STALL, 4);
            api.fault("GET /files/", FakeTaskApi.Fault.HTTP_500, 1);
            Path dir = production(api, "");
            var r = build(dir);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(r.summary().rendered()).isEqualTo(4);
            assertThat(api.creations.get()).as("one task per take, whatever failed").isEqualTo(2);
            assertNoSecretUnder(dir, r);
        }
    }

    @Test
    void aFailedTaskIsReportedOnceWithTheApisReasonAndNoKey() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(SECRET)) {
            api.failTasks = true;
            Path dir = production(api, "");
            var r = build(dir);
            assertThat(r.of(BuildEvent.Kind.FAILED)).hasSize(2).allSatisfy(e -> assertThat(e.reason().orElseThrow())
                    .contains("content policy: the prompt was flagged (key [redacted] logged)"));
            assertThat(r.of(BuildEvent.Kind.RETRY)).isEmpty();
            assertNoSecretUnder(dir, r);
        }
    }

    @Test
    void aRefusedKeyIsPermanentAndTheEchoedKeyIsRedacted() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(SECRET)) {
            api.fault("POST /v1/tasks", FakeTaskApi.Fault.ECHO_KEY_401, 2);
            Path dir = production(api, "");
            var r = build(dir);
            assertThat(r.of(BuildEvent.Kind.FAILED)).hasSize(2).allSatisfy(e -> assertThat(e.reason().orElseThrow())
                    .contains("Incorrect API key provided: Bearer [redacted]").contains("check the key in $FAKE_VIDEO_API_KEY"));
            assertNoSecretUnder(dir, r);
        }
    }

    @Test
    void aMissingKeyIsOneSentenceNamingTheVariable() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(SECRET)) {
            Path dir = production(api, "");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackendBuild.run(dir, 1,
                    new HttpTaskGenerator.Provider(k -> null)))
                    .hasMessage("backend main cannot start: backend main reads its API key from $FAKE_VIDEO_API_KEY,"
                            + " which is not set; export it before slate build");
        }
    }

    @Test
    void aResultOnAnotherPortOfTheSameHostGetsNoKey() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(SECRET); FakeTaskApi storage = new FakeTaskApi("none")) {
            api.resultBase = storage.url();
            Path dir = production(api, "");
            var r = build(dir);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(storage.seenAuth).isNotEmpty().allMatch(a -> a.equals("null"));
            assertNoSecretUnder(dir, r);
        }
    }

    @Test
    void aRedirectToAnotherPortDropsTheKey() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(SECRET); FakeTaskApi storage = new FakeTaskApi("none")) {
            api.redirectFilesTo = storage.url();
            Path dir = production(api, "");
            var r = build(dir);
            assertThat(r.of(BuildEvent.Kind.FAILED)).isEmpty();
            assertThat(api.seenAuth).as("the API's own origin gets the key").contains("Bearer " + SECRET);
            assertThat(storage.seenAuth).isNotEmpty().allMatch(a -> a.equals("null"));
            assertNoSecretUnder(dir, r);
        }
    }

    @Test
    void aKeyEchoedWhereTheMessageIsCutIsRedactedWhole() throws Exception {
        try (FakeTaskApi api = new FakeTaskApi(SECRET)) {
            api.fault("POST /v1/tasks", FakeTaskApi.Fault.ECHO_KEY_500_AT_CUT, 2);
            Path dir = production(api, "");
            var r = build(dir);
            assertThat(r.of(BuildEvent.Kind.RETRY)).isNotEmpty().allSatisfy(e -> assertThat(e.reason().orElseThrow())
                    .contains("upstream said").doesNotContain(SECRET.substring(0, 6))
                    .doesNotContain(SECRET.substring(SECRET.length() - 6)));
            assertNoSecretUnder(dir, r);
        }
    }
}
