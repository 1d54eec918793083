package film.slate.media.board;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.check.ActionLine;
import film.slate.core.check.Checker;
import film.slate.core.continuity.Continuity;
import film.slate.core.model.Point;
import film.slate.core.model.Production;
import film.slate.core.stage.Staging;
import film.slate.media.TestFilm;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.VideoInfo;
import film.slate.media.previz.Previz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StoryboardTest {
    @TempDir
    Path dir;

    static IntStream seeds() {
        return IntStream.range(0, 4 * Integer.getInteger("slate.trials", 1));
    }

    /** The red line on the plan is the checker's line: same end points, read back through the SVG transform. */
    @ParameterizedTest
    @MethodSource("seeds")
    void thePlansActionLineIsTheCheckersLine(int seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        String mara = String.format(Locale.ROOT, "[%.3f, %.3f]", r.nextDouble(0.5, 5.5), r.nextDouble(0.5, 5.5));
        String tom = String.format(Locale.ROOT, "[%.3f, %.3f]", r.nextDouble(0.5, 5.5), r.nextDouble(0.5, 5.5));
        String shots = TestFilm.SHOTS.replace("at: [2, 3], facing: 90", "at: " + mara + ", facing: 90")
                .replace("at: [4, 3], facing: 270", "at: " + tom + ", facing: 270");
        Production p = TestFilm.read(TestFilm.write(dir, shots, 24, 64, 36)).production();
        FloorPlan plan = new FloorPlan(Previz.of(p), p.scenes().get(0));
        Staging first = new Staging(Continuity.of(p).shot("1/1A").orElseThrow(), p.bible());
        ActionLine expected = ActionLine.of(p.scenes().get(0).axis().orElseThrow(), first, 0).orElseThrow();

        Matcher m = Pattern.compile("<line id=\"action-line-1\" x1=\"([-0-9.]+)\" y1=\"([-0-9.]+)\" x2=\"([-0-9.]+)\" y2=\"([-0-9.]+)\"")
                .matcher(plan.svg());
        assertThat(m.find()).isTrue();
        Point from = plan.toPlan(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
        Point to = plan.toPlan(Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)));
        assertThat(from.distance(expected.from())).isLessThan(1e-4);
        assertThat(to.distance(expected.to())).isLessThan(1e-4);
        // And the side the plan shows each camera on is the side the checker computes.
        for (var shot : p.scenes().get(0).shots()) {
            Staging s = new Staging(Continuity.of(p).shot(shot.fullId()).orElseThrow(), p.bible());
            Point eye = s.camera(0).eye().plan();
            double drawn = Math.signum((to.minus(from)).cross(eye.minus(from)));
            assertThat(drawn).isEqualTo(Math.signum(expected.signedDistance(eye)));
        }
    }

    /** A set piece is drawn on the plan where it stands (its corners read back through the SVG transform), and a seated mark says so. */
    @Test
    void thePlanDrawsTheSetPiecesAndPostures() throws Exception {
        Path film = TestFilm.write(dir, TestFilm.SHOTS.replace("facing: 270 }", "facing: 270, posture: sit }"), 24, 64, 36);
        Files.writeString(film.resolve("bible/locations.yaml"), TestFilm.LOCATIONS
                + "  set: { BENCH: { at: [4, 3], size: [1.2, 0.5], height: 0.45, facing: 30 } }\n");
        Production p = TestFilm.read(film).production();
        FloorPlan plan = new FloorPlan(Previz.of(p), p.scenes().get(0));
        Matcher m = Pattern.compile("<g class=\"piece\"><polygon points=\"([^\"]+)\"").matcher(plan.svg());
        assertThat(m.find()).isTrue();
        var piece = p.bible().locations().get("LAMP_ROOM").set().get(0);
        String[] corners = m.group(1).split(" ");
        assertThat(corners).hasSize(4);
        for (int i = 0; i < 4; i++) {
            String[] xy = corners[i].split(",");
            Point drawn = plan.toPlan(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
            assertThat(drawn.distance(piece.corners().get(i))).isLessThan(1e-3);
        }
        assertThat(plan.svg()).contains(">BENCH</text>").contains(">TOM (sits)</text>");
    }

    /**
     * A prop put down rests on the plan where continuity leaves it (read back through the SVG
     * transform), drawn over the piece it rests on, which it names; one on the floor says so.
     */
    @Test
    void thePlanDrawsPropsWhereTheyRestOnTheSet() throws Exception {
        // Mara ends 1A at [2.5, 3] facing east: the lantern rests at [2.95, 3], on the table.
        Path film = TestFilm.write(dir.resolve("table"), TestFilm.SHOTS, 24, 64, 36);
        Files.writeString(film.resolve("bible/locations.yaml"), TestFilm.LOCATIONS
                + "  set: { TABLE: { at: [3, 3.2], size: [0.8, 0.8], height: 0.75 } }\n");
        Production p = TestFilm.read(film).production();
        FloorPlan plan = new FloorPlan(Previz.of(p), p.scenes().get(0));
        String svg = plan.svg();
        Matcher m = Pattern.compile("<g class=\"prop\" data-prop=\"LANTERN\"><rect x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" width=\"([0-9.]+)\"")
                .matcher(svg);
        assertThat(m.find()).as(svg).isTrue();
        double half = Double.parseDouble(m.group(3)) / 2;
        Point drawn = plan.toPlan(Double.parseDouble(m.group(1)) + half, Double.parseDouble(m.group(2)) + half);
        Point rest = Continuity.of(p).shot("1/1A").orElseThrow().setEnd().get("LANTERN");
        assertThat(drawn.distance(rest)).isLessThan(1e-3);
        assertThat(svg.indexOf("data-prop=\"LANTERN\"")).isGreaterThan(svg.indexOf("<g class=\"piece\">"));
        assertThat(svg).contains("<title>LANTERN, on TABLE (0.75 m)</title>");

        Production bare = TestFilm.read(TestFilm.write(dir.resolve("bare"), TestFilm.SHOTS, 24, 64, 36)).production();
        assertThat(new FloorPlan(Previz.of(bare), bare.scenes().get(0)).svg()).contains("<title>LANTERN, on the floor</title>");
    }

    @Test
    void writesThePageTheStillsAndAPlayableAnimatic() throws Exception {
        var read = TestFilm.read(TestFilm.write(dir.resolve("film")));
        var diagnostics = Checker.check(read);
        StoryboardFiles files = Storyboard.write(read.production(), diagnostics, dir.resolve("board"));
        String html = Files.readString(files.page());
        assertThat(html).contains("<svg", "action-line-1", "1/1A", "1/1B", "The light has to burn tonight.", "animatic.mp4",
                "stills/1-1A-first.png");
        assertThat(files.stills()).hasSize(6).allMatch(Files::isRegularFile);
        assertThat(files.passes()).hasSize(4).allMatch(Files::isRegularFile);
        assertThat(html).contains("passes/1-1A-masks.png", "passes/1-1A-pose.png", "passes/1-1B-pose.png");
        // the board's pose is the pose pass a backend gets, and the masks are the characters' masks in their colours
        var shot = Previz.of(read.production()).shot("1/1A", 1).orElseThrow();
        var pose = javax.imageio.ImageIO.read(dir.resolve("board/passes/1-1A-pose.png").toFile());
        var masks = javax.imageio.ImageIO.read(dir.resolve("board/passes/1-1A-masks.png").toFile());
        var mara = shot.masks(0).mask("MARA");
        var expectedPose = shot.pose(0);
        int red = 0;
        for (int y = 0; y < pose.getHeight(); y++) {
            for (int x = 0; x < pose.getWidth(); x++) {
                assertThat(pose.getRGB(x, y)).isEqualTo(expectedPose.getRGB(x, y));
                boolean isMara = (masks.getRGB(x, y) & 0xffffff) == 0xd02020;
                assertThat(isMara).isEqualTo(mara.getRaster().getSample(x, y, 0) == 255);
                red += isMara ? 1 : 0;
            }
        }
        assertThat(red).isPositive();
        VideoInfo info = Ffmpeg.find().probe(files.animatic());
        assertThat(info.codec()).isEqualTo("h264");
        assertThat(info.frames()).isEqualTo(48 + 24);
        assertThat(info.duration()).isBetween(2.95, 3.05);
        try (var list = Files.list(dir.resolve("board"))) {
            assertThat(list.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void showsEachShotsDiagnosticsBesideIt() throws Exception {
        String crossing = TestFilm.SHOTS.replace("camera: { at: [2.2, 1.0], height: 1.7, lens: 50, look_at: TOM }",
                "camera: { at: [3, 5.5], height: 1.7, lens: 50, look_at: TOM }");
        var read = TestFilm.read(TestFilm.write(dir.resolve("film"), crossing, 24, 64, 36));
        var diagnostics = Checker.check(read);
        assertThat(diagnostics).anyMatch(d -> d.rule().id().equals("grammar/180"));
        String html = Files.readString(Storyboard.write(read.production(), diagnostics, dir.resolve("board")).page());
        int card = html.indexOf("id=\"shot-1-1B\"");
        assertThat(html.indexOf("grammar/180", card)).isGreaterThan(card);
        assertThat(html.indexOf("grammar/180")).isGreaterThan(card);
    }
}
