package film.slate.core.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A one-scene production drawn from a seed: 2 to 6 characters of random heights on random marks
 * in a room of random size, and a random run of dialogue between them. The same seed writes the
 * same bytes.
 */
final class SceneGenerator {
    static final String[] NAMES = {"ANNA", "BEN", "CLARA", "DEV", "ELSIE", "FINN"};

    record Scene(long seed, int characters, double width, double depth, List<String> cast) {
    }

    private SceneGenerator() {
    }

    static Scene write(Path dir, long seed) {
        Random r = new Random(seed);
        int n = 2 + r.nextInt(5);
        double width = 3 + Math.round(r.nextDouble() * 18) / 2.0;
        double depth = 3 + Math.round(r.nextDouble() * 18) / 2.0;
        List<double[]> marks = marks(r, n, width, depth);
        List<String> cast = new ArrayList<>();
        StringBuilder bible = new StringBuilder();
        StringBuilder castYaml = new StringBuilder();
        for (int i = 0; i < marks.size(); i++) {
            String name = NAMES[i];
            cast.add(name);
            bible.append(name).append(":\n  description: person number ").append(i + 1).append("\n  height: ")
                    .append(String.format(Locale.ROOT, "%.2f", 1.45 + r.nextDouble() * 0.5)).append('\n');
            castYaml.append("  ").append(name).append(": { at: [").append(fmt(marks.get(i)[0])).append(", ")
                    .append(fmt(marks.get(i)[1])).append("], facing: ").append(r.nextInt(360)).append(" }\n");
        }
        StringBuilder script = new StringBuilder("Title: Generated\n\nINT. ROOM - DAY\n\nThey gather in the room.\n\n");
        int blocks = 1 + r.nextInt(12);
        String previous = "";
        for (int b = 0; b < blocks; b++) {
            String speaker = cast.get(r.nextInt(cast.size()));
            if (speaker.equals(previous) && r.nextInt(5) > 0) {
                speaker = cast.get((cast.indexOf(speaker) + 1) % cast.size());
            }
            previous = speaker;
            script.append(speaker).append('\n');
            int words = 1 + r.nextInt(45);
            for (int w = 0; w < words; w++) {
                script.append(w == 0 ? "" : " ").append("word");
            }
            script.append(".\n\n");
        }
        try {
            Files.createDirectories(dir.resolve("bible"));
            Files.createDirectories(dir.resolve("shots"));
            Files.writeString(dir.resolve("slate.yaml"), "title: Generated\nid: generated\nscreenplay: screenplay.fountain\n");
            Files.writeString(dir.resolve("screenplay.fountain"), script.toString());
            Files.writeString(dir.resolve("bible/characters.yaml"), bible.toString());
            Files.writeString(dir.resolve("bible/locations.yaml"), "ROOM:\n  heading: INT. ROOM\n  description: a room\n  size: ["
                    + fmt(width) + ", " + fmt(depth) + "]\n");
            Files.writeString(dir.resolve("shots/001.yaml"), "scene: 1\nlocation: ROOM\ntime: DAY\naxis: [" + cast.get(0)
                    + ", " + cast.get(1) + "]\ncast:\n" + castYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scene(seed, cast.size(), width, depth, cast);
    }

    /** Marks 0.6 m or more from the walls and 0.9 m or more from each other; fewer when the room is full. */
    private static List<double[]> marks(Random r, int n, double width, double depth) {
        List<double[]> out = new ArrayList<>();
        for (int tries = 0; tries < 500 && out.size() < n; tries++) {
            double[] p = {0.6 + r.nextDouble() * (width - 1.2), 0.6 + r.nextDouble() * (depth - 1.2)};
            p[0] = Math.round(p[0] * 10) / 10.0;
            p[1] = Math.round(p[1] * 10) / 10.0;
            if (out.stream().allMatch(q -> Math.hypot(q[0] - p[0], q[1] - p[1]) >= 0.9)) {
                out.add(p);
            }
        }
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
