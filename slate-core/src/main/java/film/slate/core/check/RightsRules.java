package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Severity;
import film.slate.core.model.BackendConfig;
import film.slate.core.model.Character;
import film.slate.core.model.FileRef;
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
        List<RightsClearance.Gap> gaps = new ArrayList<>();
        for (Character c : p.bible().characters().values()) {
            RightsClearance.likeness(p, c, use, today).ifPresent(gaps::add);
        }
        for (FileRef ref : RightsClearance.references(p.bible())) {
            RightsClearance.reference(p, ref, use).ifPresent(gaps::add);
        }
        for (BackendConfig backend : p.manifest().backends().values()) {
            RightsClearance.model(p, backend, use).ifPresent(gaps::add);
        }
        for (RightsClearance.Gap g : gaps) {
            d.add(new Diagnostic(g.rule(), severity, g.at(), Optional.empty(), g.message()));
        }
    }
}
