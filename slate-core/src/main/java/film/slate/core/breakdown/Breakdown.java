package film.slate.core.breakdown;

import film.slate.core.fountain.Element;
import film.slate.core.fountain.ElementType;
import film.slate.core.screenplay.DialogueBlock;
import film.slate.core.screenplay.Pagination;
import film.slate.core.screenplay.Screenplay;
import film.slate.core.screenplay.ScriptScene;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The breakdown sheet of a screenplay.
 *
 * @param title the title page's title, or empty
 * @param file the screenplay's production-relative path
 * @param scenes one strip per scene, in screenplay order
 * @param totals the totals
 */
public record Breakdown(String title, String file, List<SceneBreakdown> scenes, BreakdownTotals totals) {
    /** Screen time a page of script takes: a minute. */
    public static final double SECONDS_PER_PAGE = 60.0;

    private static final Set<String> DAY = Set.of("DAY", "MORNING", "AFTERNOON", "DAWN", "SUNRISE");
    private static final Set<String> NIGHT = Set.of("NIGHT", "EVENING", "DUSK", "SUNSET");

    public Breakdown {
        scenes = List.copyOf(scenes);
    }

    /** Breaks a screenplay down with the standard page layout. */
    public static Breakdown of(Screenplay screenplay, BreakdownInputs inputs) {
        return of(screenplay, Pagination.of(screenplay), inputs);
    }

    public static Breakdown of(Screenplay screenplay, Pagination pages, BreakdownInputs inputs) {
        Set<String> characters = new LinkedHashSet<>();
        for (ScriptScene s : screenplay.scenes()) {
            for (DialogueBlock b : s.dialogue()) {
                characters.add(b.character());
            }
        }
        for (String c : inputs.characters()) {
            characters.add(c.toUpperCase(Locale.ROOT));
        }
        List<SceneBreakdown> strips = new ArrayList<>();
        Map<String, int[]> castCounts = new LinkedHashMap<>(); // scenes, speaking scenes, first ordinal, words
        Map<String, String> firstScene = new LinkedHashMap<>();
        for (ScriptScene s : screenplay.scenes()) {
            SceneBreakdown strip = strip(s, pages.eighths(s), characters, inputs);
            strips.add(strip);
            Set<String> present = new LinkedHashSet<>(strip.speakingCast());
            present.addAll(strip.nonSpeakingCast());
            for (String c : present) {
                int[] counts = castCounts.computeIfAbsent(c, k -> new int[4]);
                counts[0]++;
                if (strip.speakingCast().contains(c)) {
                    counts[1]++;
                }
                counts[3] += strip.words().getOrDefault(c, 0);
                firstScene.putIfAbsent(c, s.number());
                if (counts[2] == 0) {
                    counts[2] = s.ordinal();
                }
            }
        }
        List<CastMember> cast = new ArrayList<>();
        castCounts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                        .thenComparingInt(e -> e.getValue()[2]).thenComparing(Map.Entry::getKey))
                .forEach(e -> cast.add(new CastMember(e.getKey(), e.getValue()[0], e.getValue()[1],
                        firstScene.get(e.getKey()), e.getValue()[3])));
        return new Breakdown(screenplay.document().title(), screenplay.document().file(), strips,
                totals(strips, pages, cast));
    }

    /** DAY, NIGHT, or empty for a resolved time of day. */
    static String dayOrNight(String time) {
        return DAY.contains(time) ? "DAY" : NIGHT.contains(time) ? "NIGHT" : "";
    }

    private static SceneBreakdown strip(ScriptScene s, int eighths, Set<String> characters, BreakdownInputs in) {
        Map<String, Integer> words = new LinkedHashMap<>();
        for (DialogueBlock b : s.dialogue()) {
            words.merge(b.character(), b.words(), Integer::sum);
        }
        StringBuilder action = new StringBuilder();
        StringBuilder printed = new StringBuilder();
        for (Element e : s.elements()) {
            if (e.is(ElementType.ACTION)) {
                action.append(e.text()).append('\n');
            }
            if (!e.type().isHidden() && !e.is(ElementType.CHARACTER)) {
                printed.append(e.text()).append('\n');
            }
        }
        String upperAction = action.toString().toUpperCase(Locale.ROOT);
        String upperPrinted = printed.toString().toUpperCase(Locale.ROOT);
        List<String> silent = new ArrayList<>();
        for (String c : characters) {
            if (!words.containsKey(c) && Mentions.names(upperAction, c)) {
                silent.add(c);
            }
        }
        List<String> props = new ArrayList<>();
        for (String p : in.props()) {
            if (Mentions.names(upperPrinted, p)) {
                props.add(p);
            }
        }
        return new SceneBreakdown(s.ordinal(), s.number(), s.heading(), s.interior(), s.location(), s.time(),
                eighths, eighths * SECONDS_PER_PAGE / 8, new ArrayList<>(words.keySet()), silent, props, words,
                Optional.ofNullable(in.shotsByScene().get(s.number())), s.position());
    }

    private static BreakdownTotals totals(List<SceneBreakdown> strips, Pagination pages, List<CastMember> cast) {
        int day = 0;
        int night = 0;
        int in = 0;
        int ext = 0;
        int both = 0;
        int shots = 0;
        double planned = 0;
        for (SceneBreakdown s : strips) {
            switch (s.dayOrNight()) {
                case "DAY" -> day++;
                case "NIGHT" -> night++;
                default -> { }
            }
            switch (s.interior()) {
                case "INT" -> in++;
                case "EXT" -> ext++;
                case "INT/EXT" -> both++;
                default -> { }
            }
            if (s.shots().isPresent()) {
                shots += s.shots().get().count();
                planned += s.shots().get().seconds();
            }
        }
        int n = strips.size();
        return new BreakdownTotals(pages.pageCount(), pages.totalEighths(), n,
                pages.totalEighths() * SECONDS_PER_PAGE / 8, shots, planned, cast, day, night, n - day - night, in,
                ext, both, n - in - ext - both);
    }
}
