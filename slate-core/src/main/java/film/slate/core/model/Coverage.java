package film.slate.core.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where and from when a right applies ({@code territory:} and {@code from:} of a rights.yaml entry):
 * territory codes (ISO 3166-1 alpha-2, upper case; none written means worldwide) and the first day
 * it is in force (none written means it always was).
 */
public record Coverage(Set<String> territories, Optional<LocalDate> from) {
    /** Worldwide, in force from any date: what an entry without the two fields covers. */
    public static final Coverage EVERYWHERE = new Coverage(Set.of(), Optional.empty());
    /** The word that stands for every territory, in rights.yaml and on the command line. */
    public static final String WORLDWIDE = "worldwide";

    public Coverage {
        territories = Collections.unmodifiableSortedSet(new TreeSet<>(territories)); // printed in order
        Objects.requireNonNull(from, "from");
    }

    public boolean worldwide() {
        return territories.isEmpty();
    }

    /**
     * What keeps this right from covering a delivery to {@code delivery} (territory codes, empty for
     * worldwide) on {@code on}, as the end of a sentence, or empty when it covers it.
     */
    public Optional<String> gap(Optional<Set<String>> delivery, LocalDate on) {
        if (from.isPresent() && from.get().isAfter(on)) {
            return Optional.of("is in force only from " + from.get() + ", after the delivery date " + on);
        }
        if (delivery.isEmpty() || worldwide()) {
            return Optional.empty();
        }
        if (delivery.get().isEmpty()) {
            return Optional.of("covers only the territory " + String.join(", ", territories) + ", not a worldwide delivery");
        }
        Set<String> missing = new TreeSet<>(delivery.get());
        missing.removeAll(territories);
        return missing.isEmpty() ? Optional.empty() : Optional.of("covers only the territory "
                + String.join(", ", territories) + ", not " + String.join(", ", missing));
    }

    /** A territory code as written ({@code us}, {@code US}) in its canonical form, or empty if it is not one. */
    public static Optional<String> code(String written) {
        String c = written.strip().toUpperCase(Locale.ROOT);
        return c.matches("[A-Z]{2}") ? Optional.of(c) : Optional.empty();
    }
}
