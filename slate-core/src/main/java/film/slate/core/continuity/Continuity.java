package film.slate.core.continuity;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Blocking;
import film.slate.core.model.Location;
import film.slate.core.model.Point;
import film.slate.core.model.Production;
import film.slate.core.model.Rounded;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.model.SetPiece;
import film.slate.core.model.ShotEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Continuity derived shot by shot in edit order: each scene starts from its cast (or, where it
 * {@code continues}, from where the previous scene ended) and each shot's blocking and events
 * move, pose, dress and arm the cast for the next; a shot's state holds only who is on set during
 * it (entrances and exits: {@link Cast}). The faults found on the way (a prop put down that
 * was never held) are kept for the checker.
 */
public final class Continuity {
    private final Map<String, ShotState> byShot;
    private final Map<String, Map<String, CharacterState>> sceneStart;
    private final List<Diagnostic> faults;

    private Continuity(Map<String, ShotState> byShot, Map<String, Map<String, CharacterState>> sceneStart,
            List<Diagnostic> faults) {
        this.byShot = Collections.unmodifiableMap(byShot);
        this.sceneStart = Collections.unmodifiableMap(sceneStart);
        this.faults = List.copyOf(faults);
    }

    /** The state of every shot of {@code production}. */
    public static Continuity of(Production production) {
        Map<String, ShotState> byShot = new LinkedHashMap<>();
        Map<String, Map<String, CharacterState>> starts = new LinkedHashMap<>();
        List<Diagnostic> faults = new ArrayList<>();
        Map<String, CharacterState> previousEnd = Map.of();
        Map<String, CharacterState> previousOff = Map.of();
        // What rests on each location's set as its last scene ended: props left there stay with that set.
        Map<String, Map<String, Point>> leftAt = new LinkedHashMap<>();
        for (ScenePlan scene : production.scenes()) {
            List<SetPiece> pieces = Optional.ofNullable(production.bible().locations().get(scene.location()))
                    .map(Location::set).orElse(List.of());
            Cast cast = new Cast(pieces, faults);
            Map<String, CharacterState> state = cast.open(scene, previousEnd, previousOff);
            // Props put down stay where they were left for the rest of the scene, and into a scene that continues
            // the story on that set (never onto another location's floor).
            Map<String, Point> set = new LinkedHashMap<>(scene.continues() ? leftAt.getOrDefault(scene.location(), Map.of())
                    : Map.of());
            Set<String> handled = held(state, cast.off());
            set.keySet().removeAll(handled); // a prop is in one place: one in a hand is on no set
            starts.put(scene.scene(), Collections.unmodifiableMap(new LinkedHashMap<>(state)));
            for (Shot shot : scene.shots()) {
                Map<String, Point> setBefore = new LinkedHashMap<>(set);
                Map<String, CharacterState> start = cast.enter(shot, state);
                Map<String, CharacterState> end = apply(shot, start, set, cast, faults);
                byShot.putIfAbsent(shot.fullId(), new ShotState(shot, start, end, setBefore, set, pieces));
                state = cast.leave(shot, end);
                handled.addAll(held(end, Map.of()));
            }
            previousEnd = state;
            previousOff = cast.off();
            handled.addAll(set.keySet());
            leftAt.values().forEach(elsewhere -> elsewhere.keySet().removeAll(handled)); // taken away from where it was left
            leftAt.put(scene.location(), set);
        }
        return new Continuity(byShot, starts, faults);
    }

    /** The props in the hands of {@code on} and {@code off}. */
    private static Set<String> held(Map<String, CharacterState> on, Map<String, CharacterState> off) {
        Set<String> out = new LinkedHashSet<>();
        on.values().forEach(s -> out.addAll(s.holds()));
        off.values().forEach(s -> out.addAll(s.holds()));
        return out;
    }

    public Optional<ShotState> shot(String fullId) {
        return Optional.ofNullable(byShot.get(fullId));
    }

    /** The cast as it stands when the scene opens. */
    public Map<String, CharacterState> sceneStart(String scene) {
        return sceneStart.getOrDefault(scene, Map.of());
    }

    /** Continuity faults ({@code continuity/prop-not-held}, {@code continuity/wardrobe-change}). */
    public List<Diagnostic> faults() {
        return faults;
    }

    /** Where a prop put down comes to rest: a short reach in front of the one who puts it down. */
    public static final double REACH = 0.45;
    /**
     * Where a prop comes to rest when one standing at {@code at} facing {@code facing} puts it down
     * (or where it lies in front of them before they pick it up): {@link #REACH} in front of them,
     * to the millimetre ({@link Rounded#millimetres}: sine and cosine differ by an ulp between 90
     * and 450 degrees, and between platforms, and a recipe hashes the spot).
     */
    public static Point setDown(Point at, double facing) {
        return Rounded.millimetres(at.plus(Point.ofBearing(facing).times(REACH)));
    }

    private static Map<String, CharacterState> apply(Shot shot, Map<String, CharacterState> start, Map<String, Point> set,
            Cast cast, List<Diagnostic> faults) {
        Map<String, CharacterState> end = new LinkedHashMap<>(start);
        for (Blocking b : shot.blocking().values()) {
            CharacterState s = end.get(b.character());
            if (s != null) {
                // Into the walk when no facing is written: computed, so rounded as a recipe writes it.
                double facing = Rounded.facing(b.facing().orElse(s.at().distance(b.to()) > 1e-6 ? s.at().bearingTo(b.to())
                        : s.facing()));
                end.put(b.character(), cast.on(s.moved(b.to(), facing, b.posture().orElse(s.posture()), 0)));
            }
        }
        for (ShotEvent e : shot.events()) {
            CharacterState s = end.get(e.character());
            if (s == null) {
                cast.offSet(e.character()).ifPresent(why -> faults.add(Diagnostic.ofShot(Rule.CONTINUITY_NOT_IN_SCENE,
                        e.where().at("character"), shot.fullId(), e.character() + " is off set during shot " + shot.fullId()
                                + " (" + why + "), so cannot " + e.kind().key().replace('_', ' ') + " " + e.object()
                                + "; bring them on with 'enters:' in this shot's blocking, or move the event")));
                continue; // not in the scene: reported by the reference rules
            }
            Set<String> holds = new LinkedHashSet<>(s.holds());
            Optional<String> wardrobe = s.wardrobe();
            switch (e.kind()) {
                case PICKS_UP -> {
                    holds.add(e.object());
                    set.remove(e.object());
                }
                case PUTS_DOWN, USES -> {
                    if (!holds.contains(e.object())) {
                        faults.add(Diagnostic.ofShot(Rule.CONTINUITY_PROP_NOT_HELD, e.where().at(e.kind().key()),
                                shot.fullId(), e.character() + " " + e.kind().key().replace('_', ' ') + " " + e.object()
                                        + " in shot " + shot.fullId() + " but does not hold it"
                                        + (s.holds().isEmpty() ? "" : " (holds " + String.join(", ", s.holds()) + ")")
                                        + "; add a 'picks_up' event before, or 'holds' in the cast"));
                    }
                    if (e.kind() == ShotEvent.Kind.PUTS_DOWN) {
                        holds.remove(e.object());
                        set.put(e.object(), setDown(s.at(), s.facing()));
                    }
                }
                case WEARS -> wardrobe = Optional.of(e.object());
            }
            end.put(e.character(), s.dressed(wardrobe, List.copyOf(holds)));
        }
        return end;
    }
}
