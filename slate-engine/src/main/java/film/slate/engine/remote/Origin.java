package film.slate.engine.remote;

import java.net.URI;
import java.util.Locale;

/** The scheme, host and port of a URL: the only place a backend's credentials may go. */
public record Origin(String scheme, String host, int port) {
    public static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return new Origin(scheme, host, port);
    }

    public boolean matches(URI uri) {
        return !host.isEmpty() && equals(of(uri));
    }
}
