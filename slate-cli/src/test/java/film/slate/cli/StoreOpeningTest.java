package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.testing.SyntheticProduction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How commands open the store: looking writes nothing, a damaged database is exit 4, a shared store is refused. */
class StoreOpeningTest {
    @TempDir
    Path tmp;

    @Test
    void readOnlyCommandsWriteNothingInAFreshProduction() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        for (String[] args : new String[][] {{"status", dir.toString()}, {"status", dir.toString(), "--format", "json"},
            {"log", dir.toString()}, {"why", "1/1S1", dir.toString()}, {"takes", "1/1S1", dir.toString()},
            {"verify", dir.toString()}}) {
            Slate.Run run = Slate.inProcess(args);
            assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isZero();
            assertThat(dir.resolve(".slate")).as(String.join(" ", args)).doesNotExist();
        }
        assertThat(Slate.inProcess("status", dir.toString()).out()).contains("missing");
        assertThat(Slate.inProcess("takes", "1/1S1", dir.toString()).out()).contains("no takes yet");
    }

    /** The commands that only open the store refuse what is not a production in one sentence that says what to name. */
    @Test
    void storeCommandsRefuseAFolderThatIsNotAProduction() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x\n");
        Path nowhere = tmp.resolve("nowhere");
        for (Path dir : new Path[] {empty, file, nowhere}) {
            for (String[] args : new String[][] {{"log", dir.toString()}, {"gc", dir.toString()},
                {"verify", dir.toString()}, {"workers", dir.toString()}, {"user", "remove", "nobody", "-C", dir.toString()}}) {
                Slate.Run run = Slate.inProcess(args);
                String what = String.join(" ", args) + ": " + run.err();
                assertThat(run.code()).as(what).isEqualTo(ExitCode.CANNOT_RUN);
                assertThat(run.err().strip()).as(what).startsWith("slate").contains(dir.toString())
                        .contains("name").doesNotContain("\n").doesNotContain("Exception");
            }
        }
        assertThat(empty).isEmptyDirectory();
        assertThat(nowhere).doesNotExist();
    }

    @Test
    void aStoreSharedWithAnotherProductionThroughALinkIsRefused() throws Exception {
        Path a = SyntheticProduction.write(tmp.resolve("a"), 1, 1);
        Path b = SyntheticProduction.write(tmp.resolve("b"), 1, 1);
        assertThat(Slate.inProcess("build", a.toString()).code()).isZero();
        Files.createSymbolicLink(b.resolve(".slate"), a.resolve(".slate"));
        for (String command : new String[] {"build", "status", "gc", "verify"}) {
            Slate.Run run = Slate.inProcess(command, b.toString());
            assertThat(run.code()).as(command).isEqualTo(ExitCode.CANNOT_RUN);
            assertThat(run.err()).as(command).contains("belongs to the production in " + a.toRealPath())
                    .contains("its own .slate folder");
        }
        assertThat(Slate.inProcess("status", a.toString()).code()).isZero();
        // a production that was moved takes its store along
        Path moved = tmp.resolve("moved");
        Files.move(a, moved);
        Files.delete(b.resolve(".slate"));
        assertThat(Slate.inProcess("status", moved.toString()).code()).isZero();
    }

    /**
     * Property over every page of the database: damaging it is never a bug (70) but exit 4 with a
     * sentence that names slate verify, or unnoticed by that command; verify itself finds it.
     */
    @Test
    void aDamagedDatabasePageIsExit4WithASentenceThatNamesVerify() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3);
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        Path db = dir.resolve(".slate/slate.db");
        byte[] sound = Files.readAllBytes(db);
        int refused = 0;
        int step = Integer.getInteger("slate.trials", 1) > 1 ? 1 : 2; // every page with -Dslate.trials=2 and more
        for (int page = 1; page < sound.length / 4096; page += step) {
            byte[] damaged = sound.clone();
            Arrays.fill(damaged, page * 4096, (page + 1) * 4096, (byte) 0xA5);
            for (String[] args : new String[][] {{"status", dir.toString()}, {"takes", "1/1S1", dir.toString()},
                {"log", dir.toString()}, {"build", dir.toString()}, {"verify", dir.toString()}}) {
                Files.write(db, damaged);
                Slate.Run run = Slate.inProcess(args);
                String what = args[0] + ", page " + page + ": " + run.err();
                if (args[0].equals("verify")) {
                    assertThat(run.code()).as(what + run.out()).isIn(ExitCode.FINDINGS, ExitCode.IO);
                    continue;
                }
                assertThat(run.code()).as(what).isIn(ExitCode.OK, ExitCode.IO);
                if (run.code() == ExitCode.IO) {
                    refused++;
                    assertThat(run.err()).as(what).contains("damaged").contains("'slate verify'").doesNotContain("\tat ");
                }
            }
        }
        assertThat(refused).isPositive();
    }

    @Test
    void aFullDiskDuringABuildIsOneSentenceAndExit4() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 2);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(new String[] {"build", dir.toString(), "--jobs", "1"}, new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true), Slate.rig(new FullDiskGenerator.Provider()));
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.IO);
        assertThat(err.toString().lines()).singleElement().satisfies(l -> assertThat(l).contains("is full")
                .contains("nothing was lost").contains("free some space").doesNotContain("FFmpeg")
                .doesNotContain(".slate aside"));
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero(); // space again: the build finishes
    }
}
