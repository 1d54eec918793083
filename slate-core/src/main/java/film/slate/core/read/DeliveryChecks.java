package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.model.Manifest;

/**
 * Checks slate.yaml's {@code delivery:} beyond the use, which core reads for the rights rules.
 * Whoever delivers (the delivery module) implements this and registers it in
 * {@code META-INF/services/film.slate.core.read.DeliveryChecks}, so its settings stay its own; with
 * none on the class path, core checks only the use.
 */
public interface DeliveryChecks {
    /** How findings name the mapping: {@code 'territory' of delivery of slate.yaml ...}. */
    String WHAT = "delivery of " + ManifestReader.FILE;

    /** Reports, at their lines in slate.yaml, what is wrong with {@code manifest.delivery()}. */
    void check(Manifest manifest, SettingsFiles files, Diagnostics d);
}
