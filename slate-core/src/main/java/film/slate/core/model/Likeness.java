package film.slate.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A performer's consent to the use of their likeness for a character. */
public record Likeness(String character, String holder, String consent, Set<Use> uses, Optional<LocalDate> expires,
        Optional<FileRef> document, Positions where) {
    public Likeness {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(consent, "consent");
        uses = Set.copyOf(uses);
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(where, "where");
    }
}
