package film.slate.core.screenplay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic feature screenplay from a seed: headings, action, speeches with
 * parentheticals, transitions. Every written line fits its element's printed width (action under
 * 60 characters, dialogue under 35, parentheticals under 25), so each written line prints as one
 * line and {@link #idealLines()} (lines plus the one blank before each element) is an independent
 * count of the printed lines before page breaks. Used by tests and by {@code bench/script-bench.sh}:
 * {@code java -cp slate-core/target/test-classes:slate-core/target/classes
 * film.slate.core.screenplay.ScreenplayGenerator OUT.fountain PAGES [SEED]}.
 */
public final class ScreenplayGenerator {
    private static final List<String> WORDS = List.of("the", "light", "sea", "turns", "she", "he", "door", "rain",
            "slowly", "glass", "lamp", "keeper", "storm", "boat", "waits", "looks", "away", "never", "always",
            "stairs", "iron", "cold", "hands", "old", "map", "wind", "night", "long", "harbour", "gull", "rope",
            "lantern", "shadow", "quiet", "listen", "there", "nothing", "again", "tomorrow", "before");
    private static final List<String> PLACES = List.of("LIGHTHOUSE - LAMP ROOM", "LIGHTHOUSE - STAIRS", "CLIFF PATH",
            "HARBOUR", "KEEPER'S COTTAGE - KITCHEN", "FISHING BOAT", "VILLAGE PUB", "BEACH", "CHURCH", "POST OFFICE");
    private static final List<String> TIMES = List.of("DAY", "NIGHT", "DAWN", "DUSK", "CONTINUOUS", "LATER");
    private static final List<String> PARENTHETICALS = List.of("(quietly)", "(beat)", "(to Tom)", "(smiling)",
            "(without looking up)");

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    private int lines;
    private int scenes;

    public ScreenplayGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A screenplay of about {@code pages} standard pages. */
    public String write(int pages) {
        out.append("Title: The Keeper's Long Night\nAuthor: Slate test generator\n\nFADE IN:\n\n");
        lines = 1;
        int target = pages * PageLayout.STANDARD.linesPerPage() * 983 / 1000; // page breaks add under 2%
        while (lines < target) {
            scene();
        }
        out.append("FADE OUT.\n");
        lines += 2;
        return out.toString();
    }

    /** Printed lines without page breaks: written lines plus one blank line before each element. */
    public int idealLines() {
        return lines;
    }

    public int scenes() {
        return scenes;
    }

    private void scene() {
        scenes++;
        String interior = random.nextInt(3) == 0 ? "EXT." : "INT.";
        element(interior + " " + pick(PLACES) + " - " + pick(TIMES), 1);
        int beats = 2 + random.nextInt(8);
        for (int b = 0; b < beats; b++) {
            if (random.nextInt(5) < 2) {
                int n = 1 + random.nextInt(4);
                StringBuilder p = new StringBuilder();
                for (int l = 0; l < n; l++) {
                    p.append(l == 0 ? "" : "\n").append(capital(sentence(58)));
                }
                element(p.toString(), n);
            } else {
                speech();
            }
        }
        if (random.nextInt(6) == 0) {
            element("CUT TO:", 1);
        }
    }

    private void speech() {
        String who = random.nextInt(4) == 0 ? "TOM" : random.nextInt(3) == 0 ? "ELSIE (V.O.)" : "MARA";
        StringBuilder s = new StringBuilder(who);
        int n = 1;
        if (random.nextInt(4) == 0) {
            s.append('\n').append(pick(PARENTHETICALS));
            n++;
        }
        int said = 1 + random.nextInt(random.nextInt(10) == 0 ? 14 : 4);
        for (int l = 0; l < said; l++) {
            s.append('\n').append(capital(sentence(33)));
        }
        element(s.toString(), n + said);
    }

    private void element(String text, int printedLines) {
        out.append(text).append("\n\n");
        lines += printedLines + 1;
    }

    private String sentence(int maxLength) {
        StringBuilder s = new StringBuilder(pick(WORDS));
        while (true) {
            String w = pick(WORDS);
            if (s.length() + 1 + w.length() + 1 > maxLength || random.nextInt(9) == 0) {
                break;
            }
            s.append(' ').append(w);
        }
        return s.append('.').toString();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ScreenplayGenerator OUT.fountain PAGES [SEED]");
            System.exit(2);
        }
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 150L;
        ScreenplayGenerator g = new ScreenplayGenerator(seed);
        Files.writeString(Path.of(args[0]), g.write(Integer.parseInt(args[1])), StandardCharsets.UTF_8);
        System.out.println(args[0] + ": " + g.scenes() + " scenes, " + g.idealLines() + " printed lines before page"
                + " breaks (" + g.idealLines() / PageLayout.STANDARD.linesPerPage() + " pages of 55 lines)");
    }
}
