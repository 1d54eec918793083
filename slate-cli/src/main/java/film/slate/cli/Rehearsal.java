package film.slate.cli;

import film.slate.store.Store;
import film.slate.store.WorkFolders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The commands crews run all day (check, status, status after a scene edit, a dry run, why), run
 * once in one JVM on a copy of the bundled example with a store. The launcher makes its
 * class-data-sharing archive at the exit of this run, so the archive holds the classes of each of
 * them, whichever a crew runs first (an archive made at the exit of {@code check} left 220 of
 * status's classes out; one without an edit left out those of the plan cache re-reading a scene).
 */
final class Rehearsal {
    private Rehearsal() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("slate-rehearsal");
        try {
            Path p = dir.resolve("lighthouse");
            BundledExample.copy("lighthouse", p);
            Store.open(p).close(); // a production crews work on has its store (and then its plan cache in it)
            String at = p.toString();
            PrintWriter none = new PrintWriter(Writer.nullWriter());
            Rig rig = Rig.standard();
            List<List<String>> lines = List.of(List.of("check", at), List.of("status", at, "--format", "json"),
                    List.of("status", at), List.of("build", at, "--dry-run"), List.of("why", "1/1A", at),
                    List.of("conform", at, "--out", dir.resolve("cut").toString(), "--allow-unapproved", "--shots", "1/1A"));
            for (List<String> line : lines) {
                Main.run(line.toArray(String[]::new), none, none, rig);
            }
            // A scene edited, as crews do all day: status and a dry run read that scene again and take
            // the rest from the plan cache.
            Path scene = p.resolve("shots").resolve("001.yaml");
            Files.writeString(scene, "# edited\n", StandardOpenOption.APPEND);
            for (List<String> line : List.of(lines.get(1), lines.get(3), lines.get(0))) {
                Main.run(line.toArray(String[]::new), none, none, rig);
            }
        } finally {
            WorkFolders.discard(dir);
        }
    }
}
