package film.slate.engine.testing;

import film.slate.core.model.BackendConfig;
import film.slate.core.recipe.Sha256;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.Capabilities;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.GeneratorPlace;
import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Progress;
import film.slate.engine.generator.RenderRequest;
import film.slate.engine.generator.RenderResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real generator for tests: writes a tiny raw video (a text header, then width x height x 3
 * bytes a frame, from a SHA-256 stream seeded by the recipe id), so the same recipe gives the
 * same bytes. Faults come in through the provider's constructor ({@link Faults}); a whole-process
 * test, which can only name the provider class, sets them as system properties instead
 * ({@link Faults#fromSystemProperties()}): {@code slate.test.transient=N} (the first N attempts of
 * every take fail transiently), {@code slate.test.permanent=1/1A,2/*} (these shots fail for good),
 * {@code slate.test.unexpected=1/1A} (these shots throw an exception no generator should),
 * {@code slate.test.frames=true} (frames, not a video), {@code slate.test.delay.ms},
 * {@code slate.test.log=FILE} (a line {@code start|done RECIPE PID} per render), {@code slate.test.hold=FILE}
 * (a render waits while FILE exists: a test decides when it ends, whatever the machine's load).
 */
public final class TestPatternGenerator implements Generator {
    /** Renders started in this JVM, by recipe. */
    public static final Map<String, AtomicInteger> STARTS = new ConcurrentHashMap<>();

    /**
     * What goes wrong, and how.
     *
     * @param transientAttempts the first this many attempts of every take fail transiently
     * @param permanent shots ({@code 1/1A}, {@code 2/*}) that fail for good
     * @param unexpected shots that throw an exception no generator should
     * @param frames whether to return frames rather than a video
     * @param delayMs how long each render takes
     * @param log a file that gets a line {@code start|done RECIPE PID} per render
     */
    public record Faults(int transientAttempts, List<String> permanent, List<String> unexpected, boolean frames,
            long delayMs, Optional<Path> log) {
        public static final Faults NONE = new Faults(0, List.of(), List.of(), false, 0, Optional.empty());

        public Faults {
            permanent = List.copyOf(permanent);
            unexpected = List.copyOf(unexpected);
        }

        public static Faults fromSystemProperties() {
            return new Faults(Integer.getInteger("slate.test.transient", 0), list("slate.test.permanent"),
                    list("slate.test.unexpected"), Boolean.getBoolean("slate.test.frames"),
                    Long.getLong("slate.test.delay.ms", 0), Optional.ofNullable(System.getProperty("slate.test.log"))
                            .map(Path::of));
        }

        public Faults withTransient(int attempts) {
            return new Faults(attempts, permanent, unexpected, frames, delayMs, log);
        }

        public Faults withPermanent(String... shots) {
            return new Faults(transientAttempts, List.of(shots), unexpected, frames, delayMs, log);
        }

        public Faults withUnexpected(String... shots) {
            return new Faults(transientAttempts, permanent, List.of(shots), frames, delayMs, log);
        }

        private static List<String> list(String property) {
            return List.of(System.getProperty(property, "").split(",")).stream().filter(s -> !s.isBlank()).toList();
        }

        /** Whether {@code shot} is in a list of shots and scenes ({@code 1/1A}, {@code 2/*}). */
        static boolean matches(List<String> shots, String shot) {
            return shots.stream().anyMatch(p -> p.equals(shot)
                    || p.endsWith("/*") && shot.startsWith(p.substring(0, p.length() - 1)));
        }
    }

    private final Faults faults;

    public TestPatternGenerator(Faults faults) {
        this.faults = faults;
    }

    @Override
    public String version() {
        return "test-pattern-1";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.of(64, true);
    }

    @Override
    public RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        String id = request.recipe().id();
        int attempt = STARTS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        log("start", id);
        if (faults.delayMs() > 0) {
            Thread.sleep(faults.delayMs());
        }
        String hold = System.getProperty("slate.test.hold");
        while (hold != null && Files.exists(Path.of(hold))) {
            Thread.sleep(10);
        }
        String shot = request.recipe().shot();
        if (Faults.matches(faults.permanent(), shot)) {
            throw GeneratorFault.permanent("the test pattern refuses shot " + shot, null);
        }
        if (Faults.matches(faults.unexpected(), shot)) {
            throw new IllegalStateException("the test pattern broke on shot " + shot);
        }
        if (attempt <= faults.transientAttempts()) {
            throw GeneratorFault.transientFault("the test pattern is busy (attempt " + attempt + ")", null);
        }
        cancellation.check();
        int w = request.recipe().content().format().width();
        int h = request.recipe().content().format().height();
        int frames = Math.max(1, request.recipe().frames());
        Path master = request.outputDir().resolve("master.raw");
        try (OutputStream out = Files.newOutputStream(master)) {
            out.write(("SLATERAW1 " + w + "x" + h + " " + frames + "\n").getBytes(StandardCharsets.US_ASCII));
            MessageDigest md = Sha256.digest();
            byte[] block = md.digest(id.getBytes(StandardCharsets.US_ASCII));
            long remaining = (long) w * h * 3 * frames;
            while (remaining > 0) {
                block = md.digest(block);
                int n = (int) Math.min(block.length, remaining);
                out.write(block, 0, n);
                remaining -= n;
            }
        } catch (IOException e) {
            throw GeneratorFault.transientFault("cannot write " + master, e);
        }
        progress.report(frames, frames);
        log("done", id);
        if (faults.frames()) {
            try { // the same bytes as two frames: a frames index, and two frames that are one object
                Path second = Files.copy(master, request.outputDir().resolve("frame-2.raw"));
                return new RenderResult.Frames(List.of(master, second), OptionalDouble.empty());
            } catch (IOException e) {
                throw GeneratorFault.transientFault("cannot write a frame", e);
            }
        }
        return RenderResult.Video.of(master);
    }

    private void log(String what, String id) {
        if (faults.log().isEmpty()) {
            return;
        }
        try {
            Files.writeString(faults.log().get(), what + " " + id + " " + ProcessHandle.current().pid() + "\n",
                    StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Serves backend type {@code previz} (the real one lives in slate-media), or {@code slate.test.type}. */
    public static final class Provider implements GeneratorProvider {
        private final Optional<Faults> faults;

        /** Faults from system properties, read when a generator opens: what a whole-process test names. */
        public Provider() {
            this.faults = Optional.empty();
        }

        public Provider(Faults faults) {
            this.faults = Optional.of(faults);
        }

        @Override
        public String type() {
            return System.getProperty("slate.test.type", "previz");
        }

        @Override
        public Generator open(BackendConfig backend, GeneratorPlace place) {
            return new TestPatternGenerator(faults.orElseGet(Faults::fromSystemProperties));
        }
    }

    /** Backend settings the pattern reads: none; kept for symmetry with real generators. */
    static final Set<String> SETTINGS = Set.of();
}
