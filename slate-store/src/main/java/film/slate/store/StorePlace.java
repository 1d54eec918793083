package film.slate.store;

import film.slate.core.model.StoreSettings;
import film.slate.core.read.StoreSettingsReader;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a production's store lives, from slate.yaml's {@code store:} and the environment: the
 * SQLite file in the production's store folder unless a PostgreSQL database is named; the objects
 * in that folder unless another is named. The environment wins over slate.yaml, so that a machine
 * that mounts the shared folder elsewhere, or a test, can say so without editing the production.
 *
 * @param database the PostgreSQL server, or empty for SQLite
 * @param objects the folder of the content-addressed objects
 */
public record StorePlace(Optional<Server> database, Path objects) {
    /** Overrides {@code store: database}: {@code postgresql://[USER@]HOST[:PORT]/DB}. */
    public static final String URL_ENV = "SLATE_STORE_URL";
    /** Overrides {@code store: objects}: the same shared folder, where this machine mounts it. */
    public static final String OBJECTS_ENV = "SLATE_OBJECTS";

    private static final Pattern ENV_URL = Pattern.compile("postgresql://(?:([A-Za-z0-9_.-]+)@)?(.+)");

    /**
     * A PostgreSQL server and the credentials to use it. The password is held only in memory,
     * read from the environment; {@link #toString()} leaves it out.
     */
    public record Server(String url, Optional<String> user, Optional<String> password) {
        @Override
        public String toString() {
            return url + user.map(u -> " as " + u).orElse("");
        }
    }

    /** The place of the store of {@code production}, given this process's {@code environment}. */
    public static StorePlace of(Path production, Map<String, String> environment) throws IOException {
        StoreSettings settings = StoreSettingsReader.read(production);
        Optional<Server> server = Optional.ofNullable(environment.get(URL_ENV)).filter(u -> !u.isBlank())
                .map(u -> fromEnvironment(u, settings, environment));
        if (server.isEmpty()) {
            server = settings.database().map(url -> new Server(url, settings.user(), password(settings, environment)));
        }
        String objects = Optional.ofNullable(environment.get(OBJECTS_ENV)).filter(o -> !o.isBlank())
                .or(settings::objects).orElse(null);
        Path folder;
        try {
            folder = objects == null ? production.resolve(Store.FOLDER).resolve("objects")
                    : production.resolve(objects).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IOException("the objects folder '" + objects + "' is not a valid path; correct " + OBJECTS_ENV
                    + " or 'objects' under 'store:' in slate.yaml", e);
        }
        if (server.isPresent() && !StoreSettingsReader.DATABASE.matcher(server.get().url()).matches()) {
            // Never echo the value: a mistyped URL may carry a password.
            throw new IOException(URL_ENV + " is not postgresql://[USER@]HOST[:PORT]/DB; correct it (the password"
                    + " comes from " + StoreSettings.DEFAULT_PASSWORD_ENV + " or the variable that slate.yaml's"
                    + " 'password_env' names, never from the URL)");
        }
        return new StorePlace(server, folder);
    }

    private static Server fromEnvironment(String url, StoreSettings settings, Map<String, String> environment) {
        Matcher m = ENV_URL.matcher(url);
        String plain = m.matches() ? "postgresql://" + m.group(2) : url;
        Optional<String> user = m.matches() ? Optional.ofNullable(m.group(1)).or(settings::user) : settings.user();
        return new Server(plain, user, password(settings, environment));
    }

    private static Optional<String> password(StoreSettings settings, Map<String, String> environment) {
        return Optional.ofNullable(environment.get(settings.passwordEnv().orElse(StoreSettings.DEFAULT_PASSWORD_ENV)));
    }
}
