package film.slate.cli;

import static film.slate.cli.ConformCommandTest.CLEARED;
import static film.slate.cli.ConformCommandTest.real;
import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.testing.SyntheticProduction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The production every conform test starts from, built with two takes of each shot; and how to run slate on it. */
abstract class ConformFixture {
    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void build() throws Exception {
        dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3);
        Files.writeString(dir.resolve("rights.yaml"), CLEARED);
        Slate.Run build = real("build", dir.toString(), "--takes", "2");
        assertThat(build.code()).as(build.out() + build.err()).isZero();
    }

    void approve(String shot, int take) {
        Slate.Run run = real("approve", shot, "--take", Integer.toString(take), "-C", dir.toString(), "--by", "mara");
        assertThat(run.code()).as(run.err()).isZero();
    }

    Slate.Run conform(String... extra) {
        List<String> args = new ArrayList<>(List.of("conform", dir.toString()));
        args.addAll(List.of(extra));
        return real(args.toArray(String[]::new));
    }
}
