package film.slate.store.db;

/** A review account: its name and role (its token's hash stays in the database). */
public record UserRecord(String name, Role role, long createdAt) {
}
