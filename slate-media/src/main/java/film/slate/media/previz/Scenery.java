package film.slate.media.previz;

import film.slate.core.continuity.CharacterState;
import film.slate.core.continuity.Continuity;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Bible;
import film.slate.core.model.Location;
import film.slate.core.model.Point;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.SetPiece;
import film.slate.core.stage.Body;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import film.slate.core.stage.Vec3;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The set of one shot at one instant, as primitives in metres: the fixed part (ground, floor and
 * its metre grid, ceiling, walls) drawn first in that order, then the set pieces, the cast and the
 * props, in {@link DrawOrder}. An interior's walls are 3 m high and a wall is left out when the camera stands beyond it
 * (a wild wall, as on a studio set), so a camera outside the room still sees in.
 */
final class Scenery {
    static final double WALL_HEIGHT = 3.0;
    /** Floor plan of a location the bible does not know. */
    static final double DEFAULT_SIZE = 8;

    private final ShotState state;
    private final Staging staging;
    private final Bible bible;
    private final double width;
    private final double depth;
    private final boolean exterior;
    private final TimeOfDay time;
    private final Light light;
    private final List<List<Face>> pieces;

    Scenery(ScenePlan scene, ShotState state, Bible bible) {
        this.state = state;
        this.staging = new Staging(state, bible);
        this.bible = bible;
        Optional<Location> location = Optional.ofNullable(bible.locations().get(scene.location()));
        this.width = location.map(Location::width).filter(w -> w > 0).orElse(DEFAULT_SIZE);
        this.depth = location.map(Location::depth).filter(d -> d > 0).orElse(DEFAULT_SIZE);
        this.exterior = location.map(l -> l.heading().strip().toUpperCase(Locale.ROOT).startsWith("EXT")).orElse(false);
        this.time = TimeOfDay.of(scene.time());
        this.light = new Light(time);
        this.pieces = location.map(l -> l.set().stream().map(this::block).toList()).orElse(List.of());
    }

    /** The set pieces, each a solid block in the set's shading (nobody's: they hide whoever is behind them). */
    List<List<Face>> pieces() {
        return pieces;
    }

    private List<Face> block(SetPiece piece) {
        Point along = Point.ofBearing(piece.facing());
        Point across = Point.ofBearing(piece.facing() + 90);
        Color c = time.light(exterior ? new Color(122, 116, 104) : new Color(112, 88, 64));
        return Figure.box(piece.at(), along, across, 0, piece.height(), piece.width() / 2, piece.depth() / 2, c, light);
    }

    Staging staging() {
        return staging;
    }

    TimeOfDay time() {
        return time;
    }

    boolean exterior() {
        return exterior;
    }

    /** What lies beyond everything: the sky outdoors, the dim studio indoors. */
    Color background() {
        return exterior ? time.sky() : time.light(new Color(58, 56, 60));
    }

    /** Ground, floor, ceiling and walls seen from {@code eye}, in drawing order (each behind all that follows). */
    List<Face> fixedFaces(Vec3 eye) {
        List<Face> out = new ArrayList<>();
        double margin = 60;
        Color ground = exterior ? new Color(92, 108, 78) : new Color(48, 46, 50);
        out.add(floorFace(-margin, -margin, width + margin, depth + margin, time.light(ground)));
        out.add(floorFace(0, 0, width, depth, time.light(exterior ? new Color(150, 140, 112) : new Color(128, 106, 84))));
        if (!exterior) {
            if (eye.z() < WALL_HEIGHT) {
                out.add(new Face(List.of(new Vec3(0, 0, WALL_HEIGHT), new Vec3(0, depth, WALL_HEIGHT),
                        new Vec3(width, depth, WALL_HEIGHT), new Vec3(width, 0, WALL_HEIGHT)), time.light(new Color(196, 190, 178))));
            }
            Color wall = time.light(new Color(170, 160, 146));
            Color side = time.light(new Color(150, 141, 128));
            // Each wall with the inward direction; it is drawn only when the eye is inside of it.
            wall(out, new Point(0, 0), new Point(width, 0), eye.y() > 0, wall);
            wall(out, new Point(width, depth), new Point(0, depth), eye.y() < depth, wall);
            wall(out, new Point(0, depth), new Point(0, 0), eye.x() > 0, side);
            wall(out, new Point(width, 0), new Point(width, depth), eye.x() < width, side);
        }
        return out;
    }

    private static Face floorFace(double x0, double y0, double x1, double y1, Color c) {
        return new Face(List.of(new Vec3(x0, y0, 0), new Vec3(x1, y0, 0), new Vec3(x1, y1, 0), new Vec3(x0, y1, 0)), c);
    }

    private static void wall(List<Face> out, Point a, Point b, boolean visible, Color c) {
        if (visible) {
            out.add(new Face(List.of(Vec3.of(a, 0), Vec3.of(b, 0), Vec3.of(b, WALL_HEIGHT), Vec3.of(a, WALL_HEIGHT)), c));
        }
    }

