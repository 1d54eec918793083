package film.slate.core.read;

import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.Aim;
import film.slate.core.model.Point;
import film.slate.core.model.Positions;
import film.slate.core.model.Rounded;
import film.slate.core.yaml.Fields;
import film.slate.core.yaml.YamlMapping;
import film.slate.core.yaml.YamlNode;
import film.slate.core.yaml.YamlScalar;
import film.slate.core.yaml.YamlSequence;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Readers for the value shapes FORMAT.md shares between files: points, aims, positions. */
final class Values {
    /** Plans are rooms and streets, not continents: a coordinate past this is a typo. */
    static final double MAX_COORDINATE = 100_000;

    private Values() {
    }

    /** A point with its optional height. */
    record Point3(Point point, OptionalDouble z) {
    }

    /** {@code [x, y]} or {@code [x, y, z]}. */
    static Optional<Point3> point(Fields f, YamlNode node, String field) {
        if (!(node instanceof YamlSequence seq) || seq.items().size() < 2 || seq.items().size() > 3) {
            f.wrongType(node, field, "a point [x, y] or [x, y, z] in metres");
            return Optional.empty();
        }
        double[] v = new double[seq.items().size()];
        for (int i = 0; i < v.length; i++) {
            OptionalDouble d = f.asNumber(seq.items().get(i), field, -MAX_COORDINATE, MAX_COORDINATE);
            if (d.isEmpty()) {
                return Optional.empty();
            }
            v[i] = d.getAsDouble();
        }
        return Optional.of(new Point3(new Point(v[0], v[1]), v.length == 3 ? OptionalDouble.of(v[2]) : OptionalDouble.empty()));
    }

    static Optional<Point3> point(Fields f, String key) {
        return f.node(key).flatMap(n -> point(f, n, "'" + key + "' of " + f.what()));
    }

    static Optional<Point3> requiredPoint(Fields f, String key) {
        Optional<Point3> p = point(f, key);
        if (p.isEmpty() && f.mapping().get(key).isEmpty()) {
            f.missing(key, "a point [x, y]");
        }
        return p;
    }

    /** A character id or a point. */
    static Optional<Aim> aim(Fields f, String key) {
        Optional<YamlNode> n = f.node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.get() instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING) {
            return Optional.of(Aim.at(s.text().strip()));
        }
        return point(f, n.get(), "'" + key + "' of " + f.what())
                .map(p -> new Aim(Optional.empty(), Optional.of(p.point()), p.z()));
    }

    /** A name written where a direction may be ({@code facing: ELSIE}); empty for a number or nothing. */
    static Optional<String> toward(Fields f, String key) {
        return f.node(key).filter(n -> n instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING)
                .map(n -> ((YamlScalar) n).text().strip());
    }

    /** Compass degrees, any number accepted, normalised to [0, 360) and rounded to the hundredth ({@link Rounded#facing}). */
    static OptionalDouble bearing(Fields f, String key) {
        OptionalDouble d = f.number(key, -3600, 3600);
        return d.isPresent() ? OptionalDouble.of(Rounded.facing(d.getAsDouble())) : d;
    }

    /** {@code 5} or {@code 2.5}: metres as a person writes them. */
    static String metres(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Where a mapping and each of its fields were written. */
    static Positions positions(YamlMapping m) {
        Map<String, SourcePosition> fields = new HashMap<>();
        for (YamlMapping.Entry e : m.entries()) {
            fields.put(e.key(), e.value().position());
        }
        return new Positions(m.position(), fields);
    }

    /** Each entry of a mapping of ids ({@code MARA: {...}}), or a diagnostic when it is not a mapping. */
    static Optional<YamlMapping> idMapping(YamlNode node, String what, film.slate.core.diagnostic.Diagnostics d) {
        if (node instanceof YamlMapping m) {
            return Optional.of(m);
        }
        d.add(Rule.SCHEMA_FIELD, node.position(), what + " should be a mapping from ids to entries, not " + node.describe());
        return Optional.empty();
    }
}
