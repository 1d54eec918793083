package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.BackendConfig;
import film.slate.core.model.Manifest;
import film.slate.core.model.Positions;
import film.slate.core.model.StoreSettings;
import film.slate.core.model.Use;
import film.slate.core.model.VideoFormat;
import film.slate.core.yaml.Fields;
import film.slate.core.yaml.YamlMapping;
import film.slate.core.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** slate.yaml into a {@link Manifest}; faults become diagnostics and sensible defaults. */
final class ManifestReader {
    static final String FILE = "slate.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern BACKEND_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private ManifestReader() {
    }

    static Manifest read(YamlNode root, Diagnostics d) {
        Optional<Fields> of = Fields.of(root, FILE, d);
        if (of.isEmpty()) {
            return fallback(root);
        }
        Fields f = of.get();
        String title = f.requiredText("title").orElse("Untitled");
        String id = f.requiredText("id").orElse("untitled");
        if (f.has("id") && !ID.matcher(id).matches()) {
            f.invalid("id", "is '" + id + "'; an id is lower-case letters, digits, '-' and '_' (it seeds every take, so pick it once)");
        }
        VideoFormat format = f.node("format").flatMap(n -> Fields.of(n, "format of " + FILE, d)).map(ManifestReader::format)
                .orElse(VideoFormat.DEFAULT);
        Optional<String> screenplay = f.text("screenplay");
        Optional<Fields> deliveryFields = f.node("delivery").flatMap(n -> Fields.of(n, DeliveryChecks.WHAT, d));
        Use use = deliveryFields.map(ManifestReader::use).orElse(Use.PERSONAL);
        YamlMapping delivery = deliveryFields.map(Fields::mapping).orElse(new YamlMapping(List.of(), root.position()));
        Map<String, BackendConfig> backends = new LinkedHashMap<>();
        f.node("backends").flatMap(n -> Values.idMapping(n, "'backends' of " + FILE, d)).ifPresent(m -> {
            for (YamlMapping.Entry e : m.entries()) {
                backend(e, d).ifPresent(b -> backends.put(b.name(), b));
            }
        });
        // previz is built in: a production may use it without declaring it.
        backends.putIfAbsent("previz", new BackendConfig("previz", "previz",
                new YamlMapping(List.of(), root.position()), Positions.of(root.position())));
        String backend = f.text("backend").orElse("previz");
        if (!backends.containsKey(backend)) {
            f.invalid("backend", "names '" + backend + "', which is not among the backends (" + String.join(", ", backends.keySet())
                    + "); declare it under 'backends:' or name one of those");
        }
        Positions where = Values.positions(f.mapping());
        StoreSettings store = f.node("store").map(n -> StoreSettingsReader.read(n, d)).orElse(StoreSettings.embedded(where));
        f.node("farm").ifPresent(n -> FarmTimingReader.read(n, d)); // checked here; the farm's processes read it on their own
        f.finish();
        return new Manifest(title, id, format, screenplay, use, backend, backends, where, store, delivery);
    }

    private static Manifest fallback(YamlNode root) {
        return new Manifest("Untitled", "untitled", VideoFormat.DEFAULT, Optional.empty(), Use.PERSONAL, "previz",
                Map.of(), Positions.of(root.position()));
    }

    private static VideoFormat format(Fields f) {
        int fps = (int) f.number("fps", 1, 240).orElse(VideoFormat.DEFAULT.fps());
        int width = (int) f.number("width", 16, 8192).orElse(VideoFormat.DEFAULT.width());
        int height = (int) f.number("height", 16, 8192).orElse(VideoFormat.DEFAULT.height());
        if (width % 2 != 0 || height % 2 != 0) {
            f.invalid(width % 2 != 0 ? "width" : "height", "must be even: H.264 proxies need even sizes");
            width += width % 2;
            height += height % 2;
        }
        f.finish();
        return new VideoFormat(fps, width, height);
    }

    /**
     * The use of slate.yaml's {@code delivery:}, which the rights rules need; the other fields there
     * are checked by the {@link DeliveryChecks} on the class path (the delivery module's).
     */
    private static Use use(Fields f) {
        Optional<String> text = f.text("use");
        Optional<Use> use = text.flatMap(Use::parse);
        if (text.isPresent() && use.isEmpty()) {
            f.invalid("use", "is '" + text.get() + "'; it is one of personal, festival, commercial");
        }
        return use.orElse(Use.PERSONAL);
    }

    private static Optional<BackendConfig> backend(YamlMapping.Entry e, Diagnostics d) {
        if (!BACKEND_NAME.matcher(e.key()).matches()) {
            d.add(Rule.SCHEMA_FIELD, e.keyPosition(), "the backend name '" + e.key()
                    + "' should be letters, digits, '-' and '_'; rename it");
            return Optional.empty();
        }
        Optional<Fields> of = Fields.of(e.value(), "backend " + e.key(), d);
        if (of.isEmpty()) {
            return Optional.empty();
        }
        Fields f = of.get();
        Optional<String> type = f.requiredText("type");
        // Settings are checked by BackendSettings (common) and the backend types (the rest); kept as written.
        return type.map(t -> new BackendConfig(e.key(), t, f.mapping(), Values.positions(f.mapping())));
    }
}