    /** The metre grid on the floor, and the skirting where walls meet it. */
    List<Segment> grid() {
        List<Segment> out = new ArrayList<>();
        Color line = time.light(exterior ? new Color(112, 104, 82) : new Color(88, 72, 56));
        Color edge = time.light(new Color(40, 34, 30));
        for (int x = 0; x <= (int) Math.floor(width); x++) {
            out.add(new Segment(new Vec3(x, 0, 0), new Vec3(x, depth, 0), line, 1.5f));
        }
        for (int y = 0; y <= (int) Math.floor(depth); y++) {
            out.add(new Segment(new Vec3(0, y, 0), new Vec3(width, y, 0), line, 1.5f));
        }
        Vec3[] corners = {new Vec3(0, 0, 0), new Vec3(width, 0, 0), new Vec3(width, depth, 0), new Vec3(0, depth, 0)};
        for (int i = 0; i < 4; i++) {
            out.add(new Segment(corners[i], corners[(i + 1) % 4], edge, 2.5f));
        }
        return out;
    }

    /**
     * Everything {@link #cast} at {@code t} depends on that changes with {@code t}: which side of the
     * event it is, and each character's body, place, facing and hand. Equal keys, equal faces.
     */
    List<Object> castKey(double t) {
        List<Object> key = new ArrayList<>();
        key.add(t < Sight.EVENT_TIME);
        for (String c : staging.cast()) {
            Optional<Body> body = staging.body(c, t);
            key.add(body);
            if (body.isPresent()) {
                key.add(staging.position(c, t));
                key.add(staging.facing(c, t));
                key.add(staging.hand(c, t));
            }
        }
        return key;
    }

    /** The cast and the props at {@code t}, unsorted; a figure's faces and those of the props in its hands are its own. */
    List<Face> cast(double t) {
        List<Face> out = new ArrayList<>();
        for (String c : staging.cast()) {
            Optional<Body> body = staging.body(c, t);
            if (body.isEmpty()) {
                continue;
            }
            Point at = staging.position(c, t).orElseThrow();
            double facing = staging.facing(c, t);
            List<Face> own = new ArrayList<>(Figure.faces(body.get(), colour(c), light));
            for (String prop : heldAt(c, t)) {
                own.addAll(propBox(staging.hand(c, t).orElseThrow(), facing, prop));
            }
            own.forEach(f -> out.add(f.ownedBy(c)));
            for (String prop : onFloorAt(c, t)) {
                Point spot = Continuity.setDown(staging.position(c, Sight.EVENT_TIME).orElse(at), staging.facing(c, Sight.EVENT_TIME));
                out.addAll(propBox(staging.resting(spot, facing), facing, prop));
            }
        }
        // Props left on the set earlier in the scene, until someone picks them up.
        (t < Sight.EVENT_TIME ? state.setStart() : state.setEnd()).forEach((prop, spot) -> {
            if (!drawnByCast(prop, t)) {
                out.addAll(propBox(staging.resting(spot, 0), 0, prop));
            }
        });
        return out;
    }

    /** Whether a prop is already drawn in a hand or beside the one who handles it in this shot. */
    private boolean drawnByCast(String prop, double t) {
        for (String c : staging.cast()) {
            if (heldAt(c, t).contains(prop) || onFloorAt(c, t).contains(prop)) {
                return true;
            }
        }
        return false;
    }

    /** The names over the heads at {@code t}. */
    List<Label> names(double t) {
        List<Label> out = new ArrayList<>();
        for (String c : staging.cast()) {
            staging.position(c, t).ifPresent(p -> out.add(new Label(Vec3.of(p, staging.top(c, t) + 0.16), c, 0.14,
                    Color.WHITE)));
        }
        return out;
    }

    /** Props in hand at {@code t}: held from the start and not yet put down, or picked up by now. */
    List<String> heldAt(String character, double t) {
        List<String> start = state.atStart(character).map(CharacterState::holds).orElse(List.of());
        List<String> end = state.atEnd(character).map(CharacterState::holds).orElse(List.of());
        Set<String> out = new LinkedHashSet<>(t < Sight.EVENT_TIME ? start : end);
        return List.copyOf(out);
    }

    /**
     * Props beside the character before they pick them up in this shot, when the set does not
     * already place them (a prop that was never put down anywhere). After the pick-up they are in
     * hand; a prop put down rests where continuity leaves it ({@link ShotState#setEnd()}).
     */
    List<String> onFloorAt(String character, double t) {
        if (t >= Sight.EVENT_TIME) {
            return List.of();
        }
        List<String> start = state.atStart(character).map(CharacterState::holds).orElse(List.of());
        List<String> end = state.atEnd(character).map(CharacterState::holds).orElse(List.of());
        return end.stream().filter(p -> !start.contains(p) && !state.setStart().containsKey(p)).toList();
    }

    private List<Face> propBox(Vec3 centre, double facing, String prop) {
        Point f = Point.ofBearing(facing);
        Point r = new Point(f.y(), -f.x());
        double half = Sight.PROP_SIZE / 2;
        return Figure.box(centre.plan(), f, r, centre.z() - half, centre.z() + half, half, half, propColour(prop), light);
    }

    /** A character's identity colour from the bible (derived from the id when the bible has none). */
    Color colour(String character) {
        return Optional.ofNullable(bible.characters().get(character)).map(c -> Color.decode(c.color()))
                .orElseGet(() -> hashed(character, 0.55f));
    }

    static Color propColour(String prop) {
        return hashed(prop, 0.9f);
    }

    private static Color hashed(String id, float brightness) {
        int h = 0;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = h * 31 + (b & 0xff);
        }
        return Color.getHSBColor(Math.floorMod(h, 360) / 360f, 0.65f, brightness);
    }
}
