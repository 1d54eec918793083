package film.slate.core.plan;

import film.slate.core.screenplay.DialogueBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The coverage of a scene as beats in edit order, before any camera is placed: a wide master over
 * the opening action, then for each speech a shot of the speaker (over the listener's shoulder the
 * first time, alternating with a single after that), consecutive speeches of one speaker in one
 * shot while it stays short, and a reaction of the listener after a long speech.
 */
final class Coverage {
    /** Speaking pace of FORMAT.md's timing rule. */
    static final double WORDS_PER_SECOND = 2.5;
    /** A breath at the head and tail of every shot with lines. */
    static final double PAD = 0.6;
    static final double MIN_SHOT = 2;
    static final double MAX_MERGED = 10;
    /** A speech this long earns the listener a reaction cutaway after it. */
    static final int REACTION_WORDS = 20;
    static final double REACTION = 1.5;
    static final double MASTER_MIN = 3;
    static final double MASTER_MAX = 8;

    private Coverage() {
    }

    static List<Beat> of(SceneSetup setup, OptionalInt maxShots) {
        List<Beat> beats = new ArrayList<>();
        List<String> all = castOrder(setup);
        double actionTime = setup.action().isBlank() ? 0 : DialogueBlock.countWords(setup.action()) / 3.0;
        beats.add(new Beat(Idiom.MASTER, all, List.of(), round(Math.min(MASTER_MAX, Math.max(MASTER_MIN, actionTime))),
                summary(setup.action())));
        Map<String, Integer> spoken = new HashMap<>();
        String previous = null;
        for (DialogueBlock block : setup.dialogue()) {
            String speaker = block.character();
            double time = seconds(block.words());
            Beat last = beats.get(beats.size() - 1);
            if (speaker.equals(previous) && last.idiom() != Idiom.REACTION && last.idiom() != Idiom.MASTER
                    && last.duration() + time - PAD <= MAX_MERGED) {
                beats.set(beats.size() - 1, new Beat(last.idiom(), last.subjects(), append(last.lines(), block.index()),
                        round(last.duration() + time - PAD), last.action()));
                continue;
            }
            String listener = listener(setup, block, previous, all);
            List<String> who = setup.cast().containsKey(speaker) ? List.of(speaker, listener) : List.of(listener);
            int n = spoken.merge(speaker, 1, Integer::sum);
            Idiom idiom = !setup.cast().containsKey(speaker) ? Idiom.REACTION : n % 2 == 1 ? Idiom.OTS : Idiom.SINGLE;
            beats.add(new Beat(idiom, who.stream().distinct().toList(), List.of(block.index()), round(time),
                    speaker.charAt(0) + speaker.substring(1).toLowerCase(java.util.Locale.ROOT) + " speaks"));
            if (block.words() >= REACTION_WORDS && !listener.equals(speaker) && setup.cast().containsKey(speaker)) {
                beats.add(new Beat(Idiom.REACTION, List.of(listener, speaker), List.of(), REACTION,
                        listener.charAt(0) + listener.substring(1).toLowerCase(java.util.Locale.ROOT) + " listens"));
            }
            previous = speaker;
        }
        return maxShots.isPresent() ? fit(beats, maxShots.getAsInt()) : beats;
    }

    /** The axis pair first (their order is the screen order), then the rest of the cast. */
    static List<String> castOrder(SceneSetup setup) {
        List<String> out = new ArrayList<>(setup.axisPair().orElse(List.of()));
        for (String c : setup.cast().keySet()) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Who the speaker talks to: the last one who spoke to them, else the next to answer, else the axis partner. */
    private static String listener(SceneSetup setup, DialogueBlock block, String previous, List<String> all) {
        if (previous != null && !previous.equals(block.character()) && setup.cast().containsKey(previous)) {
            return previous;
        }
        for (DialogueBlock b : setup.dialogue()) {
            if (b.index() > block.index() && !b.character().equals(block.character()) && setup.cast().containsKey(b.character())) {
                return b.character();
            }
        }
        for (String c : all) {
            if (!c.equals(block.character())) {
                return c;
            }
        }
        return all.get(0);
    }

    /** Merges beats until there are at most {@code max}: reactions go first, then the two shortest neighbours become a two-shot. */
    static List<Beat> fit(List<Beat> beats, int max) {
        List<Beat> out = new ArrayList<>(beats);
        out.removeIf(b -> out.size() > max && b.idiom() == Idiom.REACTION);
        while (out.size() > max && out.size() > 1) {
            int best = -1;
            for (int i = 1; i + 1 < out.size(); i++) {
                if (best < 0 || out.get(i).duration() + out.get(i + 1).duration()
                        < out.get(best).duration() + out.get(best + 1).duration()) {
                    best = i;
                }
            }
            if (best < 0) { // only the master and one more: the master takes it all
                Beat m = out.get(0);
                Beat b = out.remove(1);
                out.set(0, new Beat(Idiom.MASTER, m.subjects(), b.lines(), round(m.duration() + b.duration()), m.action()));
                continue;
            }
            Beat a = out.get(best);
            Beat b = out.remove(best + 1);
            List<String> who = new ArrayList<>(a.subjects());
            b.subjects().stream().filter(s -> !who.contains(s)).forEach(who::add);
            List<Integer> lines = new ArrayList<>(a.lines());
            lines.addAll(b.lines());
            out.set(best, new Beat(Idiom.TWO, who, lines, round(a.duration() + b.duration()), a.action()));
        }
        return out;
    }

    /** How long a speech of {@code words} takes, with a breath either side, in half seconds. */
    static double seconds(int words) {
        return round(Math.max(MIN_SHOT, words / WORDS_PER_SECOND + 2 * PAD));
    }

    /** Up to the next half second. */
    static double round(double s) {
        return Math.ceil(s * 2 - 1e-9) / 2;
    }

    private static List<Integer> append(List<Integer> lines, int line) {
        List<Integer> out = new ArrayList<>(lines);
        out.add(line);
        return out;
    }

    /** The first sentence of the action, short enough for a prompt. */
    static String summary(String action) {
        String s = action.strip();
        int stop = s.indexOf(". ");
        if (stop > 0) {
            s = s.substring(0, stop);
        }
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }
}
