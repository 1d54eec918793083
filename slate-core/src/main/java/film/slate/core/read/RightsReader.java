package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.model.Coverage;
import film.slate.core.model.FileRef;
import film.slate.core.model.Licence;
import film.slate.core.model.Likeness;
import film.slate.core.model.Rights;
import film.slate.core.model.Use;
import film.slate.core.yaml.Fields;
import film.slate.core.yaml.YamlMapping;
import film.slate.core.yaml.YamlNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** rights.yaml into {@link Rights}. */
final class RightsReader {
    static final String FILE = "rights.yaml";

    private final ProductionFiles files;
    private final Diagnostics d;

    RightsReader(ProductionFiles files, Diagnostics d) {
        this.files = files;
        this.d = d;
    }

    Rights read(YamlNode root) {
        Optional<Fields> of = Fields.of(root, FILE, d);
        if (of.isEmpty()) {
            return Rights.NONE;
        }
        Fields f = of.get();
        Map<String, Likeness> likeness = new LinkedHashMap<>();
        each(f, "likeness", (key, lf) -> {
            String holder = lf.requiredText("holder").orElse("");
            String consent = lf.requiredText("consent").orElse("");
            Set<Use> uses = uses(lf);
            Optional<LocalDate> expires = date(lf, "expires");
            Optional<FileRef> document = lf.text("document")
                    .flatMap(p -> files.resolve(FILE, p, lf.at("document"), true, d));
            Coverage coverage = coverage(lf);
            lf.finish();
            likeness.put(key, new Likeness(key, holder, consent, uses, expires, document, Values.positions(lf.mapping()),
                    coverage));
        });
        Map<String, Licence> refs = new LinkedHashMap<>();
        each(f, "refs", (key, rf) -> {
            refs.put(files.resolve(FILE, key, rf.mapping().position(), true, d).map(FileRef::path).orElse(key),
                    licence(key, rf));
        });
        Map<String, Licence> models = new LinkedHashMap<>();
        each(f, "models", (key, mf) -> models.put(key, licence(key, mf)));
        f.finish();
        return new Rights(likeness, refs, models);
    }

    private Licence licence(String subject, Fields f) {
        String licence = f.requiredText("licence").orElse("");
        Optional<String> credit = f.text("credit");
        Set<Use> uses = uses(f);
        Coverage coverage = coverage(f);
        f.finish();
        return new Licence(subject, licence, credit, uses, Values.positions(f.mapping()), coverage);
    }

    /** The date under {@code key} (YYYY-MM-DD), or empty; a bad one is an error at its line. */
    static Optional<LocalDate> date(Fields f, String key) {
        return f.text(key).flatMap(t -> {
            try {
                return Optional.of(LocalDate.parse(t.strip()));
            } catch (DateTimeParseException e) {
                f.invalid(key, "is '" + t + "'; write the date as YYYY-MM-DD");
                return Optional.empty();
            }
        });
    }

    /** {@code territory:} (a code, a list of codes, or worldwide) and {@code from:} (a date). */
    private static Coverage coverage(Fields f) {
        return new Coverage(territories(f), date(f, "from"));
    }

    /** {@code territory:}: codes in canonical form, none for worldwide or when absent; a bad code is an error at its line. */
    static Set<String> territories(Fields f) {
        Set<String> territories = new TreeSet<>();
        boolean worldwide = false;
        for (String t : f.textList("territory")) {
            if (t.strip().equalsIgnoreCase(Coverage.WORLDWIDE)) {
                worldwide = true;
            } else {
                Coverage.code(t).ifPresentOrElse(territories::add, () -> f.invalid("territory", "names '" + t
                        + "'; write ISO 3166-1 two-letter codes such as US or FR, or worldwide"));
            }
        }
        return worldwide ? Set.of() : territories;
    }

    private Set<Use> uses(Fields f) {
        Set<Use> uses = EnumSet.noneOf(Use.class);
        for (String u : f.textList("uses")) {
            Use.parse(u).ifPresentOrElse(uses::add,
                    () -> f.invalid("uses", "names '" + u + "'; a use is personal, festival or commercial"));
        }
        return uses;
    }

    private interface EntryReader {
        void read(String key, Fields fields);
    }

    private void each(Fields f, String key, EntryReader reader) {
        f.node(key).flatMap(n -> Values.idMapping(n, "'" + key + "' of " + FILE, d)).ifPresent(m -> {
            for (YamlMapping.Entry e : m.entries()) {
                Fields.of(e.value(), key + " " + e.key(), d).ifPresent(ef -> reader.read(e.key(), ef));
            }
        });
    }
}
