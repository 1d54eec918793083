package film.slate.store.db;

import java.util.Arrays;
import java.util.Optional;

/** What a review account may do: viewers read, editors also note, directors also decide. */
public enum Role {
    VIEWER, EDITOR, DIRECTOR;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean mayNote() {
        return this != VIEWER;
    }

    public boolean mayDecide() {
        return this == DIRECTOR;
    }

    public static Optional<Role> of(String word) {
        return Arrays.stream(values()).filter(r -> r.word().equals(word)).findFirst();
    }
}
