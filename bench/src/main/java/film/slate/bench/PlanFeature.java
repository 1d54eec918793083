package film.slate.bench;

import film.slate.core.model.Production;
import film.slate.core.model.ScenePlan;
import film.slate.core.plan.Plan;
import film.slate.core.plan.PlanStyle;
import film.slate.core.plan.ScenePlanner;
import film.slate.core.read.ProductionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;

/**
 * The planner's benchmark: writes a 120-scene feature whose scenes have 2 to 6 characters on
 * seeded random marks in rooms of random size, each with a run of dialogue and no shots, then (in
 * the same process) plans every scene and writes each plan beside it. Prints the time of each
 * scene grouped by its number of characters. Run as a whole process and timed from outside:
 * {@code java -cp slate-bench.jar:lib/* film.slate.bench.PlanFeature OUT}.
 */
public final class PlanFeature {
    static final int SCENES = 120;
    static final String[] NAMES = {"ANNA", "BEN", "CLARA", "DEV", "ELSIE", "FINN"};

    private PlanFeature() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: PlanFeature OUT");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        write(dir, new Random(20261202L));
        long start = System.nanoTime();
        Production production = ProductionReader.read(dir).production();
        TreeMap<Integer, long[]> byCast = new TreeMap<>(); // characters -> scenes, total ns, max ns
        int shots = 0;
        for (ScenePlan scene : production.scenes()) {
            long t0 = System.nanoTime();
            Plan plan = ScenePlanner.plan(production, scene.scene(), new ScenePlanner.Options(PlanStyle.CLASSIC, OptionalInt.empty()));
            long took = System.nanoTime() - t0;
            Files.writeString(dir.resolve("plans").resolve(scene.scene() + ".yaml"), plan.yaml());
            shots += plan.shots().size();
            long[] row = byCast.computeIfAbsent(scene.cast().size(), k -> new long[3]);
            row[0]++;
            row[1] += took;
            row[2] = Math.max(row[2], took);
        }
        System.out.printf(Locale.ROOT, "planned %d scenes, %d shots in %d ms (read included)%n", production.scenes().size(),
                shots, (System.nanoTime() - start) / 1_000_000);
        System.out.println("characters  scenes  mean ms/scene  max ms");
        byCast.forEach((n, row) -> System.out.printf(Locale.ROOT, "%10d  %6d  %13.1f  %6.1f%n", n, row[0],
                row[1] / 1e6 / row[0], row[2] / 1e6));
    }

    static void write(Path dir, Random r) throws IOException {
        Files.createDirectories(dir.resolve("bible"));
        Files.createDirectories(dir.resolve("shots"));
        Files.createDirectories(dir.resolve("plans"));
        Files.writeString(dir.resolve("slate.yaml"), "title: Planning feature\nid: planning\nscreenplay: screenplay.fountain\n");
        StringBuilder bible = new StringBuilder();
        for (String n : NAMES) {
            bible.append(n).append(":\n  description: ").append(n.toLowerCase(Locale.ROOT)).append("\n  height: ")
                    .append(String.format(Locale.ROOT, "%.2f", 1.5 + r.nextDouble() * 0.4)).append('\n');
        }
        Files.writeString(dir.resolve("bible/characters.yaml"), bible.toString());
        StringBuilder locations = new StringBuilder();
        StringBuilder script = new StringBuilder("Title: Planning feature\n\n");
        for (int s = 1; s <= SCENES; s++) {
            int n = 2 + (s - 1) % 5;
            double w = 5 + r.nextInt(12);
            double d = 5 + r.nextInt(12);
            locations.append("ROOM_").append(s).append(":\n  heading: INT. ROOM ").append(s).append("\n  description: a room\n  size: [")
                    .append((int) w).append(", ").append((int) d).append("]\n");
            script.append("INT. ROOM ").append(s).append(" - DAY\n\nThey talk.\n\n");
            StringBuilder cast = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double x = 1 + r.nextDouble() * (w - 2);
                double y = 1 + r.nextDouble() * (d - 2);
                cast.append("  ").append(NAMES[i]).append(": { at: [").append(String.format(Locale.ROOT, "%.1f, %.1f", x, y))
                        .append("], facing: ").append(r.nextInt(360)).append(" }\n");
            }
            int blocks = 4 + r.nextInt(12);
            for (int b = 0; b < blocks; b++) {
                script.append(NAMES[(b + (b / 3)) % n]).append('\n');
                int words = 3 + r.nextInt(30);
                for (int k = 0; k < words; k++) {
                    script.append(k == 0 ? "Word" : " word");
                }
                script.append(".\n\n");
            }
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "shots/%03d.yaml", s)), "scene: " + s + "\nlocation: ROOM_" + s
                    + "\ntime: DAY\naxis: [ANNA, BEN]\ncast:\n" + cast);
        }
        Files.writeString(dir.resolve("bible/locations.yaml"), locations.toString());
        Files.writeString(dir.resolve("screenplay.fountain"), script.toString());
    }
}
