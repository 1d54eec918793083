package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.finaldraft.FinalDraft;
import film.slate.core.fountain.Fountain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slate init}: a production drafted from a screenplay, ready for {@code slate plan}, which then checks clean. */
class InitCommandTest {
    static final Path SCRIPT = Path.of("..", "examples", "lighthouse", "screenplay.fountain");

    @Test
    void initThenPlanEverySceneChecksClean(@TempDir Path dir) throws IOException {
        Path film = dir.resolve("keeper");
        Slate.Run init = Slate.inProcess("init", film.toString(), "--from", SCRIPT.toString());
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(Files.readString(film.resolve("bible/characters.yaml"))).contains("MARA:").contains("TOM:");
        assertThat(Files.readString(film.resolve("bible/locations.yaml"))).contains("LIGHTHOUSE_JETTY:")
                .contains("heading: \"EXT. LIGHTHOUSE - JETTY\"");
        assertThat(Files.readString(film.resolve("rights.yaml"))).contains("MARA: { holder:").contains("TOM: { holder:");
        String scene1 = Files.readString(film.resolve("shots/001.yaml"));
        assertThat(scene1).contains("scene: 1").contains("axis: [MARA, TOM]").contains("#   1 MARA: You're the relief.");
        Slate.Run check = Slate.inProcess("check", film.toString());
        assertThat(check.code()).isZero(); // warnings only: the dialogue is not covered yet
        for (String scene : new String[] {"1", "2", "3", "4", "5"}) {
            Slate.Run plan = Slate.inProcess("plan", scene, film.toString(), "--write");
            assertThat(plan.code()).as(plan.err()).isZero();
        }
        assertThat(Slate.inProcess("check", film.toString()).out()).startsWith("0 errors, 0 warnings");
    }

    @Test
    void aFinalDraftScreenplayDraftsTheSameProductionAndStaysFinalDraft(@TempDir Path dir) throws IOException {
        Path fdx = dir.resolve("keeper.fdx");
        Files.writeString(fdx, FinalDraft.write(Fountain.parse("screenplay.fountain", Files.readAllBytes(SCRIPT))));
        Path fromFountain = dir.resolve("a");
        Path fromFdx = dir.resolve("b");
        assertThat(Slate.inProcess("init", fromFountain.toString(), "--from", SCRIPT.toString()).code()).isZero();
        Slate.Run init = Slate.inProcess("init", fromFdx.toString(), "--from", fdx.toString());
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(fromFdx.resolve("screenplay.fdx")).hasSameBinaryContentAs(fdx);
        assertThat(Files.readString(fromFdx.resolve("slate.yaml"))).contains("screenplay: screenplay.fdx");
        for (String file : new String[] {"bible/characters.yaml", "bible/locations.yaml", "rights.yaml", "shots/001.yaml"}) {
            assertThat(fromFdx.resolve(file)).as(file).hasSameTextualContentAs(fromFountain.resolve(file));
        }
        assertThat(Slate.inProcess("check", fromFdx.toString()).code()).isZero();
    }

    @Test
    void charactersIntroducedInCapitalsGetStubsAndSpeakersWithoutOneAreReported(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("s.fountain");
        Files.writeString(script, "INT. HALL - DAY\n\nOLD WREN (80s) dozes by the fire. ELSIE (30s) enters.\n\n"
                + "ELSIE\nWake up.\n\nJONAH (O.S.)\nLet him sleep.\n");
        Path film = dir.resolve("f");
        assertThat(Slate.inProcess("init", film.toString(), "--from", script.toString()).code()).isZero();
        String bible = Files.readString(film.resolve("bible/characters.yaml"));
        assertThat(bible).contains("ELSIE:").contains("JONAH:").contains("OLD_WREN:   # introduced in scene 1");
        Files.writeString(film.resolve("bible/characters.yaml"), bible.replaceAll("(?s)JONAH:.*?height: 1.75\n", ""));
        assertThat(Slate.inProcess("check", film.toString()).out()).contains("warning ref/speaker: JONAH speaks");
    }

    @Test
    void refusesAProductionAndWhatIsNotAScreenplay(@TempDir Path dir) throws IOException {
        Path film = dir.resolve("f");
        assertThat(Slate.inProcess("init", film.toString(), "--from", SCRIPT.toString()).code()).isZero();
        Slate.Run again = Slate.inProcess("init", film.toString(), "--from", SCRIPT.toString());
        assertThat(again.code()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(again.err()).contains("is a production already");
        Path fdx = Files.writeString(dir.resolve("s.fdx"), "<FinalDraft DocumentType=\"Script\"><Content><Paragraph");
        Slate.Run draft = Slate.inProcess("init", dir.resolve("g").toString(), "--from", fdx.toString());
        assertThat(draft.code()).as(draft.err()).isEqualTo(ExitCode.INVALID_PRODUCTION);
        assertThat(draft.err()).contains("s.fdx cannot be read as a screenplay");
        assertThat(dir.resolve("g")).doesNotExist();
        assertThat(Slate.inProcess("init", dir.resolve("h").toString(), "--from", dir.resolve("none.fountain").toString())
                .code()).isEqualTo(ExitCode.CANNOT_RUN);
    }
}
