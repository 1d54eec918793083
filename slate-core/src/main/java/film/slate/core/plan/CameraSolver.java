package film.slate.core.plan;

import film.slate.core.check.ActionLine;
import film.slate.core.continuity.CharacterState;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Aim;
import film.slate.core.model.Bible;
import film.slate.core.model.Camera;
import film.slate.core.model.Framing;
import film.slate.core.model.Move;
import film.slate.core.model.MoveType;
import film.slate.core.model.Point;
import film.slate.core.model.Positions;
import film.slate.core.model.Shot;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.ShotSize;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import film.slate.core.stage.Vec3;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Places one camera by sampling the floor plan: around the subject, every few degrees, at the
 * distance each lens of the kit needs for the shot size, each candidate is staged and measured
 * through previz's own geometry ({@link Sight}) against the hard constraints of {@link
 * Candidates.Gate} in turn; of those that pass, the one nearest the idiom's ideal angle with the
 * style's preferred lens, away from the walls, wins. Ties go to the first tried, so the result is
 * the same on every run.
 */
final class CameraSolver {
    static final double WALL = 0.3;
    static final double CLEARANCE = 0.5;
    static final double LINE_MARGIN = 0.3;
    /** Consecutive shots of one subject turn at least this far round them (the rule's 30, with room for rounding). */
    static final double MIN_TURN = 32;
    static final double[] KIT = {14, 18, 21, 24, 28, 32, 35, 40, 50, 65, 75, 85, 100, 135};
    static final int BEARINGS = 72;
    /** Lenses tried reach this factor either side of the style's preferred one. */
    static final double REACH = 2.5;
    /** A subject's eyes stay inside this share of the frame, so the whole head is in the picture. */
    static final double HEAD_ROOM = 0.9;
    /** The shoulder of an over-the-shoulder may reach this far past the frame edge (the check's limit is 1.3). */
    static final double SHOULDER = 1.2;
    static final double[] INSTANTS = {0, 0.5, 1};
    private static final double[] STILL = {0}; // a still shot is one picture
    private static final Positions NONE = Positions.of(SourcePosition.ofFile("(plan)"));

    /** The previous shot, as the 30-degree rule sees it at the cut. */
    record Previous(String subject, Framing framing, Point cameraEnd) { }

    private final SceneSetup setup;
    private final Bible bible;
    private final double aspect;
    private final PlanStyle style;
    private final int side;
    private final ScreenOrder screen;

    CameraSolver(SceneSetup setup, Bible bible, double aspect, PlanStyle style, int side) {
        this.setup = setup;
        this.bible = bible;
        this.aspect = aspect;
        this.style = style;
        this.side = side;
        this.screen = new ScreenOrder(side);
    }

    /** A candidate that passed every gate, with what its explanation needs (written only for the winner). */
    private record Scored(Placement placement, double score, Staging staging, double off) { }

    /** The best camera for {@code beat}, or empty with {@code tally} saying which constraint no candidate met. */
    Optional<Placement> place(Beat beat, Map<String, CharacterState> cast, Optional<Previous> previous, Map<String, Double> order,
            Candidates tally) {
        return place(beat, new ShotState(shot(beat, Framing.WS, new Camera(Point.ORIGIN, 1.6, 35,
                Aim.at(new Point(0, 1)), NONE)), cast, cast), previous, order, tally);
    }

