package film.slate.core.yaml;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads the fields of one mapping against its schema, reporting each fault as {@code schema/field}
 * with the field's position. Every field read is remembered, so {@link #finish()} can name the
 * fields nobody asked for (a typo such as {@code duraton}) with the nearest known name.
 */
public final class Fields {
    private final YamlMapping mapping;
    private final String what;
    private final Diagnostics diagnostics;
    private final Set<String> known;

    private Fields(YamlMapping mapping, String what, Diagnostics diagnostics, Set<String> known) {
        this.mapping = mapping;
        this.what = what;
        this.diagnostics = diagnostics;
        this.known = known;
    }

    /**
     * The same fields under a better name, once a field such as {@code id} says what they belong
     * to; fields read so far stay known.
     */
    public Fields named(String newWhat) {
        return new Fields(mapping, newWhat, diagnostics, known);
    }

    /** The fields of {@code node}, or empty (with a diagnostic) when it is not a mapping. */
    public static Optional<Fields> of(YamlNode node, String what, Diagnostics diagnostics) {
        if (node instanceof YamlMapping m) {
            return Optional.of(new Fields(m, what, diagnostics, new LinkedHashSet<>()));
        }
        diagnostics.add(Rule.SCHEMA_FIELD, node.position(), what + " should be a mapping of fields, not "
                + node.describe() + "; write it as 'key: value' lines");
        return Optional.empty();
    }

    public YamlMapping mapping() {
        return mapping;
    }

    /** What these fields belong to, as messages name it ("shot 1/1A"). */
    public String what() {
        return what;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Where the value of {@code key} stands, or the mapping itself when the key is absent. */
    public SourcePosition at(String key) {
        return mapping.get(key).map(YamlNode::position).orElse(mapping.position());
    }

    /** The raw value of a field; marks it as known. Null values count as absent. */
    public Optional<YamlNode> node(String key) {
        known.add(key);
        return mapping.get(key).filter(n -> !(n instanceof YamlScalar s && s.isNull()));
    }

    public boolean has(String key) {
        known.add(key);
        return node(key).isPresent();
    }

    /** A scalar field read as text (numbers too: shot id {@code 12} is the text "12"). */
    public Optional<String> text(String key) {
        return node(key).flatMap(n -> asText(n, field(key)));
    }

    public Optional<String> requiredText(String key) {
        Optional<String> v = text(key);
        if (v.isEmpty() && mapping.get(key).isEmpty()) {
            missing(key, "text");
        }
        return v;
    }

    public OptionalDouble number(String key, double min, double max) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return OptionalDouble.empty();
        }
        return asNumber(n.get(), field(key), min, max);
    }

    public OptionalDouble requiredNumber(String key, double min, double max) {
        OptionalDouble v = number(key, min, max);
        if (v.isEmpty() && mapping.get(key).isEmpty()) {
            missing(key, "a number");
        }
        return v;
    }

    public Optional<Boolean> flag(String key) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof YamlScalar s && s.kind() == YamlScalar.Kind.BOOLEAN) {
            return Optional.of(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT)));
        }
        wrongType(n.get(), field(key), "true or false");
        return Optional.empty();
    }

    /** A list of texts; a single text counts as a list of one. */
    public List<String> textList(String key) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : items(n.get())) {
            asText(item, field(key)).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** A list field's items; a single value counts as a list of one. */
    public static List<YamlNode> items(YamlNode node) {
        return node instanceof YamlSequence s ? s.items() : List.of(node);
    }

    /** Reports every field that no reader asked for. Call once, after reading all fields. */
    public void finish() {
        for (YamlMapping.Entry e : mapping.entries()) {
            if (!known.contains(e.key())) {
                String hint = nearest(e.key()).map(k -> "did you mean '" + k + "'?")
                        .orElse("known fields are: " + String.join(", ", known) + ".");
                diagnostics.add(Rule.SCHEMA_FIELD, e.keyPosition(),
                        "unknown field '" + e.key() + "' in " + what + "; " + hint);
            }
        }
    }

    public void missing(String key, String kind) {
        diagnostics.add(Rule.SCHEMA_FIELD, mapping.position(),
                what + " lacks the field '" + key + "'; add '" + key + ":' with " + kind);
    }

    public void invalid(String key, String problem) {
        diagnostics.add(Rule.SCHEMA_FIELD, at(key), field(key) + " " + problem);
    }

    private String field(String key) {
        return "'" + key + "' of " + what;
    }

    public Optional<String> asText(YamlNode node, String field) {
        if (node instanceof YamlScalar s && !s.isNull() && s.kind() != YamlScalar.Kind.BOOLEAN) {
            return Optional.of(s.text());
        }
        wrongType(node, field, "a text");
        return Optional.empty();
    }

    public OptionalDouble asNumber(YamlNode node, String field, double min, double max) {
        if (node instanceof YamlScalar s && s.isNumber()) {
            double v;
            try {
                v = Double.parseDouble(s.text().replace("_", ""));
            } catch (NumberFormatException e) {
                wrongType(node, field, "a number");
                return OptionalDouble.empty();
            }
            if (!Double.isFinite(v) || v < min || v > max) {
                diagnostics.add(Rule.SCHEMA_FIELD, node.position(), field + " is " + s.text()
                        + ", outside " + fmt(min) + " to " + fmt(max) + "; give a value in that range");
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(v);
        }
        wrongType(node, field, "a number");
        return OptionalDouble.empty();
    }

    public void wrongType(YamlNode node, String field, String expected) {
        diagnostics.add(Rule.SCHEMA_FIELD, node.position(),
                field + " should be " + expected + ", not " + node.describe());
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private Optional<String> nearest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(1, key.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Levenshtein distance, for "did you mean" hints on short field names. */
    static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
