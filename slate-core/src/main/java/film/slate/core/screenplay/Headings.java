package film.slate.core.screenplay;

import film.slate.core.fountain.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a scene heading splits into INT/EXT, setting, location and time of day (FORMAT.md, Slate's
 * reading). Parts are separated by a dash with spaces around it ({@code -}, {@code --}, en or em
 * dash). From the last part backwards, parts that only qualify the scene (a year, {@code
 * FLASHBACK}, bracketed notes) are skipped; the first part that names a time of day, or keeps the
 * previous one, is the time; everything before it is the setting.
 */
final class Headings {
    private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:--?|\u2013|\u2014)\\s+");
    private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)|\\[[^\\]]*\\]");
    private static final Pattern YEAR = Pattern.compile("(?:,?\\s*\\b\\d{4}s?\\b)+$");
    private static final Set<String> QUALIFIERS = Set.of("FLASHBACK", "FLASH BACK", "PRESENT", "PRESENT DAY",
            "DREAM", "DREAM SEQUENCE", "FANTASY", "MONTAGE", "SERIES OF SHOTS", "INTERCUT", "B&W",
            "BLACK AND WHITE", "BACK TO PRESENT", "END FLASHBACK");

    /** Prefix as written (upper case) and what it means, longest first. */
    private static final List<String[]> PREFIXES = List.of(new String[] {"INT./EXT.", "INT/EXT"},
            new String[] {"INT/EXT.", "INT/EXT"}, new String[] {"INT./EXT", "INT/EXT"},
            new String[] {"INT/EXT", "INT/EXT"}, new String[] {"EXT./INT.", "INT/EXT"},
            new String[] {"EXT/INT.", "INT/EXT"}, new String[] {"EXT/INT", "INT/EXT"},
            new String[] {"I./E.", "INT/EXT"}, new String[] {"I./E", "INT/EXT"}, new String[] {"E./I.", "INT/EXT"},
            new String[] {"I/E.", "INT/EXT"}, new String[] {"I/E", "INT/EXT"}, new String[] {"E/I", "INT/EXT"},
            new String[] {"INT.", "INT"}, new String[] {"INT", "INT"}, new String[] {"EXT.", "EXT"},
            new String[] {"EXT", "EXT"}, new String[] {"EST.", "EXT"}, new String[] {"EST", "EXT"});

    /**
     * A heading read.
     *
     * @param interior INT, EXT, INT/EXT or empty
     * @param setting the heading without time of day and qualifiers, prefix kept
     * @param location the setting without its prefix and bracketed notes
     * @param time the time-of-day words as the heading says them (upper case), or empty
     * @param carriesOver true when {@code time} keeps the previous scene's time (CONTINUOUS, LATER...)
     */
    record Read(String interior, String setting, String location, String time, boolean carriesOver) {
    }

    private Headings() {
    }

    static Read read(String heading) {
        String h = Space.trim(heading);
        List<String> parts = new ArrayList<>(List.of(SEPARATOR.split(h, -1)));
        String time = "";
        boolean carries = false;
        int keep = parts.size();
        for (int j = parts.size() - 1; j >= 1; j--) {
            String words = clean(parts.get(j));
            if (HeadingTime.isTime(words) || HeadingTime.carriesOver(words)) {
                time = words;
                carries = HeadingTime.carriesOver(words);
                keep = j;
                break;
            }
            if (!(words.isEmpty() || QUALIFIERS.contains(words))) {
                break;
            }
            keep = j;
        }
        String setting = h;
        if (keep < parts.size()) {
            setting = String.join(" - ", parts.subList(0, keep));
        }
        setting = collapse(setting);
        String[] p = prefix(setting);
        String location = collapse(BRACKETED.matcher(p == null ? setting : setting.substring(p[0].length()))
                .replaceAll(" "));
        return new Read(p == null ? "" : p[1], setting, location, time, carries);
    }

    /** Upper case, bracketed notes and trailing years removed, spaces collapsed. */
    private static String clean(String part) {
        String s = BRACKETED.matcher(part).replaceAll(" ");
        s = collapse(s).toUpperCase(Locale.ROOT);
        s = YEAR.matcher(s).replaceAll("");
        s = s.endsWith(",") || s.endsWith(".") && !s.endsWith("CONT.") ? s.substring(0, s.length() - 1) : s;
        return collapse(s);
    }

    private static String collapse(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Space.is(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            }
        }
        return b.toString();
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
