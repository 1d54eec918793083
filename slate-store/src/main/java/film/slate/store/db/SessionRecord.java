package film.slate.store.db;

/** A signed-in browser: who, with which role, the CSRF token its writes carry, and until when. */
public record SessionRecord(String user, Role role, String csrf, long createdAt, long expiresAt) {
}
