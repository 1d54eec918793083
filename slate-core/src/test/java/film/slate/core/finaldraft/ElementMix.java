package film.slate.core.finaldraft;

import java.util.List;
import java.util.Random;

/**
 * Writes a Fountain screenplay from a seed that uses every element type and the ways of writing
 * each: plain and forced headings with scene numbers, action that has to be forced, multi-line
 * action and dialogue, extensions and {@code (CONT'D)}, dual dialogue, lyrics, transitions plain and
 * forced, centered text, notes, boneyard, sections, synopses, page breaks, emphasis, non-ASCII text
 * and no-break spaces.
 */
final class ElementMix {
    private static final List<String> WORDS = List.of("the", "sea", "Renée", "lamp", "*slowly*", "**now**",
            "_under_", "***loud***", "glass", "海", "keeper", "über", "rope", "it's", "9", "a*b", "wait,", "end.",
            "naïve", "\\*escaped\\*", "50%", "&", "<tag>", "\"quoted\"");
    private static final List<String> PREFIXES = List.of("INT.", "EXT.", "INT./EXT.", "I/E", "I./E.", "EST.", "int.");
    private static final List<String> NAMES = List.of("MARA", "TOM", "RENÉE", "OLD TOM", "DR. HALE", "MARA\u00A0");
    private static final List<String> EXTENSIONS = List.of("", " (V.O.)", " (O.S.)", " (CONT'D)", " (V.O.) (CONT'D)");

    private final Random random;
    private final StringBuilder out = new StringBuilder();

    ElementMix(long seed) {
        random = new Random(seed);
    }

    String write(int scenes) {
        if (random.nextBoolean()) {
            out.append("Title: The ").append(word()).append("\nAuthor: Someone ").append(word()).append("\n\n");
        }
        for (int s = 0; s < scenes; s++) {
            scene(s);
        }
        return out.toString();
    }

    private void scene(int s) {
        String number = random.nextInt(4) == 0 ? " #" + (s + 1) + (random.nextBoolean() ? "A" : "") + "#" : "";
        if (random.nextInt(6) == 0) {
            block("." + upper(3) + number);
        } else {
            block(pick(PREFIXES) + " " + upper(2) + " - " + pick(List.of("DAY", "NIGHT", "LATER")) + number);
        }
        int beats = 1 + random.nextInt(7);
        for (int b = 0; b < beats; b++) {
            beat();
        }
    }

    private void beat() {
        switch (random.nextInt(16)) {
            case 0, 1, 2 -> block(sentence() + (random.nextBoolean() ? "\n" + sentence() : ""));
            case 3 -> block("!" + upper(3));
            case 4, 5, 6 -> speech("");
            case 7 -> {
                speech("");
                speech(" ^");
            }
            case 8 -> block("~" + sentence());
            case 9 -> block(random.nextBoolean() ? "CUT TO:" : "> " + sentence());
            case 10 -> block(">" + upper(2) + "<");
            case 11 -> block("[[" + sentence() + "]]");
            case 12 -> block("/*" + sentence() + "\n" + sentence() + "*/");
            case 13 -> block("#".repeat(1 + random.nextInt(3)) + " " + sentence() + "\n\n= " + sentence());
            case 14 -> block("===");
            default -> block("@" + "McCLANE" + "\n" + sentence());
        }
    }

    private void speech(String dual) {
        StringBuilder s = new StringBuilder(pick(NAMES)).append(pick(EXTENSIONS)).append(dual);
        if (random.nextInt(3) == 0) {
            s.append("\n(").append(word()).append(')');
        }
        int lines = 1 + random.nextInt(3);
        for (int l = 0; l < lines; l++) {
            s.append('\n').append(random.nextInt(8) == 0 ? "~" : "").append(sentence());
        }
        block(s.toString());
    }

    private void block(String text) {
        out.append(text).append("\n\n");
    }

    private String sentence() {
        StringBuilder s = new StringBuilder("It");
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            s.append(' ').append(word());
        }
        return s.toString();
    }

    private String upper(int words) {
        StringBuilder s = new StringBuilder("LIGHTHOUSE");
        for (int i = 1; i < words; i++) {
            s.append(' ').append(pick(List.of("LAMP", "ROOM", "CAFÉ", "PIER", "STAIRS")));
        }
        return s.toString();
    }

    private String word() {
        return pick(WORDS);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
