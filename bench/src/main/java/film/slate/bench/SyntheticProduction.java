package film.slate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic feature-length production that checks clean: by default 120 scenes, 2,000
 * shots, 40 characters (two to six cast a scene) and a screenplay of about 110 pages. Seeded, so every run writes the same
 * bytes. Run: {@code java -cp slate-bench.jar:lib/* film.slate.bench.SyntheticProduction OUT}.
 */
public final class SyntheticProduction {
    private static final String[] WORDS = ("the lamp sea night storm rope ladder glass light keeper boat rock wind salt "
            + "cold tide bell door stair window harbour letter coat hand voice morning fog shore watch turn listen "
            + "remember never always tonight tomorrow above below far near quiet loud").split(" ");

    private final int scenes;
    private final int shots;
    private final int characters;
    private final Random random = new Random(20261125L);

    public SyntheticProduction(int scenes, int shots, int characters) {
        if (scenes < 1 || shots < scenes || characters < 2) {
            throw new IllegalArgumentException("need at least one shot per scene and two characters");
        }
        this.scenes = scenes;
        this.shots = shots;
        this.characters = characters;
    }

    /** The feature of the benchmarks: 120 scenes, 2,000 shots, 40 characters. */
    public static SyntheticProduction feature() {
        return new SyntheticProduction(120, 2000, 40);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 4) {
            System.err.println("usage: SyntheticProduction OUT [SCENES SHOTS CHARACTERS]");
            System.exit(2);
        }
        SyntheticProduction p = args.length == 4
                ? new SyntheticProduction(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]))
                : feature();
        p.write(Path.of(args[0]));
    }

    static String character(int i) {
        return String.format(Locale.ROOT, "ACTOR%02d", i + 1);
    }

    static String location(int i) {
        return String.format(Locale.ROOT, "STAGE_%02d", i + 1);
    }

    static String prop(int i) {
        return String.format(Locale.ROOT, "PROP_%02d", i + 1);
    }

    /** Writes the production into {@code dir} (created). */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("bible"));
        Files.createDirectories(dir.resolve("shots"));
        int locations = 12;
        int props = 20;
        write(dir.resolve("slate.yaml"), "title: Synthetic Feature\nid: synthetic\nformat: { fps: 24, width: 1280, height: 720 }\n"
                + "screenplay: screenplay.fountain\ndelivery: { use: festival }\nbackend: previz\n");
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < characters; i++) {
            chars.append(character(i)).append(":\n  name: Actor ").append(i + 1)
                    .append("\n  description: person number ").append(i + 1).append(", ").append(sentence(6))
                    .append("\n  height: ").append(String.format(Locale.ROOT, "%.2f", 1.55 + (i % 9) * 0.04))
                    .append("\n  wardrobe:\n    day: ").append(sentence(5)).append("\n    night: ").append(sentence(5)).append('\n');
        }
        write(dir.resolve("bible/characters.yaml"), chars.toString());
        StringBuilder locs = new StringBuilder();
        for (int i = 0; i < locations; i++) {
            locs.append(location(i)).append(":\n  heading: INT. STAGE ").append(i + 1).append("\n  description: ")
                    .append(sentence(8)).append("\n  size: [12, 10]\n");
        }
        write(dir.resolve("bible/locations.yaml"), locs.toString());
        StringBuilder ps = new StringBuilder();
        for (int i = 0; i < props; i++) {
            ps.append(prop(i)).append(": { description: ").append(sentence(4)).append(" }\n");
        }
        write(dir.resolve("bible/props.yaml"), ps.toString());
        write(dir.resolve("bible/style.yaml"), "prompt: \"{framing} of {subjects}, {action}, in {location}, {time}. {look}\"\n"
                + "look: 35mm film, muted palette\nnegative: text, watermark\n");

        StringBuilder script = new StringBuilder("Title: Synthetic Feature\nAuthor: Slate benchmarks\n\n");
        int shotsLeft = shots;
        for (int s = 0; s < scenes; s++) {
            int sceneShots = shotsLeft / (scenes - s);
            shotsLeft -= sceneShots;
            scene(dir, script, s, sceneShots, locations, props);
        }
        write(dir.resolve("screenplay.fountain"), script.toString());
    }

    private void scene(Path dir, StringBuilder script, int s, int sceneShots, int locations, int props) throws IOException {
        String a = character((2 * s) % characters);
        String b = character((2 * s + 1) % characters);
        String time = s % 3 == 2 ? "NIGHT" : "DAY";
        String wardrobe = time.equals("NIGHT") ? "night" : "day";
        int loc = s % locations;
        String prop = prop(s % props);
        int blocks = Math.max(1, sceneShots / 3);
        script.append("INT. STAGE ").append(loc + 1).append(" - ").append(time).append("\n\n");
        for (int p = 0; p < 3; p++) {
            script.append(sentence(30)).append("\n\n");
        }
        int[] words = new int[blocks];
        for (int k = 0; k < blocks; k++) {
            String who = k % 2 == 0 ? a : b;
            script.append(who).append('\n');
            if (k % 4 == 1) {
                script.append("(quietly)\n");
            }
            words[k] = 12 + random.nextInt(14);
            script.append(sentence(words[k])).append("\n\n");
            if (k % 3 == 2) {
                script.append(sentence(25)).append("\n\n");
            }
        }
        StringBuilder yaml = new StringBuilder();
        yaml.append("scene: ").append(s + 1).append("\nlocation: ").append(location(loc)).append("\ntime: ").append(time)
                .append("\naxis: [").append(a).append(", ").append(b).append("]\ncast:\n")
                .append("  ").append(a).append(": { wardrobe: ").append(wardrobe).append(", at: [3, 5], facing: 90, holds: [")
                .append(prop).append("] }\n")
                .append("  ").append(b).append(": { wardrobe: ").append(wardrobe).append(", at: [8, 5], facing: 270 }\n");
        // Up to four more on the set (two to six cast a scene), standing upstage between the two leads'
        // lines of sight from the wide shot's camera, so nobody hides anybody (framing/hidden).
        List<String> extras = new ArrayList<>();
        for (int j = 0; j < s % 5; j++) {
            String c = character((2 * s + 2 + j) % characters);
            extras.add(c);
            yaml.append("  ").append(c).append(": { wardrobe: ").append(wardrobe).append(", at: [")
                    .append(String.format(Locale.ROOT, "%.1f", 4.6 + 1.2 * j)).append(", 8], facing: 180 }\n");
        }
        yaml.append("shots:\n");
        int block = 0;
        for (int k = 0; k < sceneShots; k++) {
            String id = (s + 1) + "-" + (k + 1);
            yaml.append("  - id: ").append(id).append('\n');
            if (k == 0) {
                yaml.append("    framing: WS\n    subjects: [").append(a).append(", ").append(b)
                        .append(extras.stream().map(c -> ", " + c).reduce("", String::concat)).append("]\n")
                        .append("    camera: { at: [6, 0], height: 1.6, lens: 24, look_at: [6, 5] }\n")
                        .append("    move: { type: dolly, to: [6, 0.5] }\n")
                        .append("    blocking: { ").append(a).append(": { to: [4, 5], facing: 90 } }\n");
            } else {
                boolean onA = k % 2 == 1;
                String subject = onA ? a : b;
                String[] framing = {"FS", "MS", "WS"}; // what the lenses give from 5 to 6 m (framing/size)
                yaml.append("    framing: ").append(framing[(k / 2) % 3]).append("\n    subjects: [").append(subject).append("]\n")
                        .append("    camera: { at: ").append(onA ? "[9, 3]" : "[2, 3]").append(", lens: ")
                        .append(50 + 10 * (k % 3)).append(", look_at: ").append(subject).append(" }\n");
                if (k == 3) {
                    yaml.append("    events: [ { character: ").append(a).append(", puts_down: ").append(prop).append(" } ]\n");
                } else if (k == 6) {
                    yaml.append("    events: [ { character: ").append(b).append(", picks_up: ").append(prop).append(" } ]\n");
                }
            }
            double duration = 3;
            if (k > 0 && block < blocks) {
                yaml.append("    lines: [").append(block + 1).append("]\n");
                duration = Math.ceil(words[block] / 2.5) + 1;
                block++;
            }
            yaml.append("    duration: ").append(duration).append("\n    action: ").append(sentence(8)).append('\n');
        }
        if (block < blocks) {
            throw new IllegalStateException("scene " + (s + 1) + " has more dialogue than shots");
        }
        write(dir.resolve(String.format(Locale.ROOT, "shots/%03d.yaml", s + 1)), yaml.toString());
    }

    private String sentence(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = WORDS[random.nextInt(WORDS.length)];
            out.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i == n - 1 ? "." : " ");
        }
        return out.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
