package film.slate.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.fixture.FixtureProduction;
import film.slate.core.recipe.FileHashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 10 §7: one rule for every file read from a production, whatever the file. */
class FilesStayInsideTest {
    /** What a private file outside holds; it must never reach a diagnostic or the model. */
    private static final String PRIVATE = "root:x:0:0:root:/root:/bin/bash\nEVE:\n  description: intruder\n";

    @TempDir
    Path tmp;
    Path dir;
    Path outside;

    @BeforeEach
    void production() throws IOException {
        dir = FixtureProduction.base().writeTo(tmp.resolve("p"));
        outside = tmp.resolve("private.yaml");
        Files.writeString(outside, PRIVATE);
    }

    private ReadProduction read() throws NotAProductionException {
        return ProductionReader.read(dir);
    }

    private static List<Diagnostic> at(ReadProduction read, String file) {
        return read.diagnostics().stream().filter(d -> d.position().file().equals(file)).toList();
    }

    private void noPrivateText(ReadProduction read) {
        assertThat(read.diagnostics()).allSatisfy(d -> assertThat(d.message()).doesNotContain("root:x", "intruder"));
        assertThat(read.production().bible().characters()).doesNotContainKey("EVE");
    }

    @ParameterizedTest
    @ValueSource(strings = {FixtureProduction.SHOTS, "shots/005.yaml", FixtureProduction.CHARACTERS,
        FixtureProduction.PROPS, FixtureProduction.STYLE, FixtureProduction.LOCATIONS, FixtureProduction.RIGHTS,
        FixtureProduction.SCREENPLAY})
    void aLinkLeadingOutIsRefusedWithTheFileNamed(String file) throws Exception {
        Files.deleteIfExists(dir.resolve(file));
        Files.createSymbolicLink(dir.resolve(file), outside);
        ReadProduction read = read();
        String named = file.equals(FixtureProduction.SCREENPLAY) ? FixtureProduction.MANIFEST : file;
        assertThat(at(read, named)).anySatisfy(d -> assertThat(d.message()).contains(file)
                .contains("leads out of the production folder through a link"));
        noPrivateText(read);
    }

    @Test
    void aLinkedFolderLeadingOutIsRefusedToo() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.copy(outside, elsewhere.resolve("009.yaml"));
        Files.createSymbolicLink(dir.resolve("shots/linked"), elsewhere);
        Files.createSymbolicLink(dir.resolve("shots/009.yaml"), Path.of("linked/009.yaml"));
        ReadProduction read = read();
        assertThat(at(read, "shots/009.yaml")).singleElement().satisfies(d -> assertThat(d.message()).contains("link"));
        noPrivateText(read);
    }

    @Test
    void aLinkWithinTheProductionIsFine() throws Exception {
        Path plans = Files.createDirectories(dir.resolve("plans"));
        Files.move(dir.resolve(FixtureProduction.SHOTS), plans.resolve("001.yaml"));
        Files.createSymbolicLink(dir.resolve(FixtureProduction.SHOTS), Path.of("../plans/001.yaml"));
        ReadProduction read = read();
        assertThat(read.diagnostics()).noneMatch(Diagnostic::isError);
        assertThat(read.production().scenes()).hasSize(1);
    }

    @Test
    void aFifoIsAClearErrorNotASkipNorAHang() throws Exception {
        mkfifo(dir.resolve("shots/003.yaml"));
        Files.delete(dir.resolve(FixtureProduction.PROPS));
        mkfifo(dir.resolve(FixtureProduction.PROPS));
        ReadProduction read = read();
        for (String file : List.of("shots/003.yaml", FixtureProduction.PROPS)) {
            assertThat(at(read, file)).singleElement().satisfies(d -> assertThat(d.message())
                    .isEqualTo(file + " is a named pipe (FIFO), not a file Slate reads; replace it with a regular file"));
        }
    }

    @Test
    void aDeviceIsRefusedThroughALinkAndInPlace() throws Exception {
        Files.createSymbolicLink(dir.resolve("shots/006.yaml"), Path.of("/dev/zero"));
        ReadProduction read = read();
        assertThat(at(read, "shots/006.yaml")).singleElement().satisfies(d -> assertThat(d.message())
                .contains("leads out of the production folder"));
        Files.delete(dir.resolve("shots/006.yaml")); // the link, so that JUnit's clean-up has nothing outside to warn of
        int made = new ProcessBuilder("mknod", dir.resolve("shots/007.yaml").toString(), "c", "1", "5")
                .inheritIO().start().waitFor();
        assumeTrue(made == 0, "mknod needs root and a file system that allows devices");
        assertThat(at(read(), "shots/007.yaml")).singleElement().satisfies(d -> assertThat(d.message())
                .contains("is a character device"));
    }

    @Test
    void aHardLinkToAnotherOwnersFileIsRefusedAndOneToYourOwnIsFine() throws Exception {
        Path own = tmp.resolve("own.yaml");
        Files.copy(dir.resolve(FixtureProduction.PROPS), own);
        Files.delete(dir.resolve(FixtureProduction.PROPS));
        Files.createLink(dir.resolve(FixtureProduction.PROPS), own);
        assertThat(at(read(), FixtureProduction.PROPS)).isEmpty();

        int production = (Integer) Files.getAttribute(dir, "unix:uid");
        try {
            Files.setAttribute(outside, "unix:uid", production == 65534 ? 65533 : 65534);
        } catch (IOException e) {
            assumeTrue(false, "changing a file's owner needs root: " + e);
        }
        Files.createLink(dir.resolve("shots/008.yaml"), outside);
        ReadProduction read = read();
        assertThat(at(read, "shots/008.yaml")).singleElement().satisfies(d -> assertThat(d.message())
                .contains("is a hard link to a file of another owner"));
        noPrivateText(read);
    }

    @Test
    void aReferenceLinkedOutIsRefusedAndNotHashed() throws Exception {
        Path png = tmp.resolve("face.png");
        Files.write(png, FixtureProduction.png());
        Files.createDirectories(dir.resolve("bible/refs"));
        Files.createSymbolicLink(dir.resolve("bible/refs/ann.png"), png);
        Files.writeString(dir.resolve(FixtureProduction.CHARACTERS), Files.readString(dir.resolve(
                FixtureProduction.CHARACTERS)).replace("  height: 1.7\n", "  height: 1.7\n  refs: [refs/ann.png]\n"));
        assertThat(at(read(), FixtureProduction.CHARACTERS)).anySatisfy(d -> assertThat(d.message())
                .contains("'refs/ann.png' is refused").contains("leads out"));
        assertThat(new FileHashes(dir).of("bible/refs/ann.png")).isEmpty();
        Files.delete(dir.resolve("bible/refs/ann.png"));
        Files.copy(png, dir.resolve("bible/refs/ann.png"));
        assertThat(new FileHashes(dir).of("bible/refs/ann.png")).isPresent();
    }

    private static void mkfifo(Path p) throws Exception {
        assertThat(new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor()).isZero();
    }
}
