package film.slate.deliver.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.recipe.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The c2pa project's own reader ({@code @contentauth/c2pa-wasm}, c2pa-rs in WebAssembly) run in
 * Node on files Slate delivered, through {@code bench/c2pa-reader/read.mjs}. {@code .ci/run}
 * installs it; when it is not installed a test fails if {@code SLATE_TEST_C2PA_REQUIRED=1}, else it
 * is skipped with a message.
 */
public final class C2paReader {
    /**
     * The statuses a Slate delivery may carry besides successes. {@code signingCredential.untrusted}:
     * the development CA is on no trust list (the chain itself verifies); a studio's key from a
     * trusted CA does not get it. Anything else is a defect.
     */
    public static final Set<String> ACCEPTED = Set.of("signingCredential.untrusted");

    /**
     * What the reader said of one file; {@code dataHash} is the active manifest's {@code c2pa.hash.data}
     * as the reader decoded it from the signed store.
     */
    public record Report(String file, boolean found, String error, JsonNode manifest, List<Status> statuses,
            Optional<DataHash> dataHash) {
        /** Statuses that are failures (by kind, or anything not a success or informational). */
        public List<Status> failures() {
            return statuses.stream().filter(s -> !s.kind().equals("success") && !s.kind().equals("informational"))
                    .toList();
        }

        /**
         * Whether this report of a sidecar store binds the whole of {@code asset}: its signed data hash
         * is SHA-256 with no exclusions and equals the asset's. The reader (0.15) cannot be given a
         * sidecar with its asset (see read.mjs), so this comparison is the test's; that the hash is the
         * one signed is the reader's {@code assertion.hashedURI.match} and {@code claimSignature.validated}.
         */
        public boolean bindsWhole(Path asset) throws IOException {
            return dataHash.filter(h -> h.alg().equals("sha256") && h.exclusions() == 0).map(DataHash::hash)
                    .orElse("").equals(Sha256.file(asset));
        }

        /**
         * The failures of a sidecar's report other than the one its reading alone must give: the reader
         * checked the data hash against the store's own bytes ({@code assertion.dataHash.mismatch}).
         */
        public List<Status> sidecarFailures() {
            return failures().stream().filter(s -> !s.code().equals("assertion.dataHash.mismatch")).toList();
        }

        public boolean has(String code) {
            return statuses.stream().anyMatch(s -> s.code().equals(code));
        }

        /** The data of the assertion labelled {@code label}, or a missing node. */
        public JsonNode assertion(String label) {
            for (JsonNode a : manifest.path("assertions")) {
                if (a.path("label").asText().equals(label)) {
                    return a.path("data");
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** A data hash binding: its algorithm, the hash in hex, how many ranges it excludes. */
    public record DataHash(String alg, String hash, int exclusions) {
    }

    /** One validation status: its code, its kind (success, informational, failure) and explanation. */
    public record Status(String code, String kind, String explanation) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path script;

    private C2paReader(Path script) {
        this.script = script;
    }

    /** The installed reader, or the test is skipped (or fails where the reader is required). */
    public static C2paReader installed() {
        Optional<Path> folder = folder();
        boolean ok = folder.isPresent() && Files.isDirectory(folder.get().resolve("node_modules/@contentauth/c2pa-wasm"))
                && Files.isExecutable(Path.of(node()));
        String why = "the C2PA reader is not installed: run 'npm ci' in bench/c2pa-reader (Node 20 at " + node() + ")";
        if (!ok && "1".equals(System.getenv("SLATE_TEST_C2PA_REQUIRED"))) {
            throw new AssertionError(why + "; SLATE_TEST_C2PA_REQUIRED=1 requires it");
        }
        Assumptions.assumeTrue(ok, why);
        return new C2paReader(folder.get().resolve("read.mjs"));
    }

    /** Reads each of {@code files}. */
    public List<Report> read(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(node(), script.toString()));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("the C2PA reader failed (exit " + p.exitValue() + "): " + out);
        }
        List<Report> reports = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode r = JSON.readTree(line);
            List<Status> statuses = new ArrayList<>();
            r.path("statuses").forEach(s -> statuses.add(new Status(s.path("code").asText(), s.path("kind").asText(),
                    s.path("explanation").asText())));
            JsonNode h = r.path("dataHash");
            Optional<DataHash> hash = h.isObject() ? Optional.of(new DataHash(h.path("alg").asText(),
                    h.path("hash").asText(), h.path("exclusions").size())) : Optional.empty();
            reports.add(new Report(r.path("file").asText(), r.path("found").asBoolean(), r.path("error").asText(""),
                    r.path("manifest"), statuses, hash));
        }
        return reports;
    }

    private static String node() {
        return Optional.ofNullable(System.getenv("SLATE_NODE")).orElse("/usr/bin/node");
    }

    /** bench/c2pa-reader of this checkout, found upward from the working folder. */
    private static Optional<Path> folder() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("bench/c2pa-reader");
            if (Files.isRegularFile(candidate.resolve("read.mjs"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
