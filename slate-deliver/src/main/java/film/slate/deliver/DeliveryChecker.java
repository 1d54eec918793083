package film.slate.deliver;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.model.Manifest;
import film.slate.core.read.DeliveryChecks;
import film.slate.core.read.SettingsFiles;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@code slate check}'s view of slate.yaml's {@code delivery:} beyond the use: its fields on every
 * read, and the studio's signing as conform would judge it on the delivery date (else today) when
 * the production is checked. Found by core through {@code META-INF/services}.
 */
public final class DeliveryChecker implements DeliveryChecks {
    @Override
    public void check(Manifest manifest, SettingsFiles files, Diagnostics d) {
        DeliverySettings.read(manifest, d);
    }

    @Override
    public void checkSigner(Manifest manifest, SettingsFiles files, Diagnostics d) {
        DeliverySettings settings = DeliverySettings.read(manifest, new Diagnostics()); // its field faults: check's
        settings.signing().ifPresent(s -> s.check(files, System.getenv(),
                settings.date().orElseGet(() -> LocalDate.now(ZoneOffset.UTC)), d));
    }
}
