package film.slate.core.plan;

import film.slate.core.check.ActionLine;
import film.slate.core.continuity.Continuity;
import film.slate.core.continuity.ShotState;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.Bible;
import film.slate.core.model.Camera;
import film.slate.core.model.CameraIntent;
import film.slate.core.model.Production;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cameras by intent of one scene, placed in edit order: each on the side of the action line the
 * camera before it ended on (else the side the scene's written cameras keep, else the side with more
 * floor), turned 30 degrees or more off the shot before when that shot frames the same person at a
 * similar size, at the shot's own framing, with its blocking and moves staged as written.
 */
final class SceneIntents {
    private final Production production;
    private final Continuity continuity;
    private final ScenePlan scene;
    private final Diagnostics d;
    private final Map<String, String> why;
    private final Bible bible;
    private final double aspect;

    SceneIntents(Production production, Continuity continuity, ScenePlan scene, Diagnostics d, Map<String, String> why) {
        this.production = production;
        this.continuity = continuity;
        this.scene = scene;
        this.d = d;
        this.why = why;
        this.bible = production.bible();
        this.aspect = (double) production.manifest().format().height() / production.manifest().format().width();
    }

    ScenePlan solve() {
        SceneSetup setup;
        try {
            setup = SceneSetup.of(production, scene.scene());
        } catch (PlanProblem e) {
            scene.shots().stream().filter(CameraIntents::byIntent).forEach(s -> refuse(s, e.getMessage()));
            return with(scene.shots().stream().filter(s -> !CameraIntents.byIntent(s)).toList());
        }
        List<Shot> out = new ArrayList<>();
        Optional<CameraSolver.Previous> previous = Optional.empty();
        for (Shot shot : scene.shots()) {
            Optional<ShotState> state = continuity.shot(shot.fullId());
            Shot placed = shot;
            if (CameraIntents.byIntent(shot)) {
                Optional<CameraSolver.Previous> before = previous;
                Optional<Shot> p = state.flatMap(s -> place(setup, shot, s, before, out));
                if (p.isEmpty()) {
                    continue;
                }
                placed = p.get();
            }
            out.add(placed);
            Shot last = placed;
            previous = state.filter(s -> !last.subjects().isEmpty()).map(s -> new CameraSolver.Previous(last.subjects().get(0),
                    last.framing(), new Staging(last, s, bible).camera(1).eye().plan()));
        }
        return with(out);
    }

    private ScenePlan with(List<Shot> shots) {
        return new ScenePlan(scene.file(), scene.scene(), scene.continues(), scene.location(), scene.time(), scene.axis(),
                scene.cast(), shots, scene.where());
    }

    private Optional<Shot> place(SceneSetup setup, Shot shot, ShotState state, Optional<CameraSolver.Previous> previous,
            List<Shot> before) {
        CameraIntent intent = shot.camera().intent().orElseThrow();
        if (!known(shot, intent, state)) {
            return Optional.empty();
        }
        int side = side(setup, before);
        Candidates tally = new Candidates();
        Beat beat = beat(setup, shot, intent, state);
        Optional<Placement> placed = intent.kind() == CameraIntent.Kind.INSERT
                ? new InsertSolver(setup, bible, aspect, side).place(shot, state, intent.subject(), tally)
                : new CameraSolver(setup, bible, aspect, PlanStyle.CLASSIC, side).place(beat, state, previous, Map.of(), tally);
        if (placed.isEmpty()) {
            refuse(shot, Refusal.sentence(beat, tally, setup) + ", or write the camera out with at, lens and look_at");
            return Optional.empty();
        }
        Placement p = placed.get();
        why.put(shot.fullId(), "camera by intent (" + intent + "): " + p.why());
        Camera camera = new Camera(p.at(), p.height(), p.lens(), p.aim(), shot.camera().where(), shot.camera().intent());
        // Subjects left out are the intent's own: the one framed first, then the shoulder or partner.
        List<String> subjects = shot.subjects().isEmpty() ? (intent.kind() == CameraIntent.Kind.SINGLE
                ? beat.subjects().subList(0, 1) : beat.subjects()) : shot.subjects();
        return Optional.of(new Shot(shot.scene(), shot.id(), shot.framing(), subjects, camera, shot.move(), shot.duration(),
                shot.action(), shot.lines(), shot.blocking(), shot.events(), shot.takes(), shot.seed(), shot.crossesLine(),
                shot.where()));
    }

