package film.slate.core.plan;

import film.slate.core.check.ActionLine;
import film.slate.core.continuity.CharacterState;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Aim;
import film.slate.core.model.Bible;
import film.slate.core.model.Camera;
import film.slate.core.model.Framing;
import film.slate.core.model.Location;
import film.slate.core.model.Move;
import film.slate.core.model.Point;
import film.slate.core.model.Positions;
import film.slate.core.model.Rounded;
import film.slate.core.model.SetPiece;
import film.slate.core.model.Shot;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.ShotSize;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import film.slate.core.stage.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Places one camera by sampling the floor plan: around the subject, every few degrees, at the
 * distance each lens of the kit needs for the shot size, each candidate is staged and measured
 * through previz's own geometry ({@link Sight}) against the hard constraints of {@link
 * Candidates.Gate} in turn; of those that pass, the one nearest the idiom's ideal angle with the
 * style's preferred lens, away from the walls, wins. Ties go to the first tried, so the result is
 * the same on every run. The sizes and lenses tried are {@link LensChoice}'s, the camera's height
 * and aim {@link Eyeline}'s, the picture gates {@link FrameGates}'.
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
    private final int side;
    private final ScreenOrder screen;
    private final LensChoice lenses;
    private final Eyeline eyeline;
    private final FrameGates gates;

    CameraSolver(SceneSetup setup, Bible bible, double aspect, PlanStyle style, int side) {
        this.setup = setup;
        this.bible = bible;
        this.aspect = aspect;
        this.side = side;
        this.screen = new ScreenOrder(side);
        this.lenses = new LensChoice(style);
        this.eyeline = new Eyeline(bible, style);
        this.gates = new FrameGates(aspect, eyeline, lenses);
    }

    /** A candidate that passed every gate, with what its explanation needs (written only for the winner). */
    private record Scored(Placement placement, double score, Staging staging, double off) { }

    /** The best camera for {@code beat}, or empty with {@code tally} saying which constraint no candidate met. */
    Optional<Placement> place(Beat beat, Map<String, CharacterState> cast, Optional<Previous> previous, Map<String, Double> order,
            Candidates tally) {
        List<SetPiece> pieces = Optional.ofNullable(bible.locations().get(setup.location())).map(Location::set).orElse(List.of());
        return place(beat, new ShotState(shot(beat, Framing.WS, new Camera(Point.ORIGIN, 1.6, 35,
                Aim.at(new Point(0, 1)), NONE)), cast, cast, Map.of(), Map.of(), pieces), previous, order, tally);
    }

    /** The same, for a cast that may move during the shot (a camera by intent on a written shot). */
    Optional<Placement> place(Beat beat, ShotState state, Optional<Previous> previous, Map<String, Double> order,
            Candidates tally) {
        Map<String, CharacterState> cast = state.start();
        Staging still = staging(beat, state, new Point(0, 0), 1.6, 35, Aim.at(new Point(0, 1)), Framing.WS);
        Optional<ActionLine> line = ActionLine.of(setup.axis(), still, 0);
        String subject = beat.subjects().get(0);
        Point base = Eyeline.aimPoint(beat, still).plan();
        Aim aim = eyeline.aim(beat, still);
        Scored best = null;
        boolean group = beat.idiom() == Idiom.MASTER || beat.idiom() == Idiom.TWO;
        List<Framing> framings = group ? lenses.framings(beat).subList(0, 1) : lenses.framings(beat);
        double nearest = beat.idiom() == Idiom.OTS && beat.subjects().size() > 1 && cast.containsKey(beat.subjects().get(1))
                ? base.distance(cast.get(beat.subjects().get(1)).at()) + CLEARANCE : 0;
        for (Framing framing : framings) {
            for (double lens : lenses.lenses(beat)) {
                if (best != null && lenses.floor(beat, framing, lens) >= best.score()) {
                    continue; // nothing at this size and lens can beat what is found
                }
                for (double distance : distances(beat, framing, lens, still.height(subject))) {
                    if (distance < nearest) {
                        continue; // an over-the-shoulder's camera stands behind the shoulder
                    }
                    int bearings = group ? BEARINGS / 2 : BEARINGS;
                    for (int i = 0; i < bearings; i++) {
                        double bearing = 360.0 * i / bearings;
                        Point at = Rounded.centimetres(base.plus(Point.ofBearing(bearing).times(distance)));
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
        double far = StrictMath.hypot(setup.width(), setup.depth());
        for (double d = 1; d <= far; d *= 1.12) {
            out.add(d);
        }
        return out;
    }

    private Optional<Scored> judge(Beat beat, ShotState state, Framing framing, double lens, Point at, Aim aim,
            Vec3 target, Optional<ActionLine> line, Optional<Previous> previous, Map<String, Double> order,
            Candidates tally) {
        if (!stands(setup, side, at, state, line, tally)) {
            return Optional.empty();
        }
        String subject = beat.subjects().get(0);
        double height = eyeline.height(beat, state);
        boolean still = FrameGates.still(beat, state);
        if (still && !gates.quickFrame(beat, state, new CameraPose(Vec3.of(at, height), target, lens))) {
            return Optional.empty(); // a still scene: a few projections settle it before anything is staged
        }
        double[] instants = still ? STILL : INSTANTS;
        Staging staging = staging(beat, state, at, height, lens, aim, framing);
        Sight sight = new Sight(staging, aspect);
        if (!gates.framed(beat, sight, instants)) {
            return Optional.empty();
        }
        tally.passed(Candidates.Gate.FRAME);
        for (String s : FrameGates.people(beat, staging)) {
            for (double t : instants) {
                if (sight.hiddenBy(s, t).isPresent()) {
                    return Optional.empty();
                }
            }
        }
        tally.passed(Candidates.Gate.HIDDEN);
        Optional<Framing> declared = gates.sized(beat, sight, framing, instants);
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
        double ideal = screen.ideal(beat, staging, line, Eyeline.aimPoint(beat, staging).plan());
        Point centre = Eyeline.aimPoint(beat, staging).plan();
        double off = turn(centre, at, centre.plus(Point.ofBearing(ideal)));
        double wall = Math.min(Math.min(at.x(), setup.width() - at.x()), Math.min(at.y(), setup.depth() - at.y()));
        double score = off + lenses.floor(beat, declared.get(), lens) + Math.max(0, 0.8 - wall) * 20;
        return Optional.of(new Scored(new Placement(at, height, lens, aim, declared.get(), ""), score, staging, off));
    }

    /** The cheap gates every camera meets first, counted: inside the room, clear of the cast, on the scene's side of the line. */
    static boolean stands(SceneSetup setup, int side, Point at, ShotState state, Optional<ActionLine> line, Candidates tally) {
        tally.count();
        if (at.x() < WALL || at.y() < WALL || at.x() > setup.width() - WALL || at.y() > setup.depth() - WALL
                || state.pieces().stream().anyMatch(p -> p.covers(at))) {
            return false; // outside the room, or on a piece of the set
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

    private Staging staging(Beat beat, ShotState state, Point at, double height, double lens, Aim aim, Framing framing) {
        Camera camera = new Camera(at, height, lens, aim, NONE);
        return new Staging(beat.written().map(w -> w.withCamera(camera)).orElseGet(() -> shot(beat, framing, camera)), state,
                bible);
    }

    private Shot shot(Beat beat, Framing framing, Camera camera) {
        return new Shot(setup.number(), "plan", framing, beat.subjects(), camera, Move.still(NONE), beat.duration(),
                beat.action(), beat.lines(), Map.of(), List.of(), 1, OptionalLong.empty(), false, NONE);
    }
}
