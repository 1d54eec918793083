package film.slate.core.read;

import film.slate.core.model.Coverage;
import film.slate.core.yaml.Fields;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields that say where and when a right or a delivery holds: {@code territory:} and dates. One
 * reading for rights.yaml and for slate.yaml's {@code delivery:} (read by the delivery module).
 */
public final class CoverageFields {
    private CoverageFields() {
    }

    /** The date under {@code key} (YYYY-MM-DD), or empty; a bad one is an error at its line. */
    public static Optional<LocalDate> date(Fields f, String key) {
        return f.text(key).flatMap(t -> {
            try {
                return Optional.of(LocalDate.parse(t.strip()));
            } catch (DateTimeParseException e) {
                f.invalid(key, "is '" + t + "'; write the date as YYYY-MM-DD");
                return Optional.empty();
            }
        });
    }

    /** {@code territory:}: codes in canonical form, none for worldwide or when absent; a bad code is an error at its line. */
    public static Set<String> territories(Fields f) {
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
}
