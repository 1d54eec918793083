package film.slate.core.recipe;

import film.slate.core.model.BackendConfig;
import film.slate.core.yaml.YamlMapping;
import film.slate.core.yaml.YamlNode;
import film.slate.core.yaml.YamlScalar;
import film.slate.core.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bind key that names a reference image (FORMAT.md, bind keys): {@code reference.<CHARACTER>},
 * {@code reference.<n>}, {@code location_reference}, {@code prop_reference.<PROP>}; and the list
 * binds that stand for several of them ({@code references: [ptr, ...]} is {@code reference.1},
 * {@code reference.2}, ...). The older {@code reference} (first subject's first reference) is not one.
 */
public sealed interface ReferenceKey {
    /** The key as slate.yaml writes it. */
    String key();

    /** The references of a character, as worn at the shot. */
    record OfCharacter(String key, String character) implements ReferenceKey {
    }

    /** The references of the n-th subject (1-based) in the shot's order of subjects. */
    record OfSubject(String key, int n) implements ReferenceKey {
    }

    /** The references of the scene's location. */
    record OfLocation(String key) implements ReferenceKey {
    }

    /** The references of a prop. */
    record OfProp(String key, String prop) implements ReferenceKey {
    }

    /** The older key: the first reference of the first subject, kept as it was. */
    String FIRST_SUBJECT = "reference";
    /** List binds: a list key and the key family its items stand for, item i being {@code <prefix><i>}. */
    Map<String, String> LISTS = Map.of("references", "reference.");

    Pattern CHARACTER = Pattern.compile("reference\\.(.+)");
    Pattern PROP = Pattern.compile("prop_reference\\.(.+)");
    Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,2}");

    /** The reference a key names, when it is one of this family. */
    static Optional<ReferenceKey> parse(String key) {
        if (key.equals("location_reference")) {
            return Optional.of(new OfLocation(key));
        }
        Matcher m = PROP.matcher(key);
        if (m.matches()) {
            return Optional.of(new OfProp(key, m.group(1)));
        }
        m = CHARACTER.matcher(key);
        if (m.matches()) {
            String name = m.group(1);
            return Optional.of(NUMBER.matcher(name).matches() ? new OfSubject(key, Integer.parseInt(name))
                    : new OfCharacter(key, name));
        }
        return Optional.empty();
    }

    /** The item keys of a list bind of {@code count} pointers. */
    static List<String> items(String listKey, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(LISTS.get(listKey) + i);
        }
        return out;
    }

    /**
     * Every conditioning key a backend's settings name, as slate.yaml writes them: the keys of
     * {@code bind} (list binds as their items) and the items of {@code inputs}. What a backend binds
     * decides what its recipes hash: a reference it does not bind is not in its recipes.
     */
    static Set<String> boundBy(BackendConfig backend) {
        Set<String> out = new LinkedHashSet<>();
        backend.settings().get("bind").ifPresent(n -> {
            if (n instanceof YamlMapping m) {
                for (YamlMapping.Entry e : m.entries()) {
                    if (LISTS.containsKey(e.key()) && e.value() instanceof YamlSequence s) {
                        out.addAll(items(e.key(), s.items().size()));
                    } else {
                        out.add(e.key());
                    }
                }
            }
        });
        backend.settings().get("inputs").ifPresent(n -> {
            if (n instanceof YamlSequence s) {
                for (YamlNode item : s.items()) {
                    if (item instanceof YamlScalar sc) {
                        out.add(sc.text());
                    }
                }
            }
        });
        return out;
    }
}
