package film.slate.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The JSON answers of the read routes, kept per path and query while nothing they show can have
 * changed: the event log's mark (notes, verdicts, renders), the production's edition and the
 * takes' states. A hundred reviewers reloading the overview then cost one view and a query each.
 */
final class ReadCache {
    /** More distinct queries than this and the cache starts over (queries are the client's to choose). */
    static final int MOST = 2_000;

    private record Answer(List<Object> stamp, byte[] body) {
    }

    private final LogMark mark;
    private final Supplier<Edition> edition;
    private final Supplier<?> status;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    ReadCache(LogMark mark, Supplier<Edition> edition, Supplier<?> status) {
        this.mark = mark;
        this.edition = edition;
        this.status = status;
    }

    /** Answers {@code ctx} with the JSON {@code view} makes, made again only when its inputs changed. */
    void answer(Context ctx, Supplier<JsonNode> view) {
        String key = ctx.path() + "?" + Objects.requireNonNullElse(ctx.queryString(), "");
        List<Object> stamp = List.of(mark.of(ctx), edition.get().number(), status.get());
        Answer known = answers.get(key);
        byte[] body;
        if (known != null && known.stamp().equals(stamp)) {
            body = known.body();
        } else {
            body = view.get().toString().getBytes(StandardCharsets.UTF_8);
            if (answers.size() >= MOST) {
                answers.clear();
            }
            answers.put(key, new Answer(stamp, body));
        }
        send(ctx, body);
    }

    /**
     * Writes a JSON body straight to the response with its length: Javalin's result stream would
     * copy it through a fresh buffer on every request, which was a fifth of a cached answer's time.
     */
    static void send(Context ctx, byte[] body) {
        HttpServletResponse res = ctx.res();
        res.setContentType("application/json");
        res.setContentLength(body.length);
        try {
            res.getOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the reviewer's connection closed", e);
        }
    }
}
