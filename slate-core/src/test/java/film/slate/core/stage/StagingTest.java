package film.slate.core.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import film.slate.core.continuity.CharacterState;
import film.slate.core.continuity.ShotState;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.Aim;
import film.slate.core.model.Bible;
import film.slate.core.model.Blocking;
import film.slate.core.model.Camera;
import film.slate.core.model.Character;
import film.slate.core.model.Framing;
import film.slate.core.model.Move;
import film.slate.core.model.MoveType;
import film.slate.core.model.Point;
import film.slate.core.model.Positions;
import film.slate.core.model.Shot;
import film.slate.core.model.Style;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StagingTest {
    static final Positions HERE = Positions.of(SourcePosition.of("shots/001.yaml", 1, 1));
    static final Bible BIBLE = new Bible(Map.of("MARA", new Character("MARA", "Mara", "keeper", 1.7, "#ff0000", List.of(),
            Map.of(), HERE)), Map.of(), Map.of(), new Style(Style.DEFAULT_PROMPT, "", "", List.of(), HERE));

    static Shot shot(Camera camera, Move move, Map<String, Blocking> blocking) {
        return new Shot("1", "1A", Framing.MS, List.of("MARA"), camera, move, 4, "", List.of(), blocking, List.of(), 1,
                OptionalLong.empty(), false, HERE);
    }

    static Move move(MoveType type, Point to, Double degrees) {
        return new Move(type, Optional.ofNullable(to), OptionalDouble.empty(), Optional.empty(),
                degrees == null ? OptionalDouble.empty() : OptionalDouble.of(degrees), OptionalDouble.empty(), HERE);
    }

    static Staging staging(Shot shot, Point from, Point to) {
        CharacterState a = new CharacterState("MARA", from, 0, Optional.empty(), List.of());
        CharacterState b = new CharacterState("MARA", to, from.distance(to) > 0 ? from.bearingTo(to) : 0, Optional.empty(), List.of());
        return new Staging(new ShotState(shot, Map.of("MARA", a), Map.of("MARA", b)), BIBLE);
    }

    @Test
    void dollyTravelsWithAnEaseAndKeepsItsAim() {
        Camera cam = new Camera(new Point(0, -5), 1.6, 35, Aim.at(new Point(0, 0)), HERE);
        Staging s = staging(shot(cam, move(MoveType.DOLLY, new Point(0, -2), null), Map.of()), new Point(0, 0), new Point(0, 0));
        assertThat(s.camera(0).eye().y()).isCloseTo(-5, within(1e-9));
        assertThat(s.camera(0.5).eye().y()).isCloseTo(-3.5, within(1e-9));
        assertThat(s.camera(1).eye().y()).isCloseTo(-2, within(1e-9));
        assertThat(s.camera(0.1).eye().y() + 5).isLessThan(0.3 * 0.1 * 3); // eased: slow off the mark
        assertThat(s.camera(1).bearing()).isCloseTo(0, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-270, -90, -30, 45, 90, 180})
    void orbitKeepsItsDistanceAndTurnsByItsDegrees(double degrees) {
        Camera cam = new Camera(new Point(0, -4), 1.6, 35, Aim.at("MARA"), HERE);
        Staging s = staging(shot(cam, move(MoveType.ORBIT, null, degrees), Map.of()), new Point(0, 0), new Point(0, 0));
        Point end = s.camera(1).eye().plan();
        assertThat(end.distance(new Point(0, 0))).isCloseTo(4, within(1e-9));
        double turned = ((new Point(0, 0).bearingTo(end) - 180) % 360 + 360) % 360;
        assertThat(turned).isCloseTo(((degrees % 360) + 360) % 360, within(1e-6));
    }

    @Test
    void positivePanTurnsRight() {
        Camera cam = new Camera(new Point(0, 0), 1.6, 35, Aim.at(new Point(0, 5)), HERE);
        Staging s = staging(shot(cam, move(MoveType.PAN, null, 90.0), Map.of()), new Point(3, 3), new Point(3, 3));
        assertThat(s.camera(0).bearing()).isCloseTo(0, within(1e-9));
        assertThat(s.camera(1).bearing()).isCloseTo(90, within(1e-9));
    }

    @Test
    void aimAtACharacterFollowsTheirWalk() {
        Camera cam = new Camera(new Point(0, -5), 1.6, 35, Aim.at("MARA"), HERE);
        Blocking walk = new Blocking("MARA", new Point(4, 0), OptionalDouble.empty(), HERE);
        Staging s = staging(shot(cam, Move.still(HERE), Map.of("MARA", walk)), new Point(-4, 0), new Point(4, 0));
        assertThat(s.camera(0).bearing()).isGreaterThan(270);
        assertThat(s.camera(1).bearing()).isLessThan(90);
        assertThat(s.facing("MARA", 0.5)).isCloseTo(90, within(1e-9));
        assertThat(s.camera(0.5).target().z()).isCloseTo(1.7 * 0.93, within(1e-9));
    }

    @Test
    void projectionPutsTheFrameEdgeAtHalfTheFieldOfView() {
        CameraPose pose = new CameraPose(new Vec3(0, 0, 1), new Vec3(0, 10, 1), 36);
        double half = Math.toRadians(pose.horizontalFov() / 2);
        Point edge = pose.project(new Vec3(10 * Math.tan(half), 10, 1)).orElseThrow();
        assertThat(edge.x()).isCloseTo(1, within(1e-9));
        assertThat(edge.y()).isCloseTo(0, within(1e-9));
        assertThat(pose.project(new Vec3(0, -1, 1))).isEmpty();
        assertThat(Lens.horizontalFov(36)).isCloseTo(2 * Math.toDegrees(Math.atan(0.5)), within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void projectedPointsOnTheRightOfTheViewLandRight(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            Vec3 eye = new Vec3(r.nextDouble() * 10, r.nextDouble() * 10, 0.5 + r.nextDouble() * 2);
            double bearing = r.nextDouble() * 360;
            Point dir = Point.ofBearing(bearing);
            CameraPose pose = new CameraPose(eye, eye.plus(new Vec3(dir.x(), dir.y(), 0)), 10 + r.nextDouble() * 100);
            Point rightOfView = Point.ofBearing(bearing + 20);
            Point p = pose.project(eye.plus(new Vec3(rightOfView.x() * 5, rightOfView.y() * 5, 0))).orElseThrow();
            assertThat(p.x()).isPositive();
        }
    }
}
