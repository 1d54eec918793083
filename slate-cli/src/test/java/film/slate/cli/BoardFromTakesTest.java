package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.media.ffmpeg.Ffmpeg;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board of a built production shows the takes as built (stills decoded from the stored
 * masters, the animatic joined from the stored proxies) and they are the same pictures the board
 * draws for a production with nothing built.
 */
class BoardFromTakesTest {
    @TempDir
    Path dir;
    private final StringWriter err = new StringWriter();

    @Test
    void stillsFromTheStoredMastersAreThePicturesPrevizDraws() throws IOException {
        Path built = dir.resolve("built");
        Path fresh = dir.resolve("fresh");
        film(built);
        film(fresh);
        assertThat(run("build", built.toString(), "--jobs", "2")).as(err.toString()).isZero();
        assertThat(run("board", built.toString(), "--out", dir.resolve("b1").toString())).as(err.toString()).isZero();
        assertThat(run("board", fresh.toString(), "--out", dir.resolve("b2").toString())).as(err.toString()).isZero();
        assertThat(fresh.resolve(".slate")).doesNotExist();

        List<String> stills = names(dir.resolve("b2/stills"));
        assertThat(stills).hasSize(6).isEqualTo(names(dir.resolve("b1/stills")));
        for (String still : stills) {
            Path shown = dir.resolve("b1/stills").resolve(still);
            Path drawn = dir.resolve("b2/stills").resolve(still);
            assertThat(pixels(shown)).as(still).isEqualTo(pixels(drawn));
            // Decoded by FFmpeg from the master, not drawn again by Java: the same pixels in other PNG bytes.
            assertThat(Files.mismatch(shown, drawn)).as(still).isNotEqualTo(-1L);
        }
        Ffmpeg ffmpeg = Ffmpeg.find();
        long frames = ffmpeg.probe(dir.resolve("b2/animatic.mp4")).frames();
        assertThat(frames).isEqualTo(18 + 12);
        assertThat(ffmpeg.probe(dir.resolve("b1/animatic.mp4")).frames()).isEqualTo(frames);
    }

    @Test
    void aTakeBuiltFromAnOlderRecipeIsDrawnAgainNotShown() throws IOException {
        Path p = dir.resolve("p");
        film(p);
        assertThat(run("build", p.toString(), "--jobs", "2")).as(err.toString()).isZero();
        Path shots = p.resolve("shots/001.yaml");
        Files.writeString(shots, Files.readString(shots).replace("camera: { at: [2.5, 0.5], lens: 28",
                "camera: { at: [1.5, 0.5], lens: 35"));
        Path fresh = dir.resolve("fresh");
        Files.createDirectories(fresh);
        film(fresh);
        Files.copy(shots, fresh.resolve("shots/001.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(run("board", p.toString(), "--out", dir.resolve("b1").toString())).as(err.toString()).isZero();
        assertThat(run("board", fresh.toString(), "--out", dir.resolve("b2").toString())).as(err.toString()).isZero();
        // 1A changed: drawn again (the same bytes as drawn from scratch); 1B did not: shown as built.
        assertThat(Files.mismatch(dir.resolve("b1/stills/1-1A-middle.png"), dir.resolve("b2/stills/1-1A-middle.png")))
                .isEqualTo(-1L);
        assertThat(Files.mismatch(dir.resolve("b1/stills/1-1B-middle.png"), dir.resolve("b2/stills/1-1B-middle.png")))
                .isNotEqualTo(-1L);
        assertThat(pixels(dir.resolve("b1/stills/1-1B-middle.png"))).isEqualTo(pixels(dir.resolve("b2/stills/1-1B-middle.png")));
    }

    private static void film(Path p) throws IOException {
        Files.createDirectories(p.resolve("bible"));
        Files.createDirectories(p.resolve("shots"));
        Files.writeString(p.resolve("slate.yaml"), "title: Tiny\nid: tiny\nformat: { fps: 12, width: 160, height: 90 }\n");
        Files.writeString(p.resolve("bible/characters.yaml"), """
                MARA: { name: Mara, description: keeper, height: 1.7, color: "#d02020" }
                """);
        Files.writeString(p.resolve("bible/locations.yaml"), """
                ROOM: { heading: INT. ROOM, description: a room, size: [5, 5] }
                """);
        Files.writeString(p.resolve("shots/001.yaml"), """
                scene: 1
                location: ROOM
                time: DAY
                cast:
                  MARA: { at: [2.5, 3], facing: 180 }
                shots:
                  - id: 1A
                    framing: FS
                    subjects: [MARA]
                    camera: { at: [2.5, 0.5], lens: 28, look_at: MARA }
                    blocking: { MARA: { to: [3.5, 2] } }
                    duration: 1.5
                  - id: 1B
                    framing: MCU
                    subjects: [MARA]
                    camera: { at: [2, 1], lens: 50, look_at: MARA }
                    duration: 1
                """);
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static int[] pixels(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
