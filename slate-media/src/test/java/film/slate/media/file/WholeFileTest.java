package film.slate.media.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesWholeAndLeavesNoPart() throws IOException {
        Path page = dir.resolve("index.html");
        WholeFile.text(page, "first");
        WholeFile.text(page, "second");
        assertThat(page).hasContent("second");
        WholeFile.png(dir.resolve("still.png"), new BufferedImage(4, 3, BufferedImage.TYPE_3BYTE_BGR));
        assertThat(dir.resolve("still.png")).isNotEmptyFile();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.html", "still.png");
        }
    }

    @Test
    void faultsAreOneReasonAndTouchNothing() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("board"));
        assertThatThrownBy(() -> WholeFile.text(folder, "x")).isInstanceOf(IOException.class).hasMessageContaining("is a folder");
        assertThat(folder).isDirectory();
        assertThatThrownBy(() -> WholeFile.png(dir.resolve("missing/still.png"), new BufferedImage(2, 2,
                BufferedImage.TYPE_3BYTE_BGR))).isInstanceOf(IOException.class).hasMessage("its folder does not exist or cannot hold files");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("board");
        }
    }
}
