package film.slate.core.continuity;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Blocking;
import film.slate.core.model.CastMember;
import film.slate.core.model.Point;
import film.slate.core.model.Posture;
import film.slate.core.model.Rounded;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.SetPiece;
import film.slate.core.model.Shot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who of one scene's cast is on set, shot by shot. A character written {@code at: off} is off set
 * when the scene opens; blocking that {@code enters} brings them on at the shot's first frame, and
 * blocking that {@code exits} takes them off after its last. Off set, a character is in no shot's
 * state (previz draws nobody, the masks are empty, the rules see no one), but keeps their wardrobe
 * and props for when they come back. Marks on a set piece take its height as their seat.
 */
final class Cast {
    private final List<SetPiece> pieces;
    private final List<Diagnostic> faults;
    private final List<String> order = new ArrayList<>();
    private final Map<String, CharacterState> off = new LinkedHashMap<>();
    private final Map<String, String> why = new HashMap<>();

    Cast(List<SetPiece> pieces, List<Diagnostic> faults) {
        this.pieces = pieces;
        this.faults = faults;
    }

    /** The cast on set as {@code scene} opens (from where the previous scene ended, where it {@code continues}). */
    Map<String, CharacterState> open(ScenePlan scene, Map<String, CharacterState> previousEnd,
            Map<String, CharacterState> previousOff) {
        Map<String, CharacterState> state = new LinkedHashMap<>();
        for (CastMember m : scene.cast().values()) {
            Optional<CharacterState> carried = scene.continues()
                    ? Optional.ofNullable(previousEnd.get(m.character())).or(() -> Optional.ofNullable(previousOff.get(m.character())))
                    : Optional.empty();
            Optional<String> wardrobe = m.wardrobe().or(() -> carried.flatMap(CharacterState::wardrobe));
            if (carried.isPresent() && m.wardrobe().isPresent() && carried.get().wardrobe().isPresent()
                    && !carried.get().wardrobe().equals(m.wardrobe())) {
                faults.add(Diagnostic.of(Rule.CONTINUITY_WARDROBE_CHANGE, m.where().at("wardrobe"), m.character()
                        + " ended the previous scene in '" + carried.get().wardrobe().get() + "' but this scene continues it in '"
                        + m.wardrobe().get() + "'; keep '" + carried.get().wardrobe().get()
                        + "' or add a 'wears' event to the shot where the change is seen"));
            }
            List<String> holds = m.holds().isEmpty() && carried.isPresent() ? carried.get().holds() : m.holds();
            CharacterState s = on(new CharacterState(m.character(), m.at(), Rounded.facing(m.facing()), wardrobe, holds,
                    m.posture(), 0));
            order.add(m.character());
            if (m.off()) {
                off.put(m.character(), s);
                why.put(m.character(), "the cast of scene " + scene.scene() + " has them 'at: off' until they enter");
            } else {
                state.put(m.character(), s);
            }
        }
        return state;
    }

    /** The cast at the first frame of {@code shot}: {@code state} and whoever enters in it, at the place they enter. */
    Map<String, CharacterState> enter(Shot shot, Map<String, CharacterState> state) {
        Map<String, CharacterState> on = new HashMap<>(state);
        for (Blocking b : shot.blocking().values()) {
            String c = b.character();
            if (b.enters().isPresent() && off.containsKey(c)) {
                CharacterState was = off.remove(c);
                why.remove(c);
                Point from = b.enters().get();
                double facing = Rounded.facing(from.distance(b.to()) > 1e-6 ? from.bearingTo(b.to())
                        : b.facing().orElse(was.facing()));
                on.put(c, was.moved(from, facing, Posture.STAND, 0));
            } else if (b.enters().isPresent() && state.containsKey(c)) {
                faults.add(Diagnostic.ofShot(Rule.SCHEMA_FIELD, b.where().at("enters"), shot.fullId(), c
                        + " is already on set when shot " + shot.fullId() + " starts, so cannot enter; remove 'enters',"
                        + " or take them off in an earlier shot with 'exits:'"));
            } else if (off.containsKey(c)) {
                faults.add(Diagnostic.ofShot(Rule.SCHEMA_FIELD, b.where().self(), shot.fullId(), "the blocking of " + c
                        + " in shot " + shot.fullId() + " moves a character who is off set (" + why.get(c) + ") but says"
                        + " nowhere for them to come on; add 'enters: [x, y]' (or a set piece's name) to it"));
            }
        }
        return inOrder(on);
    }

    /** Who stays on set after {@code shot}: {@code end} less those who exit in it. */
    Map<String, CharacterState> leave(Shot shot, Map<String, CharacterState> end) {
        Map<String, CharacterState> next = new LinkedHashMap<>(end);
        for (Blocking b : shot.blocking().values()) {
            CharacterState s = b.exits() ? next.remove(b.character()) : null;
            if (s != null) {
                off.put(b.character(), s);
                why.put(b.character(), "they exit in shot " + shot.fullId());
            }
        }
        return next;
    }

    /** {@code s} on this set: seated (kneeling, lying) at the height of the set piece under the mark. */
    CharacterState on(CharacterState s) {
        return s.moved(s.at(), s.facing(), s.posture(), SetPiece.surface(pieces, s.at()));
    }

    /** Why {@code character} is off set now, when they are. */
    Optional<String> offSet(String character) {
        return Optional.ofNullable(off.containsKey(character) ? why.get(character) : null);
    }

    /** Those off set now, with the wardrobe and props they will come back with. */
    Map<String, CharacterState> off() {
        return Map.copyOf(off);
    }

    private Map<String, CharacterState> inOrder(Map<String, CharacterState> on) {
        Map<String, CharacterState> out = new LinkedHashMap<>();
        for (String c : order) {
            if (on.containsKey(c)) {
                out.put(c, on.get(c));
            }
        }
        on.forEach(out::putIfAbsent);
        return out;
    }
}
