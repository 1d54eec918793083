package film.slate.review;

import film.slate.engine.build.BuildPlan;
import film.slate.engine.build.Status;
import film.slate.engine.generator.Generators;
import film.slate.store.Store;
import film.slate.store.db.Event;
import film.slate.store.db.Sessions;
import film.slate.store.db.StoreException;
import film.slate.store.db.Users;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The review room's web server (Javalin on Jetty): the page, the JSON API under {@code /api/}, the
 * media by hash and the live event stream. Every route but the page, its files and login needs a
 * session; every write also needs the session's CSRF token and a role that may do it.
 */
public final class ReviewServer implements AutoCloseable {
    /** The largest request body accepted: a note with a long stroke fits many times over. */
    public static final long MAX_BODY = 256 * 1024;
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " media-src 'self' blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'; form-action 'self'";
    /** The page's files: served from the classpath by these names only. */
    private static final Map<String, String> SITE = Map.of("index.html", "text/html; charset=utf-8",
            "app.css", "text/css; charset=utf-8", "app.js", "text/javascript; charset=utf-8",
            "api.js", "text/javascript; charset=utf-8", "overview.js", "text/javascript; charset=utf-8",
            "shot.js", "text/javascript; charset=utf-8", "player.js", "text/javascript; charset=utf-8",
            "cut.js", "text/javascript; charset=utf-8", "notes.js", "text/javascript; charset=utf-8",
            "versions.js", "text/javascript; charset=utf-8");

    private final Javalin app;
    private final Access access;
    private final EventStream events;
    private final String host;

    private ReviewServer(Javalin app, Access access, EventStream events, String host) {
        this.app = app;
        this.access = access;
        this.events = events;
        this.host = host;
    }

