package film.slate.engine.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP/1.1 client whose deadline covers the whole exchange, body included, so a server that
 * sends headers and then stalls cannot hold a render forever. Transport failures come out as
 * {@link Unreachable}; every HTTP status comes back as a {@link Reply}. Redirects of a GET are
 * followed by hand, without any header the caller set: credentials never follow a redirect.
 */
public final class Http {
    private static final java.util.Set<Integer> REDIRECTS = java.util.Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;
    private final HttpClient client;
    private final Duration timeout;

    public Http(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Duration timeout() {
        return timeout;
    }

    /** Sends {@code request} and reads the whole answer within the deadline. */
    public Reply send(HttpRequest request) throws Unreachable, InterruptedException {
        return send(request, timeout);
    }

    public Reply send(HttpRequest request, Duration deadline) throws Unreachable, InterruptedException {
        Reply r = once(request, deadline);
        HttpRequest at = request;
        for (int hop = 0; hop < MAX_REDIRECTS && REDIRECTS.contains(r.status()) && at.method().equals("GET"); hop++) {
            var location = r.headers().firstValue("Location");
            if (location.isEmpty()) {
                break;
            }
            URI next;
            try {
                next = at.uri().resolve(location.get());
            } catch (IllegalArgumentException e) {
                break;
            }
            if (next.getScheme() == null || !next.getScheme().startsWith("http")
                    || at.uri().getScheme().equals("https") && !next.getScheme().equals("https")) {
                break; // never down from https, never to another protocol
            }
            at = HttpRequest.newBuilder(next).GET().build();
            r = once(at, deadline);
        }
        return r;
    }

    private Reply once(HttpRequest request, Duration deadline) throws Unreachable, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> r = f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new Unreachable("no complete answer within " + seconds(deadline), true, null);
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw classify(e.getCause());
        }
    }

    private static Unreachable classify(Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return new Unreachable("the connection timed out", false, t);
        }
        if (t instanceof ConnectException || t instanceof ClosedChannelException && t.getMessage() == null) {
            return new Unreachable("the connection was refused", false, t);
        }
        if (t instanceof IOException) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            return new Unreachable("the connection broke (" + m + ")", true, t);
        }
        return new Unreachable("the request failed (" + t + ")", true, t);
    }

    /** A websocket to {@code uri} (ws:// or wss://), opened within this client's timeout. */
    public java.util.concurrent.CompletableFuture<java.net.http.WebSocket> webSocket(URI uri,
            java.net.http.WebSocket.Listener listener) {
        // a client of its own: the socket is a connection of its own, never one of the request pool's
        return HttpClient.newBuilder().connectTimeout(timeout).build().newWebSocketBuilder().connectTimeout(timeout)
                .buildAsync(uri, listener);
    }

    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
