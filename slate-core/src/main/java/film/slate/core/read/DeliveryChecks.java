package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.model.Manifest;
import film.slate.core.model.Production;
import java.util.ServiceLoader;

/**
 * Checks slate.yaml's {@code delivery:} beyond the use, which core reads for the rights rules.
 * Whoever delivers (the delivery module) implements this and registers it in
 * {@code META-INF/services/film.slate.core.read.DeliveryChecks}, so its settings stay its own; with
 * none on the class path, core checks only the use.
 */
public interface DeliveryChecks {
    /** How findings name the mapping: {@code 'territory' of delivery of slate.yaml ...}. */
    String WHAT = "delivery of " + ManifestReader.FILE;

    /**
     * Reports, at their lines in slate.yaml, what is wrong with the fields of {@code
     * manifest.delivery()}: on every read, so it reads no file beyond slate.yaml.
     */
    void check(Manifest manifest, SettingsFiles files, Diagnostics d);

    /**
     * Reports what a delivery would refuse about its signer (the studio's chain and key, on the
     * delivery's date). Only {@code slate check} asks: a build, a status or a farm worker never needs
     * the signer, and a lapsed certificate must not stop them.
     */
    void checkSigner(Manifest manifest, SettingsFiles files, Diagnostics d);

    /** {@link #checkSigner} of the delivery module on the class path, if any, for {@code production}. */
    static void signer(Production production, Diagnostics d) {
        ServiceLoader.load(DeliveryChecks.class).findFirst().ifPresent(c -> c.checkSigner(production.manifest(),
                new SettingsFiles(new ProductionFiles(production.root())), d));
    }
}