    /** The beat the solver places: who is framed first, then the shoulder (ots) or the one looked at (single). */
    private static Beat beat(SceneSetup setup, Shot shot, CameraIntent intent, ShotState state) {
        List<String> names = intent.names();
        return switch (intent.kind()) {
            case SINGLE -> {
                List<String> who = new ArrayList<>(names);
                setup.axisPair().filter(pair -> pair.contains(names.get(0)))
                        .map(pair -> pair.get(0).equals(names.get(0)) ? pair.get(1) : pair.get(0))
                        .filter(state.start()::containsKey).ifPresent(who::add);
                yield new Beat(Idiom.SINGLE, who, shot.lines(), shot.duration(), shot.action(), Optional.of(shot));
            }
            case OTS -> new Beat(Idiom.OTS, List.of(names.get(1), names.get(0)), shot.lines(), shot.duration(),
                    shot.action(), Optional.of(shot));
            case TWO -> new Beat(Idiom.TWO, names, shot.lines(), shot.duration(), shot.action(), Optional.of(shot));
            case INSERT -> new Beat(Idiom.INSERT, names, shot.lines(), shot.duration(), shot.action(), Optional.of(shot));
            case MASTER -> new Beat(Idiom.MASTER, Coverage.castOrder(setup).stream().filter(state.start()::containsKey)
                    .toList(), shot.lines(), shot.duration(), shot.action(), Optional.of(shot));
        };
    }

    /** Whether every name of the intent is someone in the scene (or a prop that is somewhere); says why not otherwise. */
    private boolean known(Shot shot, CameraIntent intent, ShotState state) {
        SourcePosition at = intent.where().at(intent.kind().key());
        String what = "the camera of shot " + shot.fullId() + " (" + intent + ")";
        if (intent.kind() == CameraIntent.Kind.INSERT) {
            String prop = intent.subject();
            if (!bible.props().containsKey(prop)) {
                d.add(Diagnostic.ofShot(Rule.REF_PROP, at, shot.fullId(), what + " names '" + prop
                        + "', which is not a prop of bible/props.yaml" + known(bible.props().keySet())));
                return false;
            }
            if (new Sight(new Staging(shot, state, bible), aspect).prop(prop, Sight.EVENT_TIME).isEmpty()) {
                d.add(Diagnostic.ofShot(Rule.CAMERA_INTENT, at, shot.fullId(), what + " cannot be placed: " + prop
                        + " is in no one's hand and rests nowhere on the set at that moment; give it to someone with"
                        + " 'holds:' or an event, or insert another prop"));
                return false;
            }
            return true;
        }
        for (String name : intent.names()) {
            if (!bible.characters().containsKey(name)) {
                d.add(Diagnostic.ofShot(Rule.REF_CHARACTER, at, shot.fullId(), what + " names '" + name
                        + "', who is not in bible/characters.yaml" + known(bible.characters().keySet())));
                return false;
            }
            if (!state.start().containsKey(name)) {
                d.add(Diagnostic.ofShot(Rule.CONTINUITY_NOT_IN_SCENE, at, shot.fullId(), what + " names " + name
                        + ", who is not in the cast of scene " + scene.scene() + "; add " + name
                        + " under 'cast:' with a mark, or name someone who is"));
                return false;
            }
        }
        return true;
    }

    private static String known(java.util.Collection<String> names) {
        return names.isEmpty() ? "; add it there first" : "; known: " + String.join(", ", names.stream().limit(12).toList())
                + (names.size() > 12 ? ", ..." : "");
    }

    private void refuse(Shot shot, String sentence) {
        CameraIntent intent = shot.camera().intent().orElseThrow();
        d.add(Diagnostic.ofShot(Rule.CAMERA_INTENT, intent.where().at(intent.kind().key()), shot.fullId(),
                "the camera of shot " + shot.fullId() + " (" + intent + ") cannot be placed: " + sentence));
    }

    /**
     * The side of the line to stand on: where the camera before ended (so the cut keeps the side),
     * else where most of the scene's written cameras start, else the side with more floor.
     */
    private int side(SceneSetup setup, List<Shot> before) {
        if (!before.isEmpty()) {
            int last = sideOf(setup, before.get(before.size() - 1), 1);
            if (last != 0) {
                return last;
            }
        }
        int votes = 0;
        for (Shot s : scene.shots()) {
            votes += CameraIntents.byIntent(s) ? 0 : sideOf(setup, s, 0);
        }
        return votes != 0 ? Integer.signum(votes) : ScenePlanner.side(setup);
    }

    private int sideOf(SceneSetup setup, Shot shot, double t) {
        return continuity.shot(shot.fullId()).map(st -> {
            Staging staging = new Staging(shot, st, bible);
            return ActionLine.of(setup.axis(), staging, t).map(l -> l.side(staging.camera(t).eye().plan())).orElse(0);
        }).orElse(0);
    }
}
