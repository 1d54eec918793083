package film.slate.core.breakdown;

import film.slate.core.fountain.Element;
import film.slate.core.fountain.ElementType;
import film.slate.core.screenplay.DialogueBlock;
import film.slate.core.screenplay.HeadingTime;
import film.slate.core.screenplay.Pagination;
import film.slate.core.screenplay.Screenplay;
import film.slate.core.screenplay.ScriptScene;
import java.util.ArrayList;
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

    public Breakdown {
        scenes = List.copyOf(scenes);
    }

    /** Breaks a screenplay down with the standard page layout. */
    public static Breakdown of(Screenplay screenplay, BreakdownInputs inputs) {
        return of(screenplay, Pagination.of(screenplay), inputs);
    }

    public static Breakdown of(Screenplay screenplay, Pagination pages, BreakdownInputs inputs) {
        Set<String> speaking = new LinkedHashSet<>();
        for (ScriptScene s : screenplay.scenes()) {
            for (DialogueBlock b : s.dialogue()) {
                speaking.add(b.character());
            }
        }
        SilentCast silent = SilentCast.of(SilentCast.actions(screenplay.scenes()), speaking, inputs.characters());
        List<SceneBreakdown> strips = new ArrayList<>();
        for (ScriptScene s : screenplay.scenes()) {
            strips.add(strip(s, pages.eighths(s), silent, inputs));
        }
        List<CastMember> cast = CastMember.billing(strips);
        Map<String, Integer> numbers = new LinkedHashMap<>();
        cast.forEach(c -> numbers.put(c.character(), c.number()));
        List<SceneBreakdown> numbered = strips.stream().map(s -> s.withCastNumbers(numbers)).toList();
        return new Breakdown(screenplay.document().title(), screenplay.document().file(), numbered,
                totals(numbered, pages, cast));
    }

    /** DAY, NIGHT, or empty for a resolved time of day. */
    static String dayOrNight(String time) {
        return HeadingTime.dayOrNight(time);
    }

    private static SceneBreakdown strip(ScriptScene s, int eighths, SilentCast silent, BreakdownInputs in) {
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
        String upperPrinted = printed.toString().toUpperCase(Locale.ROOT);
        List<String> props = new ArrayList<>();
        for (String p : in.props()) {
            if (Mentions.names(upperPrinted, p)) {
                props.add(p);
            }
        }
        return new SceneBreakdown(s.ordinal(), s.number(), s.heading(), s.interior(), s.location(), s.time(),
                s.carriedOver(), eighths, eighths * SECONDS_PER_PAGE / 8, new ArrayList<>(words.keySet()),
                silent.in(action.toString(), words.keySet()), List.of(), props, words,
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
