package film.slate.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A camera written by what it is for rather than where it stands: {@code {single: ELSIE}},
 * {@code {ots: [JONAH, ELSIE]}} (over Jonah's shoulder onto Elsie), {@code {two: [A, B]}},
 * {@code {insert: WATCH}}, {@code {master: true}}. {@code names} are the characters (or the prop of
 * an insert) in the order written; a solve step after reading places the camera, and the shot's
 * {@link Camera} then holds the solved position with this intent beside it.
 */
public record CameraIntent(Kind kind, List<String> names, Positions where) {
    public enum Kind {
        SINGLE, OTS, TWO, INSERT, MASTER;

        /** The key it is written under. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CameraIntent {
        Objects.requireNonNull(kind, "kind");
        names = List.copyOf(names);
        Objects.requireNonNull(where, "where");
    }

    /** The one framed: the single's, the insert's prop, the far one of an over-the-shoulder. */
    public String subject() {
        return kind == Kind.OTS ? names.get(1) : names.isEmpty() ? "" : names.get(0);
    }

    /** As written: {@code ots: [JONAH, ELSIE]}. */
    @Override
    public String toString() {
        return switch (kind) {
            case MASTER -> "master: true";
            case SINGLE, INSERT -> kind.key() + ": " + names.get(0);
            case OTS, TWO -> kind.key() + ": [" + String.join(", ", names) + "]";
        };
    }
}
