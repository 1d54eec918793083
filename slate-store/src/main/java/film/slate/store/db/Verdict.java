package film.slate.store.db;

import java.util.Arrays;
import java.util.Optional;

/** What a reviewer decided about a take version. */
public enum Verdict {
    APPROVED("approved"), REJECTED("rejected"), NEEDS_FIX("needs-fix");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    /** The word stored, logged and shown. */
    public String word() {
        return word;
    }

    public static Optional<Verdict> of(String word) {
        return Arrays.stream(values()).filter(v -> v.word.equals(word)).findFirst();
    }
}
