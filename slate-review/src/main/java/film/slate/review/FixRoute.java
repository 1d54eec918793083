package film.slate.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.lock.LockFileException;
import film.slate.core.lock.LockedShotException;
import film.slate.core.lock.PictureLock;
import film.slate.engine.build.Backends;
import film.slate.engine.fix.FixOrder;
import film.slate.engine.fix.FixPreconditions;
import film.slate.engine.fix.FixRefused;
import film.slate.engine.fix.Fixer;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.store.db.Event;
import film.slate.store.db.NoteRecord;
import film.slate.store.db.Notes;
import film.slate.store.db.SessionRecord;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "Fix" on a note (issue 14): {@code POST /api/fix} turns a note's frames and drawn region into a
 * {@link FixOrder} and checks it on the request thread exactly as {@code slate fix} does (picture
 * lock, then {@link FixPreconditions}), so a bad order is one sentence and a 4xx with nothing stored.
 * The render runs on one background thread, never the request's: the answer is 202 with a job, and
 * the page hears of the new version from the event log's live stream ({@code fixed}, or
 * {@code fix-failed} with the sentence as its reason). {@code GET /api/fix/{job}} tells a job's state.
 */
final class FixRoute implements AutoCloseable {
    /** Fixes waiting behind the one rendering; more are refused (503) rather than queued without end. */
    static final int QUEUE = 8;
    /** How many jobs' states {@code GET /api/fix/{job}} remembers. */
    static final int KEPT = 200;

    enum State { QUEUED, RUNNING, DONE, FAILED }

    /** A job's state, the version it made and the sentence it failed with. */
    record Job(String id, String shot, int take, State state, Optional<Integer> version, Optional<String> error) {
        ObjectNode json() {
            ObjectNode o = Json.MAPPER.createObjectNode().put("job", id).put("shot", shot).put("take", take)
                    .put("state", state.name().toLowerCase(java.util.Locale.ROOT));
            version.ifPresent(v -> o.put("version", v));
            error.ifPresent(e -> o.put("error", e));
            return o;
        }
    }

    private final Room room;
    private final Access access;
    private final Clock clock;
    /** The latest jobs by id; the oldest are forgotten (their versions are in the store and on the log). */
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();
    private final ThreadPoolExecutor renders = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "slate-review-fix");
                t.setDaemon(true);
                return t;
            });

    FixRoute(Room room, Access access, Clock clock) {
        this.room = room;
        this.access = access;
        this.clock = clock;
    }

    /** Registers the routes on {@code config} and stops the render thread when the server stops. */
    static void register(JavalinConfig config, Room room, Access access, Clock clock) {
        FixRoute fixes = new FixRoute(room, access, clock);
        config.routes.post("/api/fix", fixes::order);
        config.routes.get("/api/fix/{job}", fixes::job);
        config.events.serverStopped(fixes::close);
        config.events.serverStartFailed(fixes::close);
        VersionRoutes versions = new VersionRoutes(room);
        config.routes.get("/api/tree", versions::tree);
        config.routes.get("/api/diff", versions::diff);
        config.routes.get("/api/diff/picture", versions::picture);
    }

    /** {@code POST /api/fix}: by an editor or a director, with the session's CSRF token. */
    void order(Context ctx) throws ReviewException {
        SessionRecord s = access.write(ctx, false);
        JsonNode body = Api.body(ctx);
        NoteRecord note = new Notes(room.store().database()).find(Api.integer(body, "note"))
                .orElseThrow(() -> new Refusal(404, "there is no note " + body.get("note").asText()));
        FixOrder order = NoteFix.order(note, body, room.production().manifest().format());
        try {
            PictureLock.read(room.production().root()).refuse(order.shot(), "fix");
        } catch (LockedShotException e) {
            throw new Refusal(409, e.getMessage());
        } catch (LockFileException e) {
            throw new ReviewException(e.getMessage());
        }
        Ffmpeg ffmpeg;
        try {
            ffmpeg = Ffmpeg.find();
        } catch (FfmpegException e) {
            throw new Refusal(503, e.getMessage());
        }
        Backends backends = new Backends(room.production(), room.generators());
        FixPreconditions.Checked checked;
        try {
            checked = FixPreconditions.check(room.store(), backends, order);
        } catch (FixRefused e) {
            backends.close();
            throw new Refusal(e.exitCode() == FixRefused.CANNOT_RUN ? 400 : 503, e.getMessage());
        } catch (RuntimeException e) {
            backends.close();
            throw e;
        }
        var made = room.store().takes().withRecipe(checked.fix().id()).filter(t -> t.label().equals(checked.fix().label()));
        if (made.isPresent()) { // the same fix on the same parent is made once
            backends.close();
            ctx.contentType("application/json").result(done(order, made.get().version()).json()
                    .put("fix", checked.fix().id()).toString());
            return;
        }
        long id = next.incrementAndGet();
        Job job = new Job(String.valueOf(id), order.shot(), order.take(), State.QUEUED, Optional.empty(), Optional.empty());
        jobs.put(job.id(), job);
        jobs.remove(String.valueOf(id - KEPT));
        Fixer fixer = new Fixer(room.store(), backends, ffmpeg, clock, s.user());
        String reason = "fix on note " + note.id() + ": " + note.text();
        try {
            renders.execute(() -> render(job, fixer, checked, backends, s.user(), reason));
        } catch (RejectedExecutionException e) {
            jobs.remove(job.id());
            backends.close();
            throw new Refusal(503, QUEUE + " fixes are waiting already; ask again when one has finished");
        }
        ctx.status(202).header("Location", "/api/fix/" + job.id()).contentType("application/json")
                .result(job.json().put("fix", checked.fix().id()).put("from_version", checked.parent().version()).toString());
    }

    private static Job done(FixOrder order, int version) {
        return new Job("0", order.shot(), order.take(), State.DONE, Optional.of(version), Optional.empty());
    }

    private void render(Job job, Fixer fixer, FixPreconditions.Checked checked, Backends backends, String actor,
            String reason) {
        jobs.put(job.id(), new Job(job.id(), job.shot(), job.take(), State.RUNNING, Optional.empty(), Optional.empty()));
        try (backends) {
            Fixer.Made made = fixer.make(checked, Optional.of(reason));
            jobs.put(job.id(), new Job(job.id(), job.shot(), job.take(), State.DONE, Optional.of(made.version().version()),
                    Optional.empty()));
        } catch (FixRefused | RuntimeException e) {
            String sentence = e instanceof FixRefused ? e.getMessage()
                    : "the fix of " + checked.fix().label() + " failed (" + e + "); nothing was recorded";
            jobs.put(job.id(), new Job(job.id(), job.shot(), job.take(), State.FAILED, Optional.empty(),
                    Optional.of(sentence)));
            try { // the page hears of it as of a new version: from the event log
                room.store().events().append(Event.of(actor, "fix-failed", "take " + checked.fix().label() + " v"
                        + checked.parent().version(), job.shot(), null, sentence));
            } catch (RuntimeException ignored) {
                // the store is unreadable now; the job's state still says why
            }
        }
    }

    /** {@code GET /api/fix/{job}}. */
    void job(Context ctx) {
        Job job = jobs.get(ctx.pathParam("job"));
        if (job == null) {
            throw Refusal.notFound();
        }
        ctx.contentType("application/json").result(job.json().toString());
    }

    @Override
    public void close() {
        renders.shutdownNow();
    }
}
