package film.slate.core.check;

import film.slate.core.continuity.CharacterState;
import film.slate.core.continuity.Continuity;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Point;
import film.slate.core.model.SetPiece;
import film.slate.core.model.Shot;
import film.slate.core.model.ShotEvent;
import film.slate.core.stage.Body;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code continuity/out-of-reach}: a prop put down on, or picked up from, a set piece whose top is
 * higher than the character's raised hand ({@link Body#reach}), as the character is when their
 * blocking ends, where continuity stages the event. The piece is the one the prop rests on, found
 * from its footprint as previz stands it there ({@link Staging#restsOn}).
 */
final class ReachRule implements CheckRule {

    @Override
    public void check(Scene scene, Diagnostics d) {
        for (Shot shot : scene.production().shots()) {
            Optional<Sight> sight = shot.events().isEmpty() ? Optional.empty() : scene.sight(shot);
            if (sight.isPresent()) {
                check(shot, sight.get(), d);
            }
        }
    }

    private static void check(Shot shot, Sight sight, Diagnostics d) {
        Staging staging = sight.staging();
        Map<String, Point> putHere = new HashMap<>(); // put down earlier in this shot: picked up from there
        for (ShotEvent e : shot.events()) {
            CharacterState s = staging.state().end().get(e.character());
            if (s == null) {
                continue; // off set or not in the scene: other rules say so
            }
            Optional<SetPiece> on = switch (e.kind()) {
                case PUTS_DOWN -> {
                    Point spot = Continuity.setDown(s.at(), s.facing());
                    putHere.put(e.object(), spot);
                    yield staging.restsOn(spot, 0);
                }
                case PICKS_UP -> putHere.containsKey(e.object()) ? staging.restsOn(putHere.remove(e.object()), 0)
                        : sight.restsOn(e.object(), 0);
                default -> Optional.empty();
            };
            Optional<Body> body = staging.body(e.character(), 1);
            if (on.isPresent() && body.isPresent() && on.get().height() > body.get().reach()) {
                d.add(Diagnostic.ofShot(Rule.CONTINUITY_OUT_OF_REACH, e.where().at(e.kind().key()), shot.fullId(),
                        sentence(shot, e, s, on.get(), body.get())));
            }
        }
    }

    private static String sentence(Shot shot, ShotEvent e, CharacterState s, SetPiece piece, Body body) {
        String c = e.character();
        boolean down = e.kind() == ShotEvent.Kind.PUTS_DOWN;
        return c + (down ? " puts " + e.object() + " down on " : " picks " + e.object() + " up from ") + piece.id()
                + " in shot " + shot.fullId() + ", but its top (" + m(piece.height()) + ") is above " + c + "'s reach ("
                + m(body.reach()) + " for one " + m(body.height()) + " tall, " + posture(s) + "); "
                + (down ? "move " + c + "'s mark so that the spot " + m(Continuity.REACH) + " in front of it is on a lower"
                        + " piece or the floor, or lower " + piece.id()
                        : "leave " + e.object() + " lower in an earlier shot, have someone who reaches it hand it over,"
                                + " or lower " + piece.id());
    }

    private static String posture(CharacterState s) {
        return switch (s.posture()) {
            case STAND -> "standing";
            case SIT -> "seated";
            case KNEEL -> "kneeling";
            case LIE -> "lying";
        };
    }

    private static String m(double metres) {
        return CameraPlacementRule.fmt(metres) + " m";
    }
}
