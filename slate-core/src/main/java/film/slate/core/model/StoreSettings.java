package film.slate.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * slate.yaml's {@code store:}: where the production's database and objects live. Absent fields
 * mean the default, SQLite and objects in the production's own store folder. The database
 * password is never a field: {@code passwordEnv} names the environment variable that holds it.
 */
public record StoreSettings(Optional<String> database, Optional<String> user, Optional<String> passwordEnv,
        Optional<String> objects, Positions where) {
    /** The environment variable read for the password when {@code password_env} names none. */
    public static final String DEFAULT_PASSWORD_ENV = "SLATE_DB_PASSWORD";

    public StoreSettings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordEnv, "passwordEnv");
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(where, "where");
    }

    /** No {@code store:} written: the embedded default. */
    public static StoreSettings embedded(Positions where) {
        return new StoreSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), where);
    }
}
