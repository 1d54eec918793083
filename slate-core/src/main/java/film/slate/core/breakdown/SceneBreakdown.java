package film.slate.core.breakdown;

import film.slate.core.diagnostic.SourcePosition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One strip of the breakdown.
 *
 * @param ordinal 1-based place in the screenplay
 * @param number the scene number
 * @param heading the heading as written, without scene number
 * @param interior {@code INT}, {@code EXT}, {@code INT/EXT} or empty
 * @param location the heading's place without INT/EXT and time of day
 * @param time the resolved time of day, or empty
 * @param carriedOver the heading's word when the time is the previous scene's ({@code CONTINUOUS}), else
 *     empty
 * @param eighths length in eighths of a page (at least 1)
 * @param screenSeconds estimated screen time: a page a minute
 * @param speakingCast characters with dialogue, in order of their first speech
 * @param nonSpeakingCast characters named in the action who do not speak in the scene (only bible
 *     characters and names introduced in capitals in action count)
 * @param castNumbers the cast numbers of everyone in the scene, ascending, as a stripboard shows them
 * @param props bible props named in the scene, in bible order
 * @param words dialogue words per speaking character, in order of their first speech
 * @param shots the planned shots, when the scene has a plan
 * @param position where the heading is
 */
public record SceneBreakdown(int ordinal, String number, String heading, String interior, String location,
        String time, String carriedOver, int eighths, double screenSeconds, List<String> speakingCast,
        List<String> nonSpeakingCast, List<Integer> castNumbers, List<String> props, Map<String, Integer> words, Optional<PlannedShots> shots, SourcePosition position) {

    public SceneBreakdown {
        speakingCast = List.copyOf(speakingCast);
        nonSpeakingCast = List.copyOf(nonSpeakingCast);
        castNumbers = List.copyOf(castNumbers);
        props = List.copyOf(props);
        words = Collections.unmodifiableMap(new LinkedHashMap<>(words));
    }

    /** This strip with the cast numbers of its speaking and non-speaking cast. */
    SceneBreakdown withCastNumbers(Map<String, Integer> numbers) {
        List<Integer> here = new ArrayList<>();
        speakingCast.forEach(c -> here.add(numbers.get(c)));
        nonSpeakingCast.forEach(c -> here.add(numbers.get(c)));
        Collections.sort(here);
        return new SceneBreakdown(ordinal, number, heading, interior, location, time, carriedOver, eighths,
                screenSeconds, speakingCast, nonSpeakingCast, here, props, words, shots, position);
    }

    /** The time as a first AD reads it: {@code NIGHT (CONTINUOUS)} when it is carried over. */
    public String timeAsRead() {
        if (carriedOver.isEmpty()) {
            return time;
        }
        return time.isEmpty() ? carriedOver : time + " (" + carriedOver + ")";
    }

    /** DAY, NIGHT, or empty: how the time of day counts on a stripboard. */
    public String dayOrNight() {
        return Breakdown.dayOrNight(time);
    }

    /**
     * The stripboard colour: white INT DAY, yellow EXT DAY, blue INT NIGHT, green EXT NIGHT (INT/EXT
     * counts as EXT); grey when the heading says neither.
     */
    public String stripColour() {
        boolean ext = interior.contains("EXT");
        boolean known = !interior.isEmpty();
        return switch (dayOrNight()) {
            case "DAY" -> !known ? "grey" : ext ? "yellow" : "white";
            case "NIGHT" -> !known ? "grey" : ext ? "green" : "blue";
            default -> "grey";
        };
    }
}
