package film.slate.core.screenplay;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How a scene heading splits into INT/EXT, place and time of day (FORMAT.md). */
final class Headings {
    static final Set<String> TIMES = Set.of("DAY", "NIGHT", "DAWN", "DUSK", "MORNING", "AFTERNOON", "EVENING",
            "SUNRISE", "SUNSET");
    static final Set<String> CARRY_OVER = Set.of("CONTINUOUS", "LATER", "SAME", "MOMENTS LATER", "SAME TIME");
    private static final String SEPARATOR = " - ";

    /** Prefix as written (upper case) and what it means, longest first. */
    private static final List<String[]> PREFIXES = List.of(new String[] {"INT./EXT.", "INT/EXT"},
            new String[] {"INT/EXT.", "INT/EXT"}, new String[] {"INT./EXT", "INT/EXT"},
            new String[] {"INT/EXT", "INT/EXT"}, new String[] {"EXT./INT.", "INT/EXT"},
            new String[] {"EXT/INT.", "INT/EXT"}, new String[] {"EXT/INT", "INT/EXT"},
            new String[] {"I/E.", "INT/EXT"}, new String[] {"I/E", "INT/EXT"}, new String[] {"E/I", "INT/EXT"},
            new String[] {"INT.", "INT"}, new String[] {"INT", "INT"}, new String[] {"EXT.", "EXT"},
            new String[] {"EXT", "EXT"}, new String[] {"EST.", "EXT"}, new String[] {"EST", "EXT"});

    private Headings() {
    }

    /** The last {@code " - "} part, upper case and trimmed, or empty. */
    static String lastPart(String heading) {
        int sep = heading.lastIndexOf(SEPARATOR);
        return sep < 0 ? "" : heading.substring(sep + SEPARATOR.length()).strip().toUpperCase(Locale.ROOT);
    }

    /** The heading without a time-of-day part (one of TIMES or CARRY_OVER). */
    static String setting(String heading) {
        String last = lastPart(heading);
        if (TIMES.contains(last) || CARRY_OVER.contains(last)) {
            return heading.substring(0, heading.lastIndexOf(SEPARATOR)).strip();
        }
        return heading.strip();
    }

    /** The time of day, given the previous scene's. */
    static String time(String heading, String previous) {
        String last = lastPart(heading);
        if (TIMES.contains(last)) {
            return last;
        }
        return CARRY_OVER.contains(last) ? previous : "";
    }

    static String interior(String heading) {
        String[] p = prefix(heading);
        return p == null ? "" : p[1];
    }

    static String location(String setting) {
        String[] p = prefix(setting);
        return p == null ? setting : setting.substring(p[0].length()).strip();
    }

    private static String[] prefix(String heading) {
        for (String[] p : PREFIXES) {
            if (heading.regionMatches(true, 0, p[0], 0, p[0].length())
                    && (heading.length() == p[0].length() || p[0].endsWith(".")
                            || heading.charAt(p[0].length()) == ' ' || heading.charAt(p[0].length()) == '.')) {
                return p;
            }
        }
        return null;
    }
}
