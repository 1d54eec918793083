package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.model.FarmTiming;
import film.slate.core.model.Positions;
import film.slate.core.yaml.Fields;
import film.slate.core.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** slate.yaml's {@code farm:} into {@link FarmTiming}: checked with the manifest, read on its own by the farm's processes. */
public final class FarmTimingReader {
    private FarmTimingReader() {
    }

    /**
     * The farm timing of the production in {@code production}: the defaults without slate.yaml or {@code farm:}.
     *
     * @throws IOException with the first fault as {@code slate.yaml:LINE:COL: sentence}
     */
    public static FarmTiming read(Path production) throws IOException {
        return StoreSettingsReader.section(production, "farm", FarmTimingReader::read, FarmTiming::defaults,
                "no farm process starts until slate.yaml is right");
    }

    /** The {@code farm:} mapping; faults go to {@code d} at the field's position. */
    static FarmTiming read(YamlNode node, Diagnostics d) {
        Optional<Fields> of = Fields.of(node, "'farm' of " + ManifestReader.FILE, d);
        if (of.isEmpty()) {
            return FarmTiming.defaults(Positions.of(node.position()));
        }
        Fields f = of.get();
        var deadAfter = f.number("dead_after", 0.1, 86_400);
        var poll = f.number("poll", 0.01, 60);
        var outage = f.number("outage", 0, 86_400);
        f.finish();
        return new FarmTiming(deadAfter, poll, outage, Values.positions(f.mapping()));
    }
}
