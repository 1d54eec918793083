package film.slate.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The licence of a reference file or of a backend's model. {@code uses} lists what it allows when
 * written; otherwise the uses follow from well-known licence names ({@link #impliedUses}).
 * {@code coverage} is where and from when it applies.
 */
public record Licence(String subject, String licence, Optional<String> credit, Set<Use> uses, Positions where,
        Coverage coverage) {
    public Licence {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(credit, "credit");
        uses = Set.copyOf(uses);
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(coverage, "coverage");
    }

    /** A licence without territory or start date: worldwide, in force from any date. */
    public Licence(String subject, String licence, Optional<String> credit, Set<Use> uses, Positions where) {
        this(subject, licence, credit, uses, where, Coverage.EVERYWHERE);
    }

    public boolean covers(Use use) {
        return (uses.isEmpty() ? impliedUses(licence) : uses).contains(use);
    }

    /**
     * What a licence name allows without an explicit {@code uses}: owned and permissive licences
     * allow everything; non-commercial ones stop short of commercial use; unknown names allow nothing,
     * so an unfamiliar licence must state its uses.
     */
    public static Set<Use> impliedUses(String licence) {
        String l = licence.strip().toLowerCase(Locale.ROOT);
        if (l.contains("-nc") || l.contains("noncommercial") || l.contains("non-commercial")) {
            return Set.of(Use.PERSONAL, Use.FESTIVAL);
        }
        if (l.equals("owned") || l.equals("public-domain") || l.equals("cc0") || l.equals("cc0-1.0")
                || l.startsWith("cc-by") || l.startsWith("apache") || l.equals("mit") || l.startsWith("bsd")
                || l.startsWith("openrail")) {
            return Set.of(Use.PERSONAL, Use.FESTIVAL, Use.COMMERCIAL);
        }
        return Set.of();
    }
}
