package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardAndFrameCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void film() throws IOException {
        Files.createDirectories(dir.resolve("bible"));
        Files.createDirectories(dir.resolve("shots"));
        Files.writeString(dir.resolve("slate.yaml"), "title: Tiny\nid: tiny\nformat: { fps: 12, width: 160, height: 90 }\n");
        Files.writeString(dir.resolve("bible/characters.yaml"), """
                MARA: { name: Mara, description: keeper, height: 1.7, color: "#d02020" }
                """);
        Files.writeString(dir.resolve("bible/locations.yaml"), """
                ROOM: { heading: INT. ROOM, description: a room, size: [5, 5] }
                """);
        Files.writeString(dir.resolve("shots/001.yaml"), """
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
                    duration: 1.5
                """);
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void frameWritesAPngOfTheFormatsSize() throws IOException {
        Path png = dir.resolve("still.png");
        assertThat(run("frame", "1/1A", "--at", "0.5", "--out", png.toString(), dir.toString())).isEqualTo(ExitCode.OK);
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(160);
        assertThat(image.getHeight()).isEqualTo(90);
        assertThat(out.toString()).contains("1/1A frame 6 of 18");
    }

    @Test
    void anUnknownShotIsOneSentenceAndExit2() {
        assertThat(run("frame", "9/9Z", "--out", dir.resolve("x.png").toString(), dir.toString())).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(err.toString().strip()).startsWith("slate frame: there is no shot 9/9Z").contains("1/1A").doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void notAProductionIsExit2() {
        assertThat(run("board", dir.resolve("nowhere").toString())).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(err.toString()).startsWith("slate board: ");
    }

    @Test
    void boardWritesThePageAndTheAnimatic() {
        Path board = dir.resolve("board");
        assertThat(run("board", dir.toString(), "--out", board.toString())).isEqualTo(ExitCode.OK);
        assertThat(board.resolve("index.html")).isRegularFile();
        assertThat(board.resolve("animatic.mp4")).isRegularFile();
        assertThat(board.resolve("stills/1-1A-middle.png")).isRegularFile();
        assertThat(out.toString()).contains("storyboard: " + board.resolve("index.html"), "animatic:");
    }

    @Test
    void boardDefaultsToTheSlateFolder() {
        assertThat(run("board", dir.toString())).as(err::toString).isEqualTo(ExitCode.OK);
        assertThat(dir.resolve(".slate/board/index.html")).isRegularFile();
    }
}
