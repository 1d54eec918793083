package film.slate.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Everything a recipe is computed from gives the same bits on every machine: the packages the
 * recipe compiler reads (the model, the planner, continuity, staging, which its camera gates and
 * eye heights measure, and the reader and compiler themselves) call no java.lang.Math
 * transcendental function, which the specification lets differ by an ulp between platforms and
 * JIT intrinsics, only StrictMath's; and they round a computed number to a grid only through
 * {@link Rounded}, whose washing makes a tie reached with noise either side come out one way.
 * Previz's drawing (slate-media) is pixels, not recipe bytes, and keeps Math.
 */
class RecipePathArithmeticTest {
    static final Path MAIN = Path.of("src", "main", "java", "film", "slate", "core");
    static final List<String> RECIPE_PATH = List.of("model", "plan", "continuity", "stage", "read", "recipe");
    static final Pattern TRANSCENDENTAL = Pattern.compile(
            "(?<![\\w.])Math\\.(sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|hypot|pow|exp|expm1|log|log10|log1p|cbrt)\\(");
    /** {@code Math.round(x * 100) / 100.0}: a grid rounding that a last-bit difference flips at a tie. */
    static final Pattern GRID_ROUNDING = Pattern.compile("Math\\.round\\([^;]*\\*\\s*\\d+(\\.\\d*)?\\)\\s*/\\s*\\d");

    @Test
    void recipePathCallsNoPlatformDependentMathAndRoundsThroughRounded() throws IOException {
        List<String> found = new ArrayList<>();
        for (String pkg : RECIPE_PATH) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        if (TRANSCENDENTAL.matcher(line).find() || GRID_ROUNDING.matcher(line).find()) {
                            found.add(f + ":" + (i + 1) + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertThat(found).as("use StrictMath, and model.Rounded for rounding to a grid").isEmpty();
    }

    @Test
    void theScanSeesWhatItLooksFor() {
        assertThat(TRANSCENDENTAL.matcher("double r = Math.sin(a) * 2;").find()).isTrue();
        assertThat(TRANSCENDENTAL.matcher("double r = StrictMath.sin(a) * 2;").find()).isFalse();
        assertThat(TRANSCENDENTAL.matcher("return Math.hypot(x, y);").find()).isTrue();
        assertThat(TRANSCENDENTAL.matcher("return Math.sqrt(x) + Math.max(a, b);").find()).isFalse();
        assertThat(GRID_ROUNDING.matcher("at = new Point(Math.round(at.x() * 100) / 100.0, y);").find()).isTrue();
        assertThat(GRID_ROUNDING.matcher("return (int) Math.round(seconds * fps);").find()).isFalse();
    }
}
