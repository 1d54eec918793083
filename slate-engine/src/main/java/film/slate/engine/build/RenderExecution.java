package film.slate.engine.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.model.BackendConfig;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.Progress;
import film.slate.engine.generator.RecipeObjects;
import film.slate.engine.generator.RenderRequest;
import film.slate.engine.generator.RenderResult;
import film.slate.store.ObjectStore;
import film.slate.store.Store;
import film.slate.store.WorkFolders;
import film.slate.store.db.TakeRecord;
import film.slate.store.db.Takes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The execute side of a render: a work folder per job thread, a slot of the backend's
 * concurrency, the request made of the recipe, its inputs' outputs and its objects from the
 * store, the generator run under the backend's timeout, and the outputs moved into the store.
 */
final class RenderExecution implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double DEFAULT_TIMEOUT_S = 3600;

    private final Store store;
    private final Backends backends;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    /** The backends' farm-wide slots ({@code concurrency:}), held in the database. */
    private final FarmSlots farm;
    /** Each job thread's output folder, emptied after a render and used again (a folder a take costs two syncs). */
    private final Map<Thread, Path> workFolders = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = watchdog();

    RenderExecution(Store store, Backends backends, FarmSettings settings) {
        this.store = store;
        this.backends = backends;
        this.farm = new FarmSlots(store, Worker.name(), settings);
    }

    /**
     * The timeouts' thread. A render's alarm is cancelled when it ends and then leaves the queue:
     * kept, every take's alarm waited out its hour there (3.6 million of them at 1,000 takes a second).
     */
    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor alarms = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "slate-render-watchdog");
            t.setDaemon(true);
            return t;
        });
        alarms.setRemoveOnCancelPolicy(true);
        return alarms;
    }

    /** This thread's work folder, made when needed (once: a clean render leaves it in place, emptied). */
    Path workFolder() throws IOException {
        Path out = workFolders.get(Thread.currentThread());
        if (out == null) {
            out = Files.createDirectories(store.work().next());
            workFolders.put(Thread.currentThread(), out);
        }
        return out;
    }

    /** After a render: a clean one's folder is emptied for the next; any other is dropped (it may still be written). */
    void release(Path out, boolean clean) {
        if (clean) {
            WorkFolders.empty(out);
        } else {
            workFolders.remove(Thread.currentThread());
            WorkFolders.discard(out);
        }
    }

    /** Renders {@code recipe} into {@code out} in a slot of its backend and stores the outputs; returns their names. */
    Stored render(Recipe recipe, Generator generator, Path out)
            throws GeneratorFault, InterruptedException, IOException, BuildException {
        BackendConfig config = backends.config(recipe.backend());
        Semaphore slot = slots.computeIfAbsent(recipe.backend(), b -> new Semaphore(concurrency(config, generator)));
        RenderResult result;
        // read before the generator writes: a sync that fails while it renders (another group's keep) may lose its pages
        long written = store.objects().ticket();
        slot.acquire();
        try {
            FarmSlots.Held held = farm.take(recipe.backend(), config);
            try {
                result = withTimeout(generator, new RenderRequest(recipe, config, inputs(recipe), objects(recipe), out),
                        timeout(config));
            } finally {
                held.close();
            }
        } finally {
            slot.release();
        }
        List<ObjectStore.Aside> aside = new ArrayList<>();
        return new Stored(keep(result, out, aside, written), result, aside);
    }

    /**
     * What a render made, and what it said (its cost, when the generator knows it): the outputs are
     * hashed and set {@code aside}, to be made durable and moved into the store together with the
     * other takes recorded in the same group ({@link TakeRecorder}); the output names them.
     */
    record Stored(Takes.Output output, RenderResult result, List<ObjectStore.Aside> aside) {
    }

    double timeout(BackendConfig config) {
        return Backends.number(config, "timeout").orElse(DEFAULT_TIMEOUT_S);
    }

    private static int concurrency(BackendConfig config, Generator g) {
        double configured = Backends.number(config, "concurrency").orElse((double) Integer.MAX_VALUE);
        return (int) Math.max(1, Math.min(configured, g.capabilities().maxConcurrency()));
    }

    private RenderResult withTimeout(Generator g, RenderRequest request, double seconds)
            throws GeneratorFault, InterruptedException {
        Cancellation cancel = new Cancellation();
        Thread worker = Thread.currentThread();
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
        } catch (GeneratorFault e) {
            // The alarm interrupted whatever the render was doing (an FFmpeg run preparing its inputs
            // fails as "interrupted"): that is the timeout, not the fault it surfaced as.
            if (cancel.isCancelled()) {
                throw new InterruptedException("timed out");
            }
            throw e;
        } finally {
            alarm.cancel(false);
            if (cancel.isCancelled()) {
                Thread.interrupted();
            }
        }
    }

    /** The files a recipe conditions on: the masters (and depth, proxy) of its input recipes. */
    private Map<String, Path> inputs(Recipe recipe) throws GeneratorFault {
        Map<String, Path> out = new HashMap<>();
        for (RecipeContent.Input in : recipe.content().inputs()) {
            TakeRecord t = store.takes().withRecipe(in.recipe()).orElseThrow(() -> GeneratorFault.transientFault(
                    "its " + in.role() + " input " + in.recipe().substring(0, 12) + " is not rendered yet", null));
            t.master().ifPresent(h -> out.put(in.role() + ".master", store.objects().path(h)));
            t.depth().ifPresent(h -> out.put(in.role() + ".depth", store.objects().path(h)));
            t.proxy().ifPresent(h -> out.put(in.role() + ".proxy", store.objects().path(h)));
        }
        return out;
    }

    /** The objects the recipe names by hash that the store holds (the build put them there when it queued the take). */
    private RecipeObjects objects(Recipe recipe) {
        Map<String, Path> out = new HashMap<>();
        for (RecipeContent.Ref ref : recipe.content().refs()) {
            ref.sha256().filter(store.objects()::has).ifPresent(h -> out.put(h, store.objects().path(h)));
        }
        return new RecipeObjects(out);
    }

    /**
     * Hashes the result's files and sets them aside for the store (into {@code aside}), with the
     * ticket {@code written} read before the render began; returns the object names.
     */
    private Takes.Output keep(RenderResult result, Path folder, List<ObjectStore.Aside> aside, long written)
            throws IOException {
        Path out = folder.toAbsolutePath().normalize(); // once a render, not once an output
        if (result instanceof RenderResult.Video v) {
            String master = keep(v.master(), out, aside, written);
            Optional<String> proxy = v.proxy().isPresent() ? Optional.of(keep(v.proxy().get(), out, aside, written))
                    : Optional.empty();
            Optional<String> depth = v.depth().isPresent() ? Optional.of(keep(v.depth().get(), out, aside, written))
                    : Optional.empty();
            return new Takes.Output(master, proxy, depth);
        }
        RenderResult.Frames f = (RenderResult.Frames) result;
        ObjectNode index = JSON.createObjectNode();
        var frames = index.put("kind", "slate/frames").putArray("frames");
        for (Path frame : f.frames()) {
            frames.add(keep(frame, out, aside, written));
        }
        ObjectStore.Aside a = store.objects().aside(JSON.writeValueAsBytes(index));
        aside.add(a);
        return new Takes.Output(a.hash(), Optional.empty(), Optional.empty());
    }

    /**
     * A file the render made in its own folder waits there to be moved into the store (no copy);
     * any other file (one the generator names elsewhere, or a link) is copied in at once, and left where it is.
     * {@code out}: the render's folder, absolute and normal.
     */
    private String keep(Path file, Path out, List<ObjectStore.Aside> aside, long written) throws IOException {
        Path f = file.toAbsolutePath().normalize();
        if (f.startsWith(out) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            ObjectStore.Aside a = store.objects().aside(f, written);
            aside.add(a);
            return a.hash();
        }
        return store.objects().put(file);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        farm.close();
        workFolders.values().forEach(WorkFolders::discard);
        workFolders.clear();
    }
}
