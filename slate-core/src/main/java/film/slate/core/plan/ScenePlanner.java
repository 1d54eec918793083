package film.slate.core.plan;

import film.slate.core.check.ActionLine;
import film.slate.core.continuity.CharacterState;
import film.slate.core.model.Axis;
import film.slate.core.model.CastMember;
import film.slate.core.model.Framing;
import film.slate.core.model.Point;
import film.slate.core.model.Production;
import film.slate.core.model.ScenePlan;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Vec3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code slate plan}: the coverage of one scene, each beat's camera placed by {@link CameraSolver}
 * in edit order (so the 30-degree rule can look back one shot, and every shot after the master
 * keeps the master's left-to-right order), falling back to a wider idiom when a beat's own cannot
 * be placed, and written as a shots file.
 */
public final class ScenePlanner {
    /** Options of the command line: the style, and at most how many shots. */
    public record Options(PlanStyle style, OptionalInt maxShots) {
    }

    private ScenePlanner() {
    }

    public static Plan plan(Production production, String scene, Options options) throws PlanProblem {
        SceneSetup setup = SceneSetup.of(production, scene);
        if (options.maxShots().isPresent() && options.maxShots().getAsInt() < 1) {
            throw new PlanProblem("--shots must be 1 or more", true);
        }
        List<Beat> beats = Coverage.of(setup, options.maxShots());
        Map<String, CharacterState> cast = new LinkedHashMap<>();
        for (CastMember m : setup.cast().values()) {
            cast.put(m.character(), new CharacterState(m.character(), m.at(), m.facing(), m.wardrobe(), m.holds()));
        }
        double aspect = (double) production.manifest().format().height() / production.manifest().format().width();
        int side = side(setup);
        CameraSolver solver = new CameraSolver(setup, production.bible(), aspect, options.style(), side);
        List<PlannedShot> shots = new ArrayList<>();
        List<String> notes = new ArrayList<>(setup.notes());
        Map<String, Double> order = new LinkedHashMap<>();
        Optional<CameraSolver.Previous> previous = Optional.empty();
        for (Beat beat : beats) {
            Optional<Placed> placed;
            try {
                placed = place(solver, beat, setup, cast, previous, order);
            } catch (PlanProblem p) {
                if (shots.isEmpty()) {
                    throw p;
                }
                // No new camera can take these lines without breaking a rule: the shot before holds them longer.
                shots.set(shots.size() - 1, longer(shots.get(shots.size() - 1), beat));
                continue;
            }
            if (placed.isEmpty()) {
                continue; // a reaction with nowhere to stand is left out; the lines are covered elsewhere
            }
            Beat b = placed.get().beat();
            Placement p = placed.get().placement();
            String id = setup.number() + letters(shots.size());
            // A single's listener is off screen, so only the shot's subject is named.
            List<String> subjects = b.idiom() == Idiom.SINGLE || b.idiom() == Idiom.REACTION ? b.subjects().subList(0, 1)
                    : b.subjects();
            shots.add(new PlannedShot(id, b.idiom(), p.framing(), subjects, p.at(), p.height(), p.lens(), p.aim(),
                    b.duration(), b.action(), b.lines(), partner(b), p.why()));
            if (order.isEmpty()) {
                order.putAll(screenOrder(p, cast, aspect, production));
            }
            previous = Optional.of(new CameraSolver.Previous(b.subjects().get(0), p.framing(), p.at()));
        }
        Optional<String> file = setup.existing().map(ScenePlan::file);
        int existing = setup.existing().map(s -> s.shots().size()).orElse(0);
        String yaml = ShotsText.write(setup, options.style(), shots, notes);
        return new Plan(setup.number(), options.style(), shots, notes, file, existing, yaml);
    }

    private record Placed(Beat beat, Placement placement) {
    }

    /** The beat's own idiom, else the wider ones after it; a master that cannot stand anywhere ends the plan with a reason. */
    private static Optional<Placed> place(CameraSolver solver, Beat beat, SceneSetup setup,
            Map<String, CharacterState> cast, Optional<CameraSolver.Previous> previous, Map<String, Double> order)
            throws PlanProblem {
        Candidates first = null;
        Beat firstBeat = beat;
        for (Beat b : fallbacks(beat, setup)) {
            Candidates tally = new Candidates();
            Optional<Placement> p = solver.place(b, cast, previous, order, tally);
            if (p.isPresent()) {
                return Optional.of(new Placed(b, p.get()));
            }
            if (first == null) {
                first = tally;
                firstBeat = b;
            }
        }
        if (beat.idiom() == Idiom.REACTION && beat.lines().isEmpty()) {
            return Optional.empty();
        }
        throw new PlanProblem("scene " + setup.number() + " cannot be planned: " + Refusal.sentence(firstBeat, first, setup), false);
    }

    private static List<Beat> fallbacks(Beat beat, SceneSetup setup) {
        List<Beat> out = new ArrayList<>();
        out.add(beat);
        List<String> everyone = new ArrayList<>(beat.subjects().subList(0, 1));
        Coverage.castOrder(setup).stream().filter(c -> !everyone.contains(c)).forEach(everyone::add);
        switch (beat.idiom()) {
            case OTS -> {
                out.add(beat.as(Idiom.SINGLE, beat.subjects()));
                out.add(beat.as(Idiom.TWO, beat.subjects()));
            }
            case SINGLE -> {
                out.add(beat.as(Idiom.OTS, beat.subjects()));
                out.add(beat.as(Idiom.TWO, beat.subjects()));
            }
            case REACTION -> {
                if (beat.lines().isEmpty()) {
                    return out;
                }
            }
            default -> {
            }
        }
        List<String> group = beat.idiom() == Idiom.MASTER ? beat.subjects() : everyone;
        if (beat.idiom() != Idiom.MASTER) {
            out.add(beat.as(Idiom.MASTER, group));
        }
        // A cast spread round the room may not fit one frame: the master narrows to those nearest the pair at its heart.
        List<String> nearest = new ArrayList<>(group);
        if (nearest.size() > 2) {
            Point a = setup.cast().get(nearest.get(0)).at();
            Point heart = a.lerp(setup.cast().get(nearest.get(1)).at(), 0.5);
            List<String> rest = new ArrayList<>(nearest.subList(2, nearest.size()));
            rest.sort(java.util.Comparator.comparingDouble(c -> setup.cast().get(c).at().distance(heart)));
            while (!rest.isEmpty()) {
                rest.remove(rest.size() - 1);
                List<String> fewer = new ArrayList<>(nearest.subList(0, 2));
                fewer.addAll(rest);
                out.add(beat.as(Idiom.MASTER, fewer));
            }
        }
        return out;
    }

    /** Where each character stands across the master's picture, left to right: the order every later shot keeps. */
    private static Map<String, Double> screenOrder(Placement master, Map<String, CharacterState> cast, double aspect,
            Production production) {
        Map<String, Double> out = new LinkedHashMap<>();
        Vec3 eye = Vec3.of(master.at(), master.height());
        Vec3 target = master.aim().point().map(p -> Vec3.of(p, master.aim().z().orElse(master.height())))
                .orElseGet(() -> Vec3.of(cast.get(master.aim().character().orElseThrow()).at(), master.height()));
        CameraPose pose = new CameraPose(eye, target, master.lens());
        for (CharacterState c : cast.values()) {
            double h = production.bible().characters().containsKey(c.character())
                    ? production.bible().characters().get(c.character()).height() : 1.6 / 0.93;
            pose.project(Vec3.of(c.at(), h * Sight.EYES)).ifPresent(p -> out.put(c.character(), p.x()));
        }
        return out;
    }

    /**
     * The side of the action line the cameras keep: the one with more floor to stand on, 0.3 m or
     * more from the line, the walls and the cast (the left, +1, on a tie).
     */
    static int side(SceneSetup setup) {
        Map<String, Point> at = new LinkedHashMap<>();
        setup.cast().values().forEach(m -> at.put(m.character(), m.at()));
        ActionLine line = line(setup.axis(), at);
        int left = 0;
        int right = 0;
        for (double x = CameraSolver.WALL; x <= setup.width() - CameraSolver.WALL; x += 0.25) {
            for (double y = CameraSolver.WALL; y <= setup.depth() - CameraSolver.WALL; y += 0.25) {
                Point p = new Point(x, y);
                if (at.values().stream().anyMatch(c -> c.distance(p) < CameraSolver.CLEARANCE)) {
                    continue;
                }
                double s = line.signedDistance(p);
                left += s >= CameraSolver.LINE_MARGIN ? 1 : 0;
                right += s <= -CameraSolver.LINE_MARGIN ? 1 : 0;
            }
        }
        return right > left ? -1 : 1;
    }

    static ActionLine line(Axis axis, Map<String, Point> at) {
        if (axis instanceof Axis.Line l) {
            return new ActionLine(l.from(), l.to(), "");
        }
        Axis.Between b = (Axis.Between) axis;
        Point a = at.get(b.first());
        Point c = at.get(b.second());
        if (a == null || c == null || a.distance(c) < 1e-6) {
            Point p = a != null ? a : c != null ? c : Point.ORIGIN;
            return new ActionLine(p, p.plus(new Point(1, 0)), b.first() + "-" + b.second());
        }
        return new ActionLine(a, c, b.first() + "-" + b.second());
    }

    private static PlannedShot longer(PlannedShot s, Beat beat) {
        List<Integer> lines = new ArrayList<>(s.lines());
        lines.addAll(beat.lines());
        return new PlannedShot(s.id(), s.idiom(), s.framing(), s.subjects(), s.at(), s.height(), s.lens(), s.lookAt(),
                Coverage.round(s.duration() + beat.duration()), s.action(), lines, s.partner(),
                s.why() + "; it also holds line(s) " + beat.lines() + ", which no other camera could take");
    }

    private static String partner(Beat b) {
        boolean pair = b.idiom() == Idiom.OTS || b.idiom() == Idiom.SINGLE || b.idiom() == Idiom.REACTION;
        return pair && b.subjects().size() > 1 ? b.subjects().get(1) : "";
    }

    /** A, B, ..., Z, AA, AB, ...: the letters of the n-th shot of a scene. */
    static String letters(int n) {
        String s = "";
        int i = n;
        do {
            s = (char) ('A' + i % 26) + s;
            i = i / 26 - 1;
        } while (i >= 0);
        return s;
    }

    static Framing widest(List<PlannedShot> shots) {
        return shots.isEmpty() ? Framing.WS : shots.get(0).framing();
    }
}
