package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
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

/**
 * Rights against the declared use: likeness consents for characters with references, licences
 * for reference files and for generator models. Warnings at check, errors at delivery.
 */
final class RightsRules implements CheckRule {

    @Override
    public void check(Scene scene, Diagnostics d) {
        Production p = scene.production();
        Use use = p.manifest().use();
        Severity severity = scene.strictness() == Strictness.DELIVERY ? Severity.ERROR : Severity.WARNING;
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        for (Character c : p.bible().characters().values()) {
            if (c.refs().isEmpty()) {
                continue;
            }
            Likeness l = p.rights().likeness().get(c.id());
            String problem = l == null ? "has no likeness consent in rights.yaml"
                    : !"signed".equalsIgnoreCase(l.consent()) ? "has a likeness consent that is '" + l.consent() + "', not signed"
                    : !l.uses().contains(use) ? "has a likeness consent that does not cover " + use.word() + " use"
                    : l.expires().filter(e -> !e.isAfter(today)).isPresent() ? "has a likeness consent that expired on "
                            + l.expires().get() : null;
            if (problem != null) {
                d.add(new Diagnostic(Rule.RIGHTS_LIKENESS, severity, c.where().at("refs"), Optional.empty(), c.id()
                        + " has reference images but " + problem + "; add a signed consent covering " + use.word()
                        + " under 'likeness:' in rights.yaml, or remove the references"));
            }
        }
        for (FileRef ref : references(p.bible())) {
            Licence licence = p.rights().refs().get(ref.path());
            if (licence == null || !licence.covers(use)) {
                d.add(new Diagnostic(Rule.RIGHTS_REF_LICENCE, severity, ref.position(), Optional.empty(), "the reference "
                        + ref.path() + (licence == null ? " has no licence in rights.yaml"
                                : " is licensed '" + licence.licence() + "', which does not cover " + use.word() + " use")
                        + "; record its licence under 'refs:' in rights.yaml (with 'uses:' if the licence is unusual)"));
            }
        }
        for (BackendConfig backend : p.manifest().backends().values()) {
            if (backend.type().equals("previz")) {
                continue; // Slate's own renderer: nothing licensed in
            }
            Licence licence = p.rights().models().get(backend.name());
            if (licence == null || !licence.covers(use)) {
                SourcePosition at = backend.where().self();
                d.add(new Diagnostic(Rule.RIGHTS_MODEL_LICENCE, severity, at, Optional.empty(), "the backend "
                        + backend.name() + (licence == null ? " has no model licence in rights.yaml"
                                : " has a model licence '" + licence.licence() + "' that does not cover " + use.word() + " use")
                        + "; record it under 'models:' in rights.yaml with the uses it allows"));
            }
        }
    }

    private static List<FileRef> references(Bible bible) {
        List<FileRef> refs = new ArrayList<>();
        bible.characters().values().forEach(c -> refs.addAll(c.refs()));
        bible.locations().values().forEach(l -> refs.addAll(l.refs()));
        bible.props().values().forEach(p -> refs.addAll(p.refs()));
        return refs;
    }
}
