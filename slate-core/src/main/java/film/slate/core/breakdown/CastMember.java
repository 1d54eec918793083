package film.slate.core.breakdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the cast list.
 *
 * @param number the cast number in billing order: most scenes first, ties by first appearance (then
 *     more speaking scenes, more words, name), as stripboards and day-out-of-days number the cast
 * @param character the upper-case character id
 * @param scenes scenes where the character speaks or is in the action
 * @param speakingScenes scenes where the character speaks
 * @param firstScene the number of the first such scene
 * @param words dialogue words in the whole script
 * @param sceneNumbers the numbers of those scenes, in screenplay order
 * @param lastScene the number of the last such scene
 * @param eighths the length of those scenes, summed, in eighths of a page
 */
public record CastMember(int number, String character, int scenes, int speakingScenes, String firstScene, int words,
        List<String> sceneNumbers, String lastScene, int eighths) {

    public CastMember {
        sceneNumbers = List.copyOf(sceneNumbers);
    }

    /** The cast of a breakdown's strips, numbered in billing order. */
    static List<CastMember> billing(List<SceneBreakdown> strips) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (SceneBreakdown s : strips) {
            List<String> present = new ArrayList<>(s.speakingCast());
            present.addAll(s.nonSpeakingCast());
            for (String c : present) {
                Tally t = tallies.computeIfAbsent(c, k -> new Tally(s.ordinal()));
                t.scenes.add(s.number());
                t.eighths += s.eighths();
                t.words += s.words().getOrDefault(c, 0);
                if (s.speakingCast().contains(c)) {
                    t.speaking++;
                }
            }
        }
        List<Map.Entry<String, Tally>> order = new ArrayList<>(tallies.entrySet());
        order.sort(Comparator.<Map.Entry<String, Tally>>comparingInt(e -> -e.getValue().scenes.size())
                .thenComparingInt(e -> e.getValue().firstOrdinal).thenComparingInt(e -> -e.getValue().speaking)
                .thenComparingInt(e -> -e.getValue().words).thenComparing(Map.Entry::getKey));
        List<CastMember> cast = new ArrayList<>();
        for (Map.Entry<String, Tally> e : order) {
            Tally t = e.getValue();
            cast.add(new CastMember(cast.size() + 1, e.getKey(), t.scenes.size(), t.speaking, t.scenes.get(0), t.words,
                    t.scenes, t.scenes.get(t.scenes.size() - 1), t.eighths));
        }
        return cast;
    }

    /** What is counted of one character while the strips are read. */
    private static final class Tally {
        private final int firstOrdinal;
        private final List<String> scenes = new ArrayList<>();
        private int speaking;
        private int eighths;
        private int words;

        private Tally(int firstOrdinal) {
            this.firstOrdinal = firstOrdinal;
        }
    }
}
