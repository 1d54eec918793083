package film.slate.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A performer's consent to the use of their likeness for a character, in a territory from a date. */
public record Likeness(String character, String holder, String consent, Set<Use> uses, Optional<LocalDate> expires,
        Optional<FileRef> document, Positions where, Coverage coverage) {
    public Likeness {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(consent, "consent");
        uses = Set.copyOf(uses);
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(coverage, "coverage");
    }

    /** A consent without territory or start date: worldwide, in force from any date. */
    public Likeness(String character, String holder, String consent, Set<Use> uses, Optional<LocalDate> expires,
            Optional<FileRef> document, Positions where) {
        this(character, holder, consent, uses, expires, document, where, Coverage.EVERYWHERE);
    }
}
