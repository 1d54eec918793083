package film.slate.core.check;

import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.BackendConfig;
import film.slate.core.model.Bible;
import film.slate.core.model.Character;
import film.slate.core.model.FileRef;
import film.slate.core.model.Licence;
import film.slate.core.model.Likeness;
import film.slate.core.model.Production;
import film.slate.core.model.Use;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether one likeness, reference or model is cleared for a use on a date: what {@code slate check}
 * warns about production-wide and what {@code slate conform} refuses clip by clip.
 */
public final class RightsClearance {
    /**
     * A right that is missing or falls short. {@code at} is where the need arises (the refs, the
     * backend); {@code right} is the rights.yaml entry that falls short, absent when there is none.
     */
    public record Gap(Rule rule, SourcePosition at, Optional<SourcePosition> right, String message) {
    }

    private RightsClearance() {
    }

    /** A character with reference images needs a signed, unexpired consent covering {@code use} on {@code on}. */
    public static Optional<Gap> likeness(Production p, Character c, Use use, LocalDate on) {
        return likeness(p, c, use, Optional.empty(), on);
    }

    /**
     * As {@link #likeness(Production, Character, Use, LocalDate)}, and in force on {@code on} in the
     * delivery's {@code territory} (codes, empty for worldwide; absent: territory not checked).
     */
    public static Optional<Gap> likeness(Production p, Character c, Use use, Optional<Set<String>> territory,
            LocalDate on) {
        if (c.refs().isEmpty()) {
            return Optional.empty();
        }
        Likeness l = p.rights().likeness().get(c.id());
        String problem = l == null ? "has no likeness consent in rights.yaml"
                : !"signed".equalsIgnoreCase(l.consent()) ? "has a likeness consent that is '" + l.consent() + "', not signed"
                : !l.uses().contains(use) ? "has a likeness consent that does not cover " + use.word() + " use"
                : l.expires().filter(e -> !e.isAfter(on)).isPresent() ? "has a likeness consent that expired on "
                        + l.expires().get()
                : l.coverage().gap(territory, on).map(g -> "has a likeness consent that " + g).orElse(null);
        if (problem == null) {
            return Optional.empty();
        }
        return Optional.of(new Gap(Rule.RIGHTS_LIKENESS, c.where().at("refs"),
                Optional.ofNullable(l).map(x -> x.where().self()), c.id() + " has reference images but " + problem
                        + "; add a signed consent covering " + use.word() + " use" + where(territory)
                        + " under 'likeness:' in rights.yaml, or remove the references"));
    }

    /** A reference file needs a licence covering {@code use}. */
    public static Optional<Gap> reference(Production p, FileRef ref, Use use) {
        return reference(p, ref, use, Optional.empty(), LocalDate.MAX);
    }

    /** A reference file needs a licence covering {@code use}, in force on {@code on} in {@code territory}. */
    public static Optional<Gap> reference(Production p, FileRef ref, Use use, Optional<Set<String>> territory,
            LocalDate on) {
        Licence licence = p.rights().refs().get(ref.path());
        Optional<String> problem = problem(licence, use, territory, on, " has no licence in rights.yaml", " is licensed '");
        return problem.map(text -> new Gap(Rule.RIGHTS_REF_LICENCE, ref.position(),
                Optional.ofNullable(licence).map(x -> x.where().self()), "the reference " + ref.path() + text
                        + "; record its licence under 'refs:' in rights.yaml (with 'uses:' if the licence is unusual"
                        + (territory.isPresent() ? ", 'territory:' and 'from:' as it grants them" : "") + ")"));
    }

    /** A backend other than Slate's own previz needs a model licence covering {@code use}. */
    public static Optional<Gap> model(Production p, BackendConfig backend, Use use) {
        return model(p, backend, use, Optional.empty(), LocalDate.MAX);
    }

    /** A backend other than previz needs a model licence covering {@code use}, in force on {@code on} in {@code territory}. */
    public static Optional<Gap> model(Production p, BackendConfig backend, Use use, Optional<Set<String>> territory,
            LocalDate on) {
        if (backend.type().equals("previz")) {
            return Optional.empty(); // Slate's own renderer: nothing licensed in
        }
        Licence licence = p.rights().models().get(backend.name());
        Optional<String> problem = problem(licence, use, territory, on, " has no model licence in rights.yaml",
                " has a model licence '");
        return problem.map(text -> new Gap(Rule.RIGHTS_MODEL_LICENCE, backend.where().self(),
                Optional.ofNullable(licence).map(x -> x.where().self()), "the backend " + backend.name() + text
                        + "; record it under 'models:' in rights.yaml with the uses" + (territory.isPresent()
                                ? ", territory and start date" : "") + " it allows"));
    }

    /** Why {@code licence} falls short (the text after the subject's name), or empty when it covers the delivery. */
    private static Optional<String> problem(Licence licence, Use use, Optional<Set<String>> territory, LocalDate on,
            String none, String named) {
        if (licence == null) {
            return Optional.of(none);
        }
        if (!licence.covers(use)) {
            return Optional.of(named + licence.licence() + "', which does not cover " + use.word() + " use");
        }
        return licence.coverage().gap(territory, on).map(g -> named + licence.licence() + "', which " + g);
    }

    private static String where(Optional<Set<String>> territory) {
        return territory.map(t -> t.isEmpty() ? " worldwide" : " in " + String.join(", ", new TreeSet<>(t))).orElse("");
    }

    /** Every reference file the bible names: characters' (their wardrobes' too), locations' and props'. */
    public static List<FileRef> references(Bible bible) {
        List<FileRef> refs = new ArrayList<>();
        bible.characters().values().forEach(c -> refs.addAll(c.refs()));
        bible.characters().values().forEach(c -> c.wardrobeRefs().values().forEach(refs::addAll));
        bible.locations().values().forEach(l -> refs.addAll(l.refs()));
        bible.props().values().forEach(p -> refs.addAll(p.refs()));
        return refs;
    }
}
