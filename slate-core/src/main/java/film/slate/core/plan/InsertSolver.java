package film.slate.core.plan;

import film.slate.core.check.ActionLine;
import film.slate.core.continuity.ShotState;
import film.slate.core.model.Aim;
import film.slate.core.model.Bible;
import film.slate.core.model.Camera;
import film.slate.core.model.Framing;
import film.slate.core.model.Point;
import film.slate.core.model.Rounded;
import film.slate.core.model.Shot;
import film.slate.core.stage.ShotSize;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import film.slate.core.stage.Vec3;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;

/**
 * Places the camera of an insert: round the prop where it is at the middle of the shot (in a hand,
 * or resting on the set), a little above it and looking down, at the distance that makes the picture
 * {@link #PICTURE} metres tall, through the same gates as every other camera (room, cast, side of
 * the line, in frame, not hidden: {@link Sight#propHiddenBy}, the measure of {@code framing/insert}, so
 * a camera placed here passes that rule); nearest square to the line with a lens near 65 mm wins.
 */
final class InsertSolver {
    /** The picture's height at the prop: a hand and what it holds. */
    static final double PICTURE = 0.5;
    /** The lens is this far above the prop. */
    static final double ABOVE = 0.5;
    static final double PREFERRED = 65;

    private final SceneSetup setup;
    private final Bible bible;
    private final double aspect;
    private final int side;

    InsertSolver(SceneSetup setup, Bible bible, double aspect, int side) {
        this.setup = setup;
        this.bible = bible;
        this.aspect = aspect;
        this.side = side;
    }

    private record Scored(Placement placement, double score) {
    }

    Optional<Placement> place(Shot shot, ShotState state, String prop, Candidates tally) {
        Staging still = new Staging(shot, state, bible);
        Optional<Vec3> where = new Sight(still, aspect).prop(prop, Sight.EVENT_TIME);
        if (where.isEmpty()) {
            return Optional.empty();
        }
        Vec3 target = Vec3.of(Rounded.centimetres(where.get().plan()), Rounded.centimetres(where.get().z()));
        Optional<ActionLine> line = ActionLine.of(setup.axis(), still, 0);
        double square = new ScreenOrder(side).ideal(new Beat(Idiom.INSERT, List.of(prop), List.of(), 1, ""), still, line,
                target.plan());
        double height = Rounded.cameraHeight(Math.min(2.2, target.z() + ABOVE));
        Aim aim = new Aim(Optional.empty(), Optional.of(target.plan()), OptionalDouble.of(target.z()));
        List<Double> lenses = DoubleStream.of(CameraSolver.KIT).boxed()
                .sorted(Comparator.comparingDouble(l -> Math.abs(StrictMath.log(l / PREFERRED)))).toList();
        Scored best = null;
        for (double lens : lenses) {
            double reach = PICTURE / ShotSize.pictureHeight(lens, 1, aspect);
            double across = Math.sqrt(Math.max(0.01, reach * reach - ABOVE * ABOVE));
            for (int i = 0; i < CameraSolver.BEARINGS; i++) {
                double bearing = 360.0 * i / CameraSolver.BEARINGS;
                Point at = Rounded.centimetres(target.plan().plus(Point.ofBearing(bearing).times(across)));
                Optional<Double> score = judge(shot, state, prop, at, height, lens, aim, line, tally);
                if (score.isPresent()) {
                    double s = score.get() + CameraSolver.turn(target.plan(), at, target.plan().plus(Point.ofBearing(square)));
                    if (best == null || s < best.score() - 1e-9) {
                        best = new Scored(new Placement(at, height, lens, aim, Framing.INSERT, why(prop, at, lens, target,
                                line)), s);
                    }
                }
            }
        }
        return Optional.ofNullable(best).map(Scored::placement);
    }

    /** The gates of {@link Candidates} an insert has, in order; a score (lens and walls) when it passes them. */
    private Optional<Double> judge(Shot shot, ShotState state, String prop, Point at, double height, double lens, Aim aim,
            Optional<ActionLine> line, Candidates tally) {
        if (!CameraSolver.stands(setup, side, at, state, line, tally)) {
            return Optional.empty();
        }
        Staging staging = new Staging(shot.withCamera(new Camera(at, height, lens, aim, shot.camera().where())), state, bible);
        Sight sight = new Sight(staging, aspect);
        Vec3 p = sight.prop(prop, Sight.EVENT_TIME).orElseThrow();
        if (!sight.inFrame(p, Sight.EVENT_TIME, CameraSolver.HEAD_ROOM)) {
            return Optional.empty();
        }
        tally.passed(Candidates.Gate.FRAME);
        if (sight.propHiddenBy(prop, Sight.EVENT_TIME).isPresent()) {
            return Optional.empty(); // someone or a piece of the set in the way, measured as framing/insert measures it
        }
        for (Candidates.Gate g : List.of(Candidates.Gate.HIDDEN, Candidates.Gate.SIZE, Candidates.Gate.ORDER,
                Candidates.Gate.GAZE, Candidates.Gate.CUT)) {
            tally.passed(g); // an insert has no size band, no left-right order, no gaze and no subject to jump on
        }
        double wall = Math.min(Math.min(at.x(), setup.width() - at.x()), Math.min(at.y(), setup.depth() - at.y()));
        return Optional.of(30 * Math.abs(StrictMath.log(lens / PREFERRED)) + Math.max(0, 0.8 - wall) * 20);
    }

    private String why(String prop, Point at, double lens, Vec3 target, Optional<ActionLine> line) {
        return "an insert of " + prop + ", where it is at the middle of the shot " + "[" + Explain.fmt(target.x()) + ", "
                + Explain.fmt(target.y()) + ", " + Explain.fmt(target.z()) + "]; camera at " + at + ", "
                + Explain.fmt(at.distance(target.plan())) + " m from it, " + Explain.fmt(ABOVE)
                + " m above it looking down" + line.map(l -> ", on the side of the action line " + l.label()
                        + " the scene keeps").orElse("") + "; a " + Explain.fmt(lens) + " mm lens makes the picture "
                + Explain.fmt(PICTURE) + " m tall there";
    }
}
