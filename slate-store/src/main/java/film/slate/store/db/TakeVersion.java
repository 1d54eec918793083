package film.slate.store.db;

/** One version of one take of a shot: what notes and decisions are about. */
public record TakeVersion(String shot, int take, int version) {
    public TakeVersion {
        if (take < 1 || version < 1) {
            throw new IllegalArgumentException("takes and versions count from 1");
        }
    }

    /** {@code 1/1A#2 v3}: how the event log names it. */
    public String label() {
        return shot + "#" + take + " v" + version;
    }
}