    /** The same, for a cast that may move during the shot (a camera by intent on a written shot). */
    Optional<Placement> place(Beat beat, ShotState state, Optional<Previous> previous, Map<String, Double> order,
            Candidates tally) {
        Map<String, CharacterState> cast = state.start();
        Staging still = staging(beat, state, new Point(0, 0), 1.6, 35, Aim.at(new Point(0, 1)), Framing.WS);
        Optional<ActionLine> line = ActionLine.of(setup.axis(), still, 0);
        String subject = beat.subjects().get(0);
        Point base = aimPoint(beat, still).plan();
        Aim aim = aim(beat, still);
        Scored best = null;
        boolean group = beat.idiom() == Idiom.MASTER || beat.idiom() == Idiom.TWO;
        List<Framing> framings = group ? framings(beat).subList(0, 1) : framings(beat);
        double nearest = beat.idiom() == Idiom.OTS && beat.subjects().size() > 1 && cast.containsKey(beat.subjects().get(1))
                ? base.distance(cast.get(beat.subjects().get(1)).at()) + CLEARANCE : 0;
        for (Framing framing : framings) {
            for (double lens : lenses(beat)) {
                if (best != null && floor(beat, framing, lens) >= best.score()) {
                    continue; // nothing at this size and lens can beat what is found
                }
                for (double distance : distances(beat, framing, lens, still.height(subject))) {
                    if (distance < nearest) {
                        continue; // an over-the-shoulder's camera stands behind the shoulder
                    }
                    int bearings = group ? BEARINGS / 2 : BEARINGS;
                    for (int i = 0; i < bearings; i++) {
                        double bearing = 360.0 * i / bearings;
                        Point at = round(base.plus(Point.ofBearing(bearing).times(distance)), 100);
                        Optional<Scored> s = judge(beat, state, framing, lens, at, aim, still.aim(aim, 0, 1.6), line,
                                previous, order, tally);
                        if (s.isPresent() && (best == null || s.get().score() < best.score() - 1e-9)) {
                            best = s.get();
                        }
                    }
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Placement p = best.placement();
        return Optional.of(new Placement(p.at(), p.height(), p.lens(), p.aim(), p.framing(),
                Explain.why(beat, p.framing(), p.lens(), p.at(), p.height(), best.staging(), best.off(), line, side)));
    }

    /**
     * How far from the subject to try: the one distance that gives the shot size with this lens,
     * or for a group (whose size is measured, not aimed at) from 1 m across the room, 12% further each step (and every 10 degrees round).
     */
    private List<Double> distances(Beat beat, Framing framing, double lens, double height) {
        if (beat.idiom() != Idiom.MASTER && beat.idiom() != Idiom.TWO) {
            return List.of(ShotSize.distanceFor(framing, lens, height, aspect));
        }
        List<Double> out = new ArrayList<>();
        double far = Math.hypot(setup.width(), setup.depth());
        for (double d = 1; d <= far; d *= 1.12) {
            out.add(d);
        }
        return out;
    }

    /** The frame test of {@link #framed} for a cast that stands still, on the pose alone. */
    private boolean quickFrame(Beat beat, ShotState state, CameraPose pose) {
        boolean group = beat.idiom() == Idiom.MASTER || beat.idiom() == Idiom.TWO;
        for (int i = 0; i < beat.subjects().size(); i++) {
            String c = beat.subjects().get(i);
            var at = state.start().get(c);
            if (at == null || (i > 0 && !group && beat.idiom() != Idiom.OTS)) {
                continue;
            }
            double margin = i == 0 || group ? HEAD_ROOM : SHOULDER;
            if (!Sight.inFrame(pose, Vec3.of(at.at(), Staging.eyeHeight(state, c, heightOf(c))), aspect, margin)) {
                return false;
            }
        }
        return true;
    }

    /** The least score any candidate at this size and lens can have: its lens and framing penalties. */
    private double floor(Beat beat, Framing framing, double lens) {
        int rank = framings(beat).indexOf(framing);
        return 30 * Math.abs(Math.log(lens / preferred(beat))) + 25 * Math.max(0, rank);
    }

    private Optional<Scored> judge(Beat beat, ShotState state, Framing framing, double lens, Point at, Aim aim,
            Vec3 target, Optional<ActionLine> line, Optional<Previous> previous, Map<String, Double> order,
            Candidates tally) {
        if (!stands(setup, side, at, state, line, tally)) {
            return Optional.empty();
        }
        String subject = beat.subjects().get(0);
        double height = height(beat, state);
        boolean still = still(beat, state);
        if (still && !quickFrame(beat, state, new CameraPose(Vec3.of(at, height), target, lens))) {
            return Optional.empty(); // a still scene: a few projections settle it before anything is staged
        }
        double[] instants = still ? STILL : INSTANTS;
        Staging staging = staging(beat, state, at, height, lens, aim, framing);
        Sight sight = new Sight(staging, aspect);
        if (!framed(beat, sight, instants)) {
            return Optional.empty();
        }
        tally.passed(Candidates.Gate.FRAME);
        for (String s : people(beat, staging)) {
            for (double t : instants) {
                if (sight.hiddenBy(s, t).isPresent()) {
                    return Optional.empty();
                }
            }
        }
        tally.passed(Candidates.Gate.HIDDEN);
        Optional<Framing> declared = sized(beat, sight, framing, instants);
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        tally.passed(Candidates.Gate.SIZE);
        if (!ScreenOrder.ordered(staging, order, instants)) {
            return Optional.empty();
        }
        tally.passed(Candidates.Gate.ORDER);
        if (!screen.facesPartner(beat, staging, order, line)) {
            return Optional.empty();
        }
        tally.passed(Candidates.Gate.GAZE);
        if (jumps(previous, subject, declared.get(), staging.position(subject, 0).orElseThrow(), at)) {
            return Optional.empty();
        }
        tally.passed(Candidates.Gate.CUT);
        double ideal = screen.ideal(beat, staging, line, aimPoint(beat, staging).plan());
        double off = turn(aimPoint(beat, staging).plan(), at, aimPoint(beat, staging).plan().plus(Point.ofBearing(ideal)));
        double wall = Math.min(Math.min(at.x(), setup.width() - at.x()), Math.min(at.y(), setup.depth() - at.y()));
        double score = off + floor(beat, declared.get(), lens) + Math.max(0, 0.8 - wall) * 20;
        return Optional.of(new Scored(new Placement(at, height, lens, aim, declared.get(), ""), score, staging, off));
    }

    /** The cheap gates every camera meets first, counted: inside the room, clear of the cast, on the scene's side of the line. */
    static boolean stands(SceneSetup setup, int side, Point at, ShotState state, Optional<ActionLine> line, Candidates tally) {
        tally.count();
        if (at.x() < WALL || at.y() < WALL || at.x() > setup.width() - WALL || at.y() > setup.depth() - WALL) {
            return false;
        }
        tally.passed(Candidates.Gate.ROOM);
        for (var c : state.start().values()) {
            if (c.at().distance(at) < CLEARANCE || state.end().get(c.character()).at().distance(at) < CLEARANCE) {
                return false;
            }
        }
        tally.passed(Candidates.Gate.CAST);
        if (line.isPresent() && line.get().signedDistance(at) * side < LINE_MARGIN) {
            return false;
        }
        tally.passed(Candidates.Gate.LINE);
        return true;
    }

    /** Whether cutting from the shot before to a camera at {@code at} would be a jump cut on the same subject. */
    private static boolean jumps(Optional<Previous> previous, String subject, Framing framing, Point subjectAt, Point at) {
        return previous.isPresent() && previous.get().subject().equals(subject)
                && previous.get().framing().stepsTo(framing) < 2 && turn(subjectAt, previous.get().cameraEnd(), at) < MIN_TURN;
    }

    /** The angle at {@code centre} between the directions to {@code a} and {@code b}, in [0, 180]. */
    static double turn(Point centre, Point a, Point b) {
        double d = Math.abs(centre.bearingTo(a) - centre.bearingTo(b)) % 360;
        return d > 180 ? 360 - d : d;
    }

    private List<Framing> framings(Beat beat) {
        if (beat.written().isPresent()) {
            return List.of(beat.written().get().framing()); // the size the shot declares, exactly
        }
        return switch (beat.idiom()) {
            case MASTER -> List.of(Framing.WS, Framing.FS, Framing.EWS);
            case TWO -> List.of(Framing.MS, Framing.FS, Framing.WS);
            case OTS -> List.of(style.ots, tighter(style.ots));
            case SINGLE -> List.of(style.single, tighter(style.single), Framing.MS);
            case REACTION, INSERT -> List.of(style.reaction, Framing.MCU);
        };
    }

    private static Framing tighter(Framing f) {
        return Framing.values()[Math.min(Framing.ECU.ordinal(), f.ordinal() + 1)];
    }

    private double preferred(Beat beat) {
        return switch (beat.idiom()) {
            case MASTER -> style.masterLens;
            case TWO -> style.masterLens * 1.5;
            case OTS -> style.otsLens;
            case SINGLE -> style.singleLens;
            case REACTION, INSERT -> style.reactionLens;
        };
    }

    /** The kit, nearest the preferred lens first. */
    private List<Double> lenses(Beat beat) {
        double pref = preferred(beat);
        List<Double> out = new ArrayList<>();
        for (double l : KIT) {
            if (beat.written().isPresent() || l >= pref / REACH && l <= pref * REACH) { // a declared size may need any lens
                out.add(l);
            }
        }
        out.sort(Comparator.comparingDouble(l -> Math.abs(Math.log(l / pref))));
        return out;
    }

    /** Eye level of the subject (wherever their posture puts it), or the whole cast for a master; styles lower singles and raise masters. */
    private double height(Beat beat, ShotState state) {
        double[] eyes = beat.subjects().stream().mapToDouble(c -> Staging.eyeHeight(state, c, heightOf(c))).toArray();
        double eye = eyes.length == 0 ? 1.75 * Sight.EYES : eyes[0] + style.singleDrop;
        if (beat.idiom() == Idiom.MASTER || beat.idiom() == Idiom.TWO) {
            eye = java.util.Arrays.stream(eyes).average().orElse(1.75 * Sight.EYES) + (beat.idiom() == Idiom.MASTER ? style.masterRise : 0);
        } else if (beat.idiom() == Idiom.OTS && eyes.length > 1 && eyes[1] - eyes[0] > 0.2) { // a seated subject, a standing partner
            eye = Math.max(eye, eyes[1]);
        }
        return Math.round(eye * 20) / 20.0;
    }

    private double heightOf(String character) {
        return bible.characters().containsKey(character) ? bible.characters().get(character).height() : 1.6 / 0.93;
    }

    /** Singles look at their subject, so the aim follows them; two-shots and masters at the middle of the group. */
    private Aim aim(Beat beat, Staging staging) {
        if (beat.idiom() != Idiom.MASTER && beat.idiom() != Idiom.TWO) {
            return Aim.at(beat.subjects().get(0));
        }
        Vec3 p = aimPoint(beat, staging);
        Point plan = round(p.plan(), 100);
        return new Aim(java.util.Optional.empty(), java.util.Optional.of(plan), OptionalDouble.of(Math.round(p.z() * 100) / 100.0));
    }

    /** The middle of the group at eye height (for a master or two-shot) or the subject's eyes. */
    private Vec3 aimPoint(Beat beat, Staging staging) {
        List<String> who = beat.idiom() == Idiom.MASTER || beat.idiom() == Idiom.TWO ? people(beat, staging)
                : List.of(beat.subjects().get(0));
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE, z = 0;
        for (String c : who) {
            for (double t : new double[] {0, 1}) {
                Point p = staging.position(c, t).orElseThrow();
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
            z += staging.eyes(c, 0).map(Vec3::z).orElse(staging.height(c) * Sight.EYES) / who.size();
        }
        return new Vec3((minX + maxX) / 2, (minY + maxY) / 2, z);
    }

    private static List<String> people(Beat beat, Staging staging) {
        return beat.subjects().stream().filter(s -> staging.position(s, 0).isPresent()).toList();
    }

    /** Whether nobody moves and the camera stands still: every instant of the shot is the same picture. */
    private static boolean still(Beat beat, ShotState state) {
        return state.start().equals(state.end()) && beat.written().map(w -> w.move().type() == MoveType.STATIC).orElse(true);
    }

    private boolean framed(Beat beat, Sight sight, double[] instants) {
        List<String> who = people(beat, sight.staging());
        for (int i = 0; i < who.size(); i++) {
            boolean partner = i > 0 && beat.idiom() != Idiom.MASTER && beat.idiom() != Idiom.TWO;
            if (partner && beat.idiom() != Idiom.OTS) {
                continue; // a single's listener is off screen
            }
            for (double t : instants) {
                Vec3 eyes = sight.eyes(who.get(i), t).orElseThrow();
                if (!sight.inFrame(eyes, t, partner ? SHOULDER : HEAD_ROOM)) {
                    return false;
                }
                if (partner) { // the shoulder is in front of the subject
                    CameraPose pose = sight.staging().camera(t);
                    if (pose.depth(eyes) > pose.depth(sight.eyes(who.get(0), t).orElseThrow()) - 0.3) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The framing the shot is declared at: the one sampled for singles, the measured one (wide enough) for groups. */
    private Optional<Framing> sized(Beat beat, Sight sight, Framing sampled, double[] instants) {
        String subject = people(beat, sight.staging()).get(0);
        Framing first = sight.size(subject, 0).orElse(null);
        if (first == null) {
            return Optional.empty();
        }
        for (double t : instants) {
            Optional<Framing> f = sight.size(subject, t);
            if (f.isEmpty() || f.get().stepsTo(first) > 0) {
                return Optional.empty();
            }
        }
        boolean group = beat.idiom() == Idiom.MASTER || beat.idiom() == Idiom.TWO;
        if (group) {
            return framings(beat).contains(first) ? Optional.of(first) : Optional.empty();
        }
        return first == sampled ? Optional.of(first) : Optional.empty();
    }

    private Staging staging(Beat beat, ShotState state, Point at, double height, double lens, Aim aim, Framing framing) {
        Camera camera = new Camera(at, height, lens, aim, NONE);
        return new Staging(beat.written().map(w -> w.withCamera(camera)).orElseGet(() -> shot(beat, framing, camera)), state,
                bible);
    }

    private Shot shot(Beat beat, Framing framing, Camera camera) {
        return new Shot(setup.number(), "plan", framing, beat.subjects(), camera, Move.still(NONE), beat.duration(),
                beat.action(), beat.lines(), Map.of(), List.of(), 1, OptionalLong.empty(), false, NONE);
    }

    static Point round(Point p, double per) {
        return new Point(Math.round(p.x() * per) / per, Math.round(p.y() * per) / per);
    }
}
