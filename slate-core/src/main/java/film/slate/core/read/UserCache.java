package film.slate.core.read;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The user's cache folder, where Slate keeps what any production may reuse (unpacked FFmpeg, the
 * SQLite library, plans of folders without a store): {@code $XDG_CACHE_HOME}, or {@code ~/.cache}
 * when it is unset, empty or relative (the XDG base-directory specification: a relative path is
 * invalid and ignored). Tests point it into their build folder, so they never write to a home.
 */
public final class UserCache {
    private UserCache() {
    }

    /** The folder for this process's environment and home; empty when neither names one. */
    public static Optional<Path> folder() {
        return folder(System.getenv(), System.getProperty("user.home"));
    }

    /** The folder for {@code env} and {@code home}; empty when neither names one. */
    public static Optional<Path> folder(Map<String, String> env, String home) {
        String cache = env.getOrDefault("XDG_CACHE_HOME", "");
        if (!cache.isEmpty() && Path.of(cache).isAbsolute()) {
            return Optional.of(Path.of(cache));
        }
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache"));
    }
}
