package film.slate.core.screenplay;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The time-of-day words of real scene headings (FORMAT.md, Slate's reading): a base word, maybe
 * with a modifier ({@code LATE AFTERNOON}, {@code PRE-DAWN}, {@code EARLY MORNING}), or a word that
 * keeps the previous scene's time ({@code CONTINUOUS}, {@code MOMENTS LATER}, {@code SAME}, {@code
 * LATER}).
 */
public final class HeadingTime {
    static final Set<String> DAY = Set.of("DAY", "MORNING", "AFTERNOON", "DAWN", "SUNRISE", "NOON", "MIDDAY",
            "DAYBREAK", "FIRST LIGHT", "DAYTIME");
    static final Set<String> NIGHT = Set.of("NIGHT", "EVENING", "DUSK", "SUNSET", "MIDNIGHT", "TWILIGHT",
            "NIGHTFALL", "MAGIC HOUR", "NIGHTTIME");
    private static final List<String> MODIFIERS = List.of("EARLY ", "LATE ", "MID-", "MID ", "PRE-", "PRE ", "PRE",
            "JUST BEFORE ", "JUST AFTER ", "BEFORE ", "AFTER ");
    private static final Set<String> CARRY_OVER = Set.of("CONTINUOUS", "CONTINUOUS ACTION", "CONT'D", "CONT.",
            "LATER", "MOMENTS LATER", "A MOMENT LATER", "MOMENT LATER", "SECONDS LATER", "MINUTES LATER",
            "A FEW MOMENTS LATER", "A LITTLE LATER", "SOON AFTER", "SAME", "SAME TIME", "SIMULTANEOUS");

    private HeadingTime() {
    }

    /** True when the (cleaned, upper-case) words name a time of day. */
    static boolean isTime(String words) {
        return DAY.contains(words) || NIGHT.contains(words) || !base(words).equals(words) && isBase(base(words));
    }

    /** True when the words keep the previous scene's time. */
    static boolean carriesOver(String words) {
        return CARRY_OVER.contains(words);
    }

    /**
     * DAY, NIGHT, or empty, as a stripboard counts a time of day. Dawn and sunrise are day, dusk
     * and sunset night; before dawn ({@code PRE-DAWN}) is night, after dusk night, after dawn day.
     */
    public static String dayOrNight(String time) {
        String t = time.toUpperCase(Locale.ROOT);
        String base = base(t);
        boolean before = !base.equals(t) && (t.startsWith("PRE") || t.startsWith("JUST BEFORE")
                || t.startsWith("BEFORE"));
        if (before && (base.equals("DAWN") || base.equals("SUNRISE") || base.equals("DAYBREAK"))) {
            return "NIGHT";
        }
        return DAY.contains(base) ? "DAY" : NIGHT.contains(base) ? "NIGHT" : "";
    }

    /** The words without one leading modifier. */
    private static String base(String words) {
        for (String m : MODIFIERS) {
            if (words.startsWith(m) && words.length() > m.length()) {
                return words.substring(m.length()).strip();
            }
        }
        return words;
    }

    private static boolean isBase(String words) {
        return DAY.contains(words) || NIGHT.contains(words);
    }
}
