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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
            Optional<LocalDate> expires = CoverageFields.date(lf, "expires");
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

    /** {@code territory:} (a code, a list of codes, or worldwide) and {@code from:} (a date). */
    private static Coverage coverage(Fields f) {
        return new Coverage(CoverageFields.territories(f), CoverageFields.date(f, "from"));
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
