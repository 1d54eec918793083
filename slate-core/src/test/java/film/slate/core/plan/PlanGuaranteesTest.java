package film.slate.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.check.Checker;
import film.slate.core.continuity.Continuity;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Severity;
import film.slate.core.model.Framing;
import film.slate.core.model.Point;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.read.ProductionReader;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import film.slate.core.stage.Vec3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planner's guarantees, as properties over generated scenes (2 to 6 characters, random marks,
 * rooms and dialogue; {@code -Dslate.plan.trials=N} for more than the default 12 seeds), each in
 * every style. The plan is written into the production and read back, so what is measured is the
 * file a crew would get.
 */
class PlanGuaranteesTest {
    static final int TRIALS = Integer.getInteger("slate.plan.trials", 12);

    static Stream<Long> seeds() {
        return LongStream.range(0, TRIALS).mapToObj(i -> 1000 + i * 7919L);
    }

    record Planned(Production production, Plan plan, Map<String, Sight> sights) {
    }

    static Planned plan(Path dir, long seed, PlanStyle style) throws Exception {
        SceneGenerator.write(dir, seed);
        Production before = ProductionReader.read(dir).production();
        Plan plan = ScenePlanner.plan(before, "1", new ScenePlanner.Options(style, OptionalInt.empty()));
        Files.writeString(dir.resolve("shots/001.yaml"), plan.yaml());
        var read = ProductionReader.read(dir);
        List<Diagnostic> found = Checker.check(read);
        assertThat(found).as("findings on the plan of seed %d (%s):%n%s", seed, style, plan.yaml())
                .filteredOn(d -> d.severity() != Severity.INFO).isEmpty();
        Production p = read.production();
        Continuity continuity = Continuity.of(p);
        double aspect = (double) p.manifest().format().height() / p.manifest().format().width();
        Map<String, Sight> sights = new HashMap<>();
        for (Shot shot : p.shots()) {
            sights.put(shot.id(), new Sight(new Staging(continuity.shot(shot.fullId()).orElseThrow(), p.bible()), aspect));
        }
        return new Planned(p, plan, sights);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyPlanChecksCleanAndKeepsTheGrammar(long seed, @TempDir Path dir) throws Exception {
        for (PlanStyle style : PlanStyle.values()) {
            Path d = dir.resolve(style.word());
            Planned planned = plan(d, seed, style);
            List<Shot> shots = planned.production().shots();
            assertThat(shots).isNotEmpty();
            assertThat(shots.get(0).framing().ordinal()).as("the opening shot is no tighter than a full shot")
                    .isLessThanOrEqualTo(Framing.FS.ordinal());
            for (Shot shot : shots) {
                Sight sight = planned.sights().get(shot.id());
                camerasStandInTheRoomClearOfTheCast(planned.production(), shot, sight);
                headsInFrameAtTheStatedSize(shot, sight);
            }
            leftRightOrderHolds(shots, planned.sights());
            consecutiveShotsOfOneSubjectTurnOrChangeSize(shots, planned.sights());
            reversesGazeOppositeWays(planned.plan(), planned.sights());
            speakerIsSeen(planned.plan(), shots, planned.sights());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameSceneGivesTheSamePlanByteForByte(long seed, @TempDir Path dir) throws Exception {
        SceneGenerator.write(dir.resolve("a"), seed);
        SceneGenerator.write(dir.resolve("b"), seed);
        var options = new ScenePlanner.Options(PlanStyle.CLASSIC, OptionalInt.empty());
        String a = ScenePlanner.plan(ProductionReader.read(dir.resolve("a")).production(), "1", options).yaml();
        String b = ScenePlanner.plan(ProductionReader.read(dir.resolve("b")).production(), "1", options).yaml();
        String again = ScenePlanner.plan(ProductionReader.read(dir.resolve("a")).production(), "1", options).yaml();
        assertThat(b).isEqualTo(a);
        assertThat(again).isEqualTo(a);
    }

    static void camerasStandInTheRoomClearOfTheCast(Production p, Shot shot, Sight sight) {
        var room = p.bible().locations().get("ROOM");
        for (double t : new double[] {0, 0.5, 1}) {
            Point at = sight.staging().camera(t).eye().plan();
            assertThat(at.x()).as("camera of %s inside the room", shot.fullId()).isBetween(0.0, room.width());
            assertThat(at.y()).as("camera of %s inside the room", shot.fullId()).isBetween(0.0, room.depth());
            for (String c : sight.staging().cast()) {
                assertThat(sight.staging().position(c, t).orElseThrow().distance(at))
                        .as("camera of %s clear of %s", shot.fullId(), c).isGreaterThanOrEqualTo(CameraSolver.CLEARANCE - 1e-9);
            }
        }
    }

    static void headsInFrameAtTheStatedSize(Shot shot, Sight sight) {
        List<String> people = shot.subjects().stream().filter(s -> sight.staging().position(s, 0).isPresent()).toList();
        boolean group = people.size() > 1 && !shot.camera().lookAt().character().isPresent();
        for (double t : new double[] {0, 0.5, 1}) {
            for (int i = 0; i < people.size(); i++) {
                double margin = i == 0 || group ? 1 : 1.3; // the shoulder of an over-the-shoulder may pass the edge
                assertThat(sight.inFrame(sight.eyes(people.get(i), t).orElseThrow(), t, margin))
                        .as("%s's head in frame in %s at %s", people.get(i), shot.fullId(), t).isTrue();
            }
            assertThat(sight.size(people.get(0), t)).as("size of %s in %s", people.get(0), shot.fullId())
                    .contains(shot.framing());
        }
    }

    /** Any two characters seen in two shots stand in the same left-right order in both. */
    private static void leftRightOrderHolds(List<Shot> shots, Map<String, Sight> sights) {
        Map<String, Boolean> firstSeen = new HashMap<>();
        for (Shot shot : shots) {
            Sight sight = sights.get(shot.id());
            CameraPose pose = sight.staging().camera(0);
            Map<String, Double> x = new HashMap<>();
            for (String c : sight.staging().cast()) {
                pose.project(sight.eyes(c, 0).orElseThrow()).filter(p -> Math.abs(p.x()) <= 1).ifPresent(p -> x.put(c, p.x()));
            }
            for (var a : x.entrySet()) {
                for (var b : x.entrySet()) {
                    if (a.getKey().compareTo(b.getKey()) < 0) {
                        boolean leftOf = a.getValue() < b.getValue();
                        Boolean before = firstSeen.putIfAbsent(a.getKey() + "|" + b.getKey(), leftOf);
                        assertThat(before == null || before == leftOf).as("%s and %s keep their order in %s",
                                a.getKey(), b.getKey(), shot.fullId()).isTrue();
                    }
                }
            }
        }
    }

    private static void consecutiveShotsOfOneSubjectTurnOrChangeSize(List<Shot> shots, Map<String, Sight> sights) {
        for (int i = 1; i < shots.size(); i++) {
            Shot a = shots.get(i - 1);
            Shot b = shots.get(i);
            if (!a.subjects().get(0).equals(b.subjects().get(0)) || a.framing().stepsTo(b.framing()) >= 2) {
                continue;
            }
            Point subject = sights.get(b.id()).staging().position(b.subjects().get(0), 0).orElseThrow();
            double turn = CameraSolver.turn(subject, sights.get(a.id()).staging().camera(1).eye().plan(),
                    sights.get(b.id()).staging().camera(0).eye().plan());
            assertThat(turn).as("turn between %s and %s", a.fullId(), b.fullId()).isGreaterThanOrEqualTo(30);
        }
    }

    /** In a reverse pair (consecutive singles or over-the-shoulders of two who talk to each other) each looks across the screen the other way. */
    private static void reversesGazeOppositeWays(Plan plan, Map<String, Sight> sights) {
        List<PlannedShot> shots = plan.shots();
        for (int i = 1; i < shots.size(); i++) {
            PlannedShot a = shots.get(i - 1);
            PlannedShot b = shots.get(i);
            if (!reverse(a) || !reverse(b) || !a.partner().equals(b.subjects().get(0))
                    || !b.partner().equals(a.subjects().get(0))) {
                continue;
            }
            String sa = a.subjects().get(0);
            String sb = b.subjects().get(0);
            double ga = gaze(sights.get(a.id()), sa, sb);
            double gb = gaze(sights.get(b.id()), sb, sa);
            assertThat(Math.signum(ga) * Math.signum(gb)).as("gazes of %s in %s and %s in %s", sa, a.id(), sb, b.id())
                    .isEqualTo(-1.0);
        }
    }

    private static boolean reverse(PlannedShot s) {
        return s.idiom() == Idiom.OTS || s.idiom() == Idiom.SINGLE;
    }

    /** Which way across the screen {@code who} looks when looking at {@code at}: the sign of the screen travel of the gaze. */
    private static double gaze(Sight sight, String who, String at) {
        Vec3 eyes = sight.eyes(who, 0).orElseThrow();
        Point toward = sight.staging().position(at, 0).orElseThrow().minus(eyes.plan());
        Vec3 ahead = Vec3.of(eyes.plan().plus(toward.times(0.3 / toward.length())), eyes.z());
        CameraPose pose = sight.staging().camera(0);
        return pose.project(ahead).orElseThrow().x() - pose.project(eyes).orElseThrow().x();
    }

    /** The speaker's head is in the picture, mid-shot, for at least 80% of the lines. */
    private static void speakerIsSeen(Plan plan, List<Shot> shots, Map<String, Sight> sights) throws Exception {
        int lines = 0;
        int seen = 0;
        Map<Integer, String> speakers = new HashMap<>();
        for (Shot shot : shots) {
            for (int line : shot.lines()) {
                lines++;
                String speaker = speaker(plan, line, speakers);
                Sight sight = sights.get(shot.id());
                if (sight.eyes(speaker, 0.5).map(e -> sight.inFrame(e, 0.5, 1)).orElse(false)) {
                    seen++;
                }
            }
        }
        assertThat(seen).as("lines whose speaker is seen, of %d", lines).isGreaterThanOrEqualTo((int) Math.ceil(lines * 0.8));
    }

    private static String speaker(Plan plan, int line, Map<Integer, String> cache) {
        return cache.computeIfAbsent(line, l -> plan.shots().stream().filter(s -> s.lines().contains(l))
                .map(s -> s.subjects().get(0)).findFirst().orElseThrow());
    }

    static List<String> names(List<Shot> shots) {
        List<String> out = new ArrayList<>();
        shots.forEach(s -> out.add(s.fullId()));
        return out;
    }
}
