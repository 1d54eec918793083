package film.slate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Small rooms (issue 9): no class of the product (every module's src/main) is over 400 lines. */
class ClassSizeTest {
    static final int LIMIT = 400;

    @Test
    void noMainClassIsOverFourHundredLines() throws IOException {
        List<String> over = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).sorted().toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        long lines;
                        try (Stream<String> s = Files.lines(f)) {
                            lines = s.count();
                        }
                        if (lines > LIMIT) {
                            over.add(f + " (" + lines + " lines)");
                        }
                    }
                }
            }
        }
        assertThat(over).as("classes over %d lines; split them along their seams", LIMIT).isEmpty();
    }
}
