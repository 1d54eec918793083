package film.slate.review;

import film.slate.store.db.Role;
import film.slate.store.db.SessionRecord;
import film.slate.store.db.Sessions;
import film.slate.store.db.TokenHash;
import film.slate.store.db.Users;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may do what: one-time login links (loopback only), account tokens, sessions in a cookie
 * that scripts cannot read (HttpOnly, SameSite=Strict), a CSRF token on every write, and roles.
 */
final class Access {
    static final String COOKIE = "slate_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final long SESSION_MILLIS = 12L * 3600 * 1000;

    private final Sessions sessions;
    private final Users users;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final boolean secureCookie;
    private static final String SESSION_ATTRIBUTE = "slate.session";
    /** One-time login links: the token's hash, to the name it signs in. */
    private final Map<String, String> links = new ConcurrentHashMap<>();
    private final LogMark mark;
    /** Sessions by cookie as found at a mark of the event log: a removed account appends an event. */
    private final Map<String, Known> found = new ConcurrentHashMap<>();

    /** A session as found at a mark, with the JSON {@code GET /api/session} answers for it. */
    private record Known(long mark, SessionRecord session, byte[] json) {
    }

    Access(Sessions sessions, Users users, Clock clock, boolean secureCookie, LogMark mark) {
        this.mark = mark;
        this.sessions = sessions;
        this.users = users;
        this.clock = clock;
        this.throttle = new LoginThrottle(clock, 5, 60_000);
        this.secureCookie = secureCookie;
    }

    /** A new one-time link token that signs {@code user} in as a director (for the person who started the server). */
    String link(String user) {
        String token = TokenHash.random(32);
        links.put(TokenHash.fast(token), user);
        return token;
    }

    /** {@code GET /login?token=}: a one-time link; the token is spent whether or not it was right. */
    void loginByLink(Context ctx) {
        String client = ctx.ip();
        slowed(client);
        String user = Optional.ofNullable(ctx.queryParam("token")).map(t -> links.remove(TokenHash.fast(t))).orElse(null);
        if (user == null) {
            throttle.failed(client);
            throw new Refusal(401, "this login link is unknown or was used already; start 'slate review' again for a new one");
        }
        throttle.succeeded(client);
        open(ctx, user, Role.DIRECTOR, "link");
        ctx.redirect("/");
    }

    /** {@code POST /login} with {@code {"token":"NAME.SECRET"}} from {@code slate user add}. */
    void loginByToken(Context ctx, String token) {
        String client = ctx.ip();
        slowed(client);
        var user = users.authenticate(token);
        if (user.isEmpty()) {
            throttle.failed(client);
            throw new Refusal(401, "that token signs nobody in; ask for one made with 'slate user add'");
        }
        throttle.succeeded(client);
        SessionRecord s = open(ctx, user.get().name(), user.get().role(), "token");
        ctx.contentType("application/json").result(Json.session(s).toString());
    }

    private void slowed(String client) {
        long wait = throttle.wait(client);
        if (wait > 0) {
            throw new Refusal(429, "too many failed logins from here; wait " + (wait + 999) / 1000 + " s");
        }
    }

    private SessionRecord open(Context ctx, String user, Role role, String how) {
        Sessions.Opened o = sessions.open(user, role, clock.millis(), SESSION_MILLIS, how);
        Cookie c = new Cookie(COOKIE, o.cookie(), "/", (int) (SESSION_MILLIS / 1000), secureCookie, true, null,
                SameSite.STRICT);
        c.setHttpOnly(true);
        c.setSameSite(SameSite.STRICT);
        c.setPath("/");
        c.setSecure(secureCookie);
        c.setMaxAge((int) (SESSION_MILLIS / 1000));
        ctx.cookie(c);
        return o.session();
    }

    /**
     * {@code POST /api/logout} (and {@code POST /logout}): any role may sign itself out, with its
     * CSRF token (else a page elsewhere could sign a reviewer out); the session is deleted with a
     * {@code logged-out} event, which also moves the log's mark past every answer known for it.
     */
    void logout(Context ctx) {
        signed(ctx);
        String cookie = ctx.cookie(COOKIE);
        found.remove(cookie);
        sessions.close(cookie);
        ctx.removeCookie(COOKIE, "/");
        ctx.status(204);
    }

    /** The request's session, or 401; looked up once per request (the guard and the route share it). */
    SessionRecord session(Context ctx) {
        return known(ctx).session();
    }

    /** {@code GET /api/session}: the user, role and CSRF token of the request's session, as JSON bytes. */
    byte[] sessionJson(Context ctx) {
        return known(ctx).json();
    }

    private Known known(Context ctx) {
        Known attached = ctx.attribute(SESSION_ATTRIBUTE);
        if (attached != null) {
            return attached;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie == null || cookie.length() > 100) {
            throw new Refusal(401, "sign in first");
        }
        long now = clock.millis();
        long at = mark.of(ctx);
        Known k = found.get(cookie);
        if (k == null || k.mark() != at || k.session().expiresAt() <= now) {
            SessionRecord s = sessions.find(cookie, now).orElseThrow(() -> new Refusal(401, "the session has ended; sign in again"));
            if (found.size() >= ReadCache.MOST) {
                found.clear();
            }
            k = new Known(at, s, Json.session(s).toString().getBytes(StandardCharsets.UTF_8));
            found.put(cookie, k); // nothing logged since it was found: still the same session
        }
        ctx.attribute(SESSION_ATTRIBUTE, k);
        return k;
    }

    /** A write: the session, its CSRF token in the header, and a role that may do it; else 401 or 403. */
    SessionRecord write(Context ctx, boolean decides) {
        SessionRecord s = signed(ctx);
        if (decides ? !s.role().mayDecide() : !s.role().mayNote()) {
            throw new Refusal(403, "a " + s.role().word() + " may not " + (decides ? "decide on takes" : "write notes"));
        }
        return s;
    }

    /** The session of a state-changing request, which must carry its CSRF token in the header; else 401 or 403. */
    private SessionRecord signed(Context ctx) {
        SessionRecord s = session(ctx);
        String csrf = ctx.header(CSRF_HEADER);
        if (csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                s.csrf().getBytes(StandardCharsets.UTF_8))) {
            throw new Refusal(403, "the request lacks this session's CSRF token (header " + CSRF_HEADER + ")");
        }
        return s;
    }
}