    /** Whether {@code host} is this machine only (then a login link is offered and no account is needed). */
    public static boolean loopback(String host) throws ReviewException {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ReviewException("--host " + host + " is not an address of this machine; use 127.0.0.1 or an IP");
        }
    }

    /**
     * Starts serving {@code room} on {@code host:port} (port 0: any free one).
     *
     * @throws ReviewException when the port is taken, or a non-loopback host has no accounts
     */
    public static ReviewServer start(Supplier<Edition> editions, Store store, Generators generators, String host, int port,
            Clock clock)
            throws ReviewException {
        boolean local = loopback(host);
        Users users = new Users(store.database());
        if (!local && users.list().isEmpty()) {
            throw new ReviewException("--host " + host + " lets other machines in, so it needs accounts; add one with"
                    + " 'slate user add NAME --role director' first");
        }
        LogMark mark = new LogMark(store.events());
        Access access = new Access(new Sessions(store.database()), users, clock, false, mark);
        EventStream events = new EventStream(store.events());
        Room room = room(editions, store, generators, clock);
        RoomView view = new RoomView(room);
        ReadCache reads = new ReadCache(mark, room.edition(), room.status());
        Api api = new Api(room, access, clock);
        ScenePlans plans = new ScenePlans(room);
        MediaRoute media = new MediaRoute(store.objects(), store.takes());
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_BODY;
            var r = config.routes;
            guards(r, access, mark);
            r.get("/", ctx -> site(ctx, "index.html"));
            r.get("/static/{name}", ctx -> site(ctx, ctx.pathParam("name")));
            r.get("/login", access::loginByLink);
            r.post("/login", ctx -> access.loginByToken(ctx, Api.text(Api.body(ctx), "token")));
            r.post("/api/logout", access::logout);
            r.post("/logout", access::logout); // the first spelling, kept for scripts
            r.get("/api/session", ctx -> ReadCache.send(ctx, access.sessionJson(ctx)));
            r.get("/api/shots", ctx -> reads.answer(ctx, view::shots));
            r.get("/api/shot", ctx -> reads.answer(ctx, () -> view.shot(Optional.ofNullable(ctx.queryParam("id")).orElse(""))));
            r.get("/api/notes", ctx -> reads.answer(ctx, () -> NoteExport.json(new film.slate.store.db.Notes(store.database())
                    .list(Optional.ofNullable(ctx.queryParam("shot")), "true".equals(ctx.queryParam("open"))))));
            r.post("/api/notes", api::addNote);
            r.post("/api/notes/{id}/resolve", api::resolve);
            r.get("/api/decisions", ctx -> reads.answer(ctx, () -> Json.decisions(new film.slate.store.db.Decisions(
                    store.database()).history(Optional.ofNullable(ctx.queryParam("shot"))))));
            r.post("/api/decisions", api::decide);
            FixRoute.register(config, room, access, clock); // fix on a note, the version tree, the diff view
            r.get("/api/events", ctx -> reads.answer(ctx, () -> eventsAfter(events, ctx.queryParam("after"))));
            r.get("/api/plan", ctx -> ctx.contentType("image/svg+xml")
                    .result(plans.svg(Optional.ofNullable(ctx.queryParam("scene")).orElse(""))));
            r.sse("/api/events/stream", events::join);
            r.get("/media/{hash}", media::serve);
            refusals(r);
        });
        try {
            app.start(host, port);
        } catch (JavalinBindException e) {
            events.close();
            throw new ReviewException("port " + port + " on " + host + " is in use; stop what holds it or pick another with"
                    + " --port");
        }
        return new ReviewServer(app, access, events, host);
    }

    /**
     * The room of a production: the edition (a scan of the production's files) and the states (the
     * whole plan against every take) are the costly part of a view, so each is shared by every
     * request for a second, and the states are computed again only when the event log grew or the
     * production changed.
     */
    private static Room room(Supplier<Edition> editions, Store store, Generators generators, Clock clock) {
        Supplier<Edition> edition = new Fresh<>(clock, 1000, editions);
        return new Room(edition, store, new Fresh<>(clock, 1000, new Stamped<>(
                () -> List.of(edition.get().number(), store.events().lastId()), () -> {
                    Edition e = edition.get();
                    return Status.of(BuildPlan.of(e.backend(), e.recipes(), store), store);
                })), generators);
    }

    /** The headers of every response, the session that {@code /api/} and {@code /media/} need, and writes counted. */
    private static void guards(RoutesConfig r, Access access, LogMark mark) {
        r.before(ReviewServer::headers);
        r.before("/api/*", ctx -> access.session(ctx));
        r.before("/media/*", ctx -> access.session(ctx));
        r.after(ctx -> {
            if (!ctx.method().equals(HandlerType.GET) || ctx.path().equals("/login")) {
                mark.moved(); // this write's event is in the log: the next request reads the log again
            }
        });
    }

    /** Every refusal is one sentence as JSON, with the status that says whose fault it is. */
    private static void refusals(RoutesConfig r) {
        r.exception(Refusal.class, (e, ctx) -> ctx.status(e.status()).contentType("application/json")
                .result(Json.error(e.getMessage()).toString()));
        r.exception(ReviewException.class, (e, ctx) -> ctx.status(400).contentType("application/json")
                .result(Json.error(e.getMessage()).toString()));
        r.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).contentType("application/json")
                .result(Json.error(e.getMessage()).toString()));
        r.exception(StoreException.class, (e, ctx) -> ctx.status(503).contentType("application/json")
                .result(Json.error("the store is busy or unreadable; try again").toString()));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode eventsAfter(EventStream events, String after) {
        long from;
        try {
            from = after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new Refusal(400, "after is an event id");
        }
        var root = Json.MAPPER.createObjectNode();
        var list = root.putArray("events");
        List<Event> page = events.after(from, EventStream.PAGE);
        page.forEach(e -> list.add(Json.event(e)));
        if (page.size() == EventStream.PAGE) {
            root.put("more", true); // ask again with after= the last id
        }
        return root;
    }

    private static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/login")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    private static void site(Context ctx, String name) throws IOException {
        String type = SITE.get(name);
        if (type == null) {
            throw Refusal.notFound();
        }
        try (InputStream in = ReviewServer.class.getResourceAsStream("site/" + name)) {
            if (in == null) {
                throw Refusal.notFound();
            }
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    public int port() {
        return app.port();
    }

    /** The address to open; on loopback with a fresh one-time login link for {@code user}. */
    public String address(String user) {
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
        try {
            return loopback(host) ? base + "login?token=" + access.link(user) : base;
        } catch (ReviewException e) {
            return base;
        }
    }

    @Override
    public void close() {
        events.close();
        app.stop();
    }
}
