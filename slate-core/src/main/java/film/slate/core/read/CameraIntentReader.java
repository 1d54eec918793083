package film.slate.core.read;

import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Aim;
import film.slate.core.model.Camera;
import film.slate.core.model.CameraIntent;
import film.slate.core.model.Point;
import film.slate.core.yaml.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A camera written by intent ({@code {single: ELSIE}}, {@code {ots: [JONAH, ELSIE]}}, {@code {two:
 * [A, B]}}, {@code {insert: WATCH}}, {@code {master: true}}). The reader only keeps the intent: the
 * camera it returns stands nowhere yet, and {@code film.slate.core.plan.CameraIntents} places it once
 * the whole production (bible, marks, blocking) is read.
 */
final class CameraIntentReader {
    private static final List<String> WRITTEN_OUT = List.of("at", "lens", "look_at", "height");

    private CameraIntentReader() {
    }

    /** Whether the camera's fields ask for a camera by intent. */
    static boolean written(Fields f) {
        for (CameraIntent.Kind k : CameraIntent.Kind.values()) {
            if (f.mapping().get(k.key()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    static Optional<Camera> read(Fields f) {
        List<CameraIntent.Kind> kinds = new ArrayList<>();
        for (CameraIntent.Kind k : CameraIntent.Kind.values()) {
            if (f.has(k.key())) {
                kinds.add(k);
            }
        }
        for (String key : WRITTEN_OUT) {
            if (f.mapping().get(key).isPresent()) {
                f.invalid(key, "is written beside a camera by intent (" + kinds.get(0).key() + "), which the solver"
                        + " places itself; remove '" + key + "', or write the whole camera out with at, lens and look_at");
                f.has(key);
            }
        }
        if (kinds.size() != 1) {
            f.diagnostics().add(Rule.SCHEMA_FIELD, f.mapping().position(), f.what() + " asks for one camera by intent:"
                    + " exactly one of single, ots, two, insert, master (it has " + kinds.size() + ")");
            f.finish();
            return Optional.empty();
        }
        CameraIntent.Kind kind = kinds.get(0);
        Optional<List<String>> names = names(f, kind);
        f.finish();
        return names.map(n -> new Camera(Point.ORIGIN, Camera.DEFAULT_HEIGHT, 35, Aim.at(new Point(0, 1)),
                Values.positions(f.mapping()), Optional.of(new CameraIntent(kind, n, Values.positions(f.mapping())))));
    }

    private static Optional<List<String>> names(Fields f, CameraIntent.Kind kind) {
        String key = kind.key();
        if (kind == CameraIntent.Kind.MASTER) {
            Optional<Boolean> master = f.flag(key);
            if (master.isPresent() && !master.get()) {
                f.invalid(key, "is false; write 'master: true' for the master, or another intent");
                return Optional.empty();
            }
            return master.map(m -> List.of());
        }
        List<String> names = f.textList(key).stream().map(String::strip).toList();
        int want = kind == CameraIntent.Kind.OTS || kind == CameraIntent.Kind.TWO ? 2 : 1;
        if (names.size() != want || names.stream().anyMatch(String::isEmpty)
                || (want == 2 && names.get(0).equals(names.get(1)))) {
            f.invalid(key, "names " + (names.isEmpty() ? "no one" : String.join(", ", names)) + "; " + switch (kind) {
                case OTS -> "an over-the-shoulder names two characters, [SHOULDER, SUBJECT]: over the first one's"
                        + " shoulder onto the second";
                case TWO -> "a two-shot names two different characters, [A, B]";
                case SINGLE -> "a single names one character, e.g. 'single: ELSIE'";
                default -> "an insert names one prop of bible/props.yaml, e.g. 'insert: WATCH'";
            });
            return Optional.empty();
        }
        return Optional.of(names);
    }
}
