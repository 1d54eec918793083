package film.slate.deliver;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.model.Manifest;
import film.slate.core.read.CoverageFields;
import film.slate.core.read.DeliveryChecks;
import film.slate.core.yaml.Fields;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * slate.yaml's {@code delivery:} as the delivery reads it (core reads only its {@code use}):
 * {@code prompts: private} keeps prompts out of delivered provenance; {@code territory} (ISO 3166-1
 * codes, empty for worldwide) and {@code date} are what a delivery is cleared for unless {@code slate
 * conform --territory/--on} say otherwise (an absent date: the day of the delivery); {@code signing}
 * names the studio's certificate chain and the environment variable holding its key (absent: the
 * development CA signs).
 */
public record DeliverySettings(boolean privatePrompts, Set<String> territory, Optional<LocalDate> date,
        Optional<StudioSigning> signing) {
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public DeliverySettings {
        territory = Collections.unmodifiableSortedSet(new TreeSet<>(territory)); // sorted: messages list it in order
    }

    /** Reads {@code manifest}'s {@code delivery:}; each fault goes to {@code d} at its line, a default in its place. */
    public static DeliverySettings read(Manifest manifest, Diagnostics d) {
        Optional<Fields> of = Fields.of(manifest.delivery(), DeliveryChecks.WHAT, d);
        if (of.isEmpty()) {
            return new DeliverySettings(false, Set.of(), Optional.empty(), Optional.empty());
        }
        Fields f = of.get();
        f.node("use"); // core's, checked there
        Optional<String> prompts = f.text("prompts");
        if (prompts.isPresent() && !prompts.get().equals("private") && !prompts.get().equals("public")) {
            f.invalid("prompts", "is '" + prompts.get() + "'; it is private or public");
        }
        Set<String> territory = CoverageFields.territories(f);
        Optional<LocalDate> date = CoverageFields.date(f, "date");
        Optional<StudioSigning> signing = f.node("signing").flatMap(n -> Fields.of(n, "signing of " + DeliveryChecks.WHAT, d))
                .flatMap(DeliverySettings::signing);
        f.finish();
        return new DeliverySettings(prompts.filter("private"::equals).isPresent(), territory, date, signing);
    }

    /**
     * The settings of a production about to be delivered.
     *
     * @throws DeliveryException (cannot run) naming the first fault at its slate.yaml line
     */
    public static DeliverySettings of(Manifest manifest) throws DeliveryException {
        Diagnostics d = new Diagnostics();
        DeliverySettings settings = read(manifest, d);
        Optional<Diagnostic> error = d.sorted().stream().filter(Diagnostic::isError).findFirst();
        if (error.isPresent()) {
            throw new DeliveryException(DeliveryException.Kind.CANNOT_RUN, error.get().position() + ": "
                    + error.get().message());
        }
        return settings;
    }

    private static Optional<StudioSigning> signing(Fields f) {
        Optional<String> certificates = f.requiredText("certificates");
        Optional<String> variable = f.requiredText("key_env");
        variable.filter(v -> !VARIABLE.matcher(v).matches()).ifPresent(v -> f.invalid("key_env", "is '" + v
                + "'; name the environment variable that holds the key (letters, digits and '_'), not the key"));
        if (f.has("key")) {
            f.invalid("key", "would put the signing key in the production; never write it here: export it in an"
                    + " environment variable and name that with key_env");
        }
        f.finish();
        if (certificates.isEmpty() || variable.isEmpty() || !VARIABLE.matcher(variable.get()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new StudioSigning(certificates.get(), variable.get(), f.at("certificates"), f.at("key_env")));
    }
}
