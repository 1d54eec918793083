package film.slate.engine.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.recipe.Recipe;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.Progress;
import film.slate.engine.generator.RenderRequest;
import film.slate.engine.generator.RenderResult;
import film.slate.store.Store;
import film.slate.store.db.Event;
import film.slate.store.db.RenderRecord;
import film.slate.store.db.TakeRecord;
import film.slate.store.db.Takes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The work of one job: render one recipe and record the take, or record why not. Every state
 * change is a transaction with its event; the take row is written only after its objects are
 * durable, so nothing is ever recorded as rendered that was not.
 */
final class RenderJob {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_RETRIES = 3;
    /** How often a take looks again for the input it conditions on; waiting is not an attempt. */
    private static final Duration INPUT_WAIT = Duration.ofMillis(200);
    private static final double DEFAULT_TIMEOUT_S = 3600;
    /** Attempts at a render that keeps failing with an unexpected exception. */
    static final int ERROR_LIMIT = 3;

    private final Store store;
    private final Backends backends;
    private final BuildOptions options;
    private final Budget budget;
    private final BuildListener listener;
    private final Map<String, Recipe> known;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final Set<String> renderedHere = ConcurrentHashMap.newKeySet();
    private final Set<String> givenUp = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> errors = new ConcurrentHashMap<>();
    /** Each job thread's output folder, emptied after a render and used again (a folder a take costs two syncs). */
    private final Map<Thread, Path> workFolders = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slate-render-watchdog");
        t.setDaemon(true);
        return t;
    });

    RenderJob(Store store, Backends backends, BuildOptions options, Budget budget, BuildListener listener,
            Map<String, Recipe> known) {
        this.store = store;
        this.backends = backends;
        this.options = options;
        this.budget = budget;
        this.listener = listener;
        this.known = new ConcurrentHashMap<>(known);
    }

    /** Set when a render found the disk full: the build stops with this sentence (see {@link #diskFull(Recipe, int, Throwable)}). */
    private final java.util.concurrent.atomic.AtomicReference<String> diskFull = new java.util.concurrent.atomic.AtomicReference<>();

    Optional<String> diskFull() {
        return Optional.ofNullable(diskFull.get());
    }

    /**
     * The disk is full: whatever the program said (FFmpeg's lines, say) becomes one sentence, the
     * render is failed with it when the database can still take that, and the build stops.
     */
    private void diskFull(Recipe recipe, int attempt, Throwable cause) {
        String sentence = film.slate.store.StoreFault.diskFullSentence(store.root());
        diskFull.compareAndSet(null, sentence);
        try {
            fail(recipe, attempt, "disk-full", sentence);
        } catch (RuntimeException alsoFull) {
            // the database's disk is full too: the next build finds the render still open and takes it up
        }
    }

    Set<String> renderedHere() {
        return renderedHere;
    }

    /** Renders this build gave up on after unexpected errors (recorded as failed when the store allowed it). */
    Set<String> givenUp() {
        return givenUp;
    }

    /**
     * An exception nobody expected escaped the job of {@code recipeId}. It is tried again with
     * backoff, {@link #ERROR_LIMIT} times in all; then the render is recorded as failed, once, with
     * the reason, and empty is returned (the queue drops the job).
     */
    Optional<Duration> unexpected(String recipeId, Throwable e) {
        int n = errors.merge(recipeId, 1, Integer::sum);
        String reason = unexpectedReason(e);
        Recipe recipe;
        try {
            recipe = recipe(recipeId);
        } catch (RuntimeException unknown) {
            givenUp.add(recipeId);
            return Optional.empty(); // a job for a recipe nobody can name: nothing to record it against
        }
        if (n >= ERROR_LIMIT) {
            givenUp.add(recipeId);
            fail(recipe, 0, "error", reason + " (gave up after " + n + " attempts)");
            return Optional.empty();
        }
        Duration delay = Backoff.after(n, options.retryBase());
        store.database().transaction(c -> {
            store.events().append(c, Event.of(options.worker(), "retry", recipe.id(), recipe.shot(), details(recipe, 0),
                    reason));
            return null;
        });
        listener.on(new BuildEvent(BuildEvent.Kind.RETRY, recipe.shot(), recipe.take(), recipe.id(), 0,
                Optional.of(reason + "; again in " + delay.toMillis() + " ms"), Optional.empty()));
        return Optional.of(delay);
    }

    static String unexpectedReason(Throwable e) {
        Throwable t = e == null ? new IllegalStateException("no cause") : e;
        String message = t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse("");
        return "an unexpected error (" + t.getClass().getName() + message + "); please report it";
    }

    void close() {
        watchdog.shutdownNow();
        workFolders.values().forEach(RenderJob::delete);
        workFolders.clear();
    }

    /** Runs the job for {@code recipeId}; throws {@link RetryLater} to be run again later. */
    void run(String recipeId) {
        if (diskFull.get() != null) {
            return; // the build is stopping: the render stays queued for the next one
        }
        Recipe recipe = recipe(recipeId);
        String backend = recipe.backend();
        Generator generator;
        try {
            generator = backends.generator(backend);
        } catch (BuildException e) {
            fail(recipe, 0, "permanent", e.getMessage());
            return;
        }
        // A take that conditions on another (previz) waits for it without spending an attempt.
        for (var in : recipe.json().path("inputs")) {
            String id = in.path("recipe").asText();
            if (store.takes().withRecipe(id).isEmpty()) {
                Optional<RenderRecord> input = store.renders().get(id);
                if (input.isPresent() && input.get().status().equals(RenderRecord.FAILED)) {
                    fail(recipe, 0, "permanent", "its " + in.path("role").asText() + " input " + id.substring(0, 12)
                            + " failed; fix that take first");
                    return;
                }
                throw new RetryLater("waiting for its " + in.path("role").asText() + " input", INPUT_WAIT);
            }
        }
        double estimate = estimate(recipe);
        // Claim: only a queued (or revived) render with no output yet starts.
        Optional<Integer> attempt = store.database().transaction(c -> {
            if (store.takes().withRecipe(c, recipe.id()).filter(t -> t.label().equals(recipe.label())).isPresent()) {
                return Optional.<Integer>empty();
            }
            Optional<RenderRecord> r = store.renders().get(c, recipe.id());
            if (r.isEmpty() || r.get().status().equals(RenderRecord.FAILED) || r.get().status().equals(RenderRecord.RENDERED)) {
                return Optional.<Integer>empty();
            }
            if (!budget.reserve(estimate)) {
                return Optional.of(-1);
            }
            int n = store.renders().start(c, recipe.id(), options.worker());
            store.events().append(c, Event.of(options.worker(), "started", recipe.id(), recipe.shot(),
                    details(recipe, n), null));
            return Optional.of(n);
        });
        if (attempt.isEmpty()) {
            return; // rendered by another worker, or given up: nothing to do
        }
        if (attempt.get() == -1) {
            fail(recipe, 0, "budget", String.format(java.util.Locale.ROOT,
                    "the budget of %.2f would be passed by this render (estimate %.2f, spent %.2f); raise --budget",
                    options.budget().orElse(0), estimate, budget.spent()));
            return;
        }
        int n = attempt.get();
        listener.on(new BuildEvent(BuildEvent.Kind.STARTED, recipe.shot(), recipe.take(), recipe.id(), n,
                Optional.empty(), Optional.empty()));
        Semaphore slot = slots.computeIfAbsent(backend, b -> new Semaphore(concurrency(b, generator)));
        Path out = workFolders.computeIfAbsent(Thread.currentThread(),
                t -> store.work().next());
        long started = System.currentTimeMillis();
        boolean clean = false;
        try {
            Files.createDirectories(out);
            slot.acquire();
            RenderResult result;
            try {
                result = renderWithTimeout(generator, new RenderRequest(recipe, backends.config(backend), inputs(recipe),
                        backends.production().root(), out));
            } finally {
                slot.release();
            }
            Takes.Output output = keep(result, out);
            OptionalDouble cost = result.cost().isPresent() ? result.cost()
                    : estimate > 0 ? OptionalDouble.of(estimate) : OptionalDouble.empty();
            budget.settle(estimate, cost.orElse(0));
            long finished = System.currentTimeMillis();
            TakeRecord take = store.database().transaction(c -> {
                store.renders().endAttempt(c, recipe.id(), n, "ok", null);
                store.renders().finish(c, recipe.id(), RenderRecord.RENDERED, null, cost);
                TakeRecord t = store.takes().append(c, recipe.shot(), recipe.take(), recipe.id(), backend, output, started,
                        finished, cost);
                store.events().append(c, Event.of(options.worker(), "rendered", "take " + t.label() + " v" + t.version(),
                        recipe.shot(), details(recipe, n), null));
                return t;
            });
            renderedHere.add(recipe.id());
            listener.on(new BuildEvent(BuildEvent.Kind.RENDERED, recipe.shot(), recipe.take(), recipe.id(), n,
                    Optional.of("version " + take.version()), cost.isPresent() ? Optional.of(cost.getAsDouble())
                            : Optional.empty()));
            clean = true;
        } catch (GeneratorFault e) {
            budget.settle(estimate, 0);
            if (film.slate.store.StoreFault.diskFull(e)) {
                diskFull(recipe, n, e);
            } else if (e.isTransient()) {
                retryOrFail(recipe, n, e.getMessage());
            } else {
                fail(recipe, n, "permanent", e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.interrupted();
            budget.settle(estimate, 0);
            retryOrFail(recipe, n, "timed out after " + timeout(backend) + " s");
        } catch (IOException e) {
            budget.settle(estimate, 0);
            if (film.slate.store.StoreFault.diskFull(e)) {
                diskFull(recipe, n, e);
                return;
            }
            retryOrFail(recipe, n, "could not write the output (" + e.getMessage() + ")");
        } catch (BuildException e) {
            budget.settle(estimate, 0);
            fail(recipe, n, "permanent", e.getMessage());
        } catch (RuntimeException e) {
            budget.settle(estimate, 0);
            if (film.slate.store.StoreFault.diskFull(e)) {
                diskFull(recipe, n, e);
                return;
            }
            // Nobody expected this (a bug in a generator or here): close the attempt, let the queue decide.
            store.database().transaction(c -> {
                store.renders().endAttempt(c, recipe.id(), n, "error", unexpectedReason(e));
                return null;
            });
            throw e;
        } finally {
            if (clean) {
                empty(out); // the outputs were moved into the store; what the generator left besides goes
            } else {
                workFolders.remove(Thread.currentThread()); // a failed or timed-out render may still write: a new folder next time
                delete(out);
            }
        }
    }

    private void retryOrFail(Recipe recipe, int attempt, String reason) {
        int retries = (int) Backends.number(config(recipe.backend()), "retries").orElse((double) DEFAULT_RETRIES)
                .doubleValue();
        if (attempt > retries) {
            fail(recipe, attempt, "transient", reason + " (gave up after " + attempt + " attempts)");
            return;
        }
        Duration delay = Backoff.after(attempt, options.retryBase());
        store.database().transaction(c -> {
            store.renders().endAttempt(c, recipe.id(), attempt, "transient", reason);
            store.events().append(c, Event.of(options.worker(), "retry", recipe.id(), recipe.shot(),
                    details(recipe, attempt), reason));
            return null;
        });
        listener.on(new BuildEvent(BuildEvent.Kind.RETRY, recipe.shot(), recipe.take(), recipe.id(), attempt,
                Optional.of(reason + "; again in " + delay.toMillis() + " ms"), Optional.empty()));
        throw new RetryLater(reason, delay);
    }

    private void fail(Recipe recipe, int attempt, String outcome, String reason) {
        store.database().transaction(c -> {
            if (attempt > 0) {
                store.renders().endAttempt(c, recipe.id(), attempt, outcome, reason);
            }
            store.renders().finish(c, recipe.id(), RenderRecord.FAILED, reason, OptionalDouble.empty());
            store.events().append(c, Event.of(options.worker(), "failed", recipe.id(), recipe.shot(),
                    details(recipe, attempt), reason));
            return null;
        });
        listener.on(new BuildEvent(BuildEvent.Kind.FAILED, recipe.shot(), recipe.take(), recipe.id(), attempt,
                Optional.of(reason), Optional.empty()));
    }

    private RenderResult renderWithTimeout(Generator g, RenderRequest request)
            throws GeneratorFault, InterruptedException {
        Cancellation cancel = new Cancellation();
        Thread worker = Thread.currentThread();
        double seconds = timeout(request.recipe().backend());
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            cancel.cancel("timeout");
            worker.interrupt();
        }, (long) (seconds * 1000), TimeUnit.MILLISECONDS);
        try {
            RenderResult r = g.render(request, Progress.NONE, cancel);
            if (cancel.isCancelled()) {
                throw new InterruptedException("timed out");
            }
            return r;
        } finally {
            alarm.cancel(false);
            if (cancel.isCancelled()) {
                Thread.interrupted();
            }
        }
    }

    /** Moves the result into the object store; returns the object names. */
    private Takes.Output keep(RenderResult result, Path out) throws IOException {
        if (result instanceof RenderResult.Video v) {
            String master = keep(v.master(), out);
            Optional<String> proxy = v.proxy().isPresent() ? Optional.of(keep(v.proxy().get(), out)) : Optional.empty();
            Optional<String> depth = v.depth().isPresent() ? Optional.of(keep(v.depth().get(), out)) : Optional.empty();
            return new Takes.Output(master, proxy, depth);
        }
        RenderResult.Frames f = (RenderResult.Frames) result;
        ObjectNode index = JSON.createObjectNode();
        var frames = index.put("kind", "slate/frames").putArray("frames");
        for (Path frame : f.frames()) {
            frames.add(keep(frame, out));
        }
        return new Takes.Output(store.objects().put(JSON.writeValueAsBytes(index)), Optional.empty(), Optional.empty());
    }

    /**
     * A file the render made in its own folder is moved into the store (no copy); any other file
     * (one the generator names elsewhere, or a link) is copied, and left where it is.
     */
    private String keep(Path file, Path out) throws IOException {
        Path f = file.toAbsolutePath().normalize();
        if (f.startsWith(out.toAbsolutePath().normalize())
                && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return store.objects().adopt(f);
        }
        return store.objects().put(file);
    }

    /** The files a recipe conditions on: the masters (and depth) of its input recipes. */
    private Map<String, Path> inputs(Recipe recipe) throws GeneratorFault {
        Map<String, Path> out = new HashMap<>();
        for (var in : recipe.json().path("inputs")) {
            String id = in.path("recipe").asText();
            String role = in.path("role").asText();
            TakeRecord t = store.takes().withRecipe(id).orElseThrow(() -> GeneratorFault.transientFault(
                    "its " + role + " input " + id.substring(0, 12) + " is not rendered yet", null));
            t.master().ifPresent(h -> out.put(role + ".master", store.objects().path(h)));
            t.depth().ifPresent(h -> out.put(role + ".depth", store.objects().path(h)));
            t.proxy().ifPresent(h -> out.put(role + ".proxy", store.objects().path(h)));
        }
        return out;
    }

    private Recipe recipe(String id) {
        Recipe r = known.get(id);
        if (r == null) {
            // queued by another process: its recipe is in the database
            r = store.recipes().get(id).orElseThrow(() -> new IllegalStateException("the queue names recipe " + id
                    + ", which the store does not hold"));
            known.put(id, r);
        }
        return r;
    }

    private double estimate(Recipe recipe) {
        try {
            return backends.costPerSecond(recipe.backend()).orElse(0.0) * recipe.duration();
        } catch (BuildException e) {
            return 0;
        }
    }

    private int concurrency(String backend, Generator g) {
        double configured = Backends.number(config(backend), "concurrency").orElse((double) Integer.MAX_VALUE);
        return (int) Math.max(1, Math.min(configured, g.capabilities().maxConcurrency()));
    }

    private double timeout(String backend) {
        return Backends.number(config(backend), "timeout").orElse(DEFAULT_TIMEOUT_S);
    }

    private film.slate.core.model.BackendConfig config(String backend) {
        try {
            return backends.config(backend);
        } catch (BuildException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String details(Recipe r, int attempt) {
        ObjectNode o = JSON.createObjectNode();
        o.put("take", r.take()).put("recipe", r.id()).put("backend", r.backend()).put("attempt", attempt);
        return o.toString();
    }

    /** Removes what is in {@code dir}, keeping the folder. */
    private static void empty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(RenderJob::delete);
        } catch (IOException | UncheckedIOException e) {
            // a leftover is harmless; the folder is deleted when the build ends
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover work folder is harmless; gc clears it
        }
    }
}
