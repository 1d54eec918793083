package film.slate.core.breakdown;

import film.slate.core.fountain.Element;
import film.slate.core.fountain.ElementType;
import film.slate.core.screenplay.ScriptScene;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is in a scene without speaking (FORMAT.md, Slate's reading). Only names a first AD would
 * count are candidates: names listed in the bible, and names introduced in capitals in action (a
 * speaking character written in capitals anywhere in action; any other name in capitals followed
 * by an age, as in {@code A FISHERMAN (60s)} or {@code NELL, 9,}; {@code ELSIE NORTH (60s)} is
 * ELSIE when ELSIE has cues). A candidate is in a scene when the scene's action names it in
 * capitals ({@code TOM}) or capitalised ({@code Tom}), so "the kid" and "a voice" are words, not
 * cast.
 */
final class SilentCast {
    private static final Pattern INTRODUCTION = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(\\p{Lu}[\\p{Lu}'.\\-]*(?: \\p{Lu}[\\p{Lu}'.\\-]*)*)\\s*[,(]\\s*"
                    + "(?:(?i:early|mid|late)[- ]?)?(?:\\d{1,2}s|\\d{1,2}(?=\\s*[),])|(?i:teens|twenties|thirties|forties|fifties|sixties"
                    + "|seventies|eighties|nineties|age \\d+))(?![\\p{L}\\p{N}])");
    private static final Set<String> LEADING_ARTICLES = Set.of("A", "AN");

    private final Set<String> candidates;

    private SilentCast(Set<String> candidates) {
        this.candidates = candidates;
    }

    /**
     * The candidates of a screenplay.
     *
     * @param actions the action text of the whole screenplay, element by element
     * @param speaking every upper-case character id that has a cue
     * @param bible the bible's character ids
     */
    static SilentCast of(List<String> actions, Collection<String> speaking, Collection<String> bible) {
        Set<String> names = new LinkedHashSet<>();
        for (String b : bible) {
            names.add(b.replace('_', ' ').toUpperCase(Locale.ROOT));
        }
        for (String name : speaking) {
            if (actions.stream().anyMatch(a -> inCapitals(a, name))) {
                names.add(name);
            }
        }
        for (String a : actions) {
            Matcher m = INTRODUCTION.matcher(a);
            while (m.find()) {
                String name = withoutArticle(m.group(1));
                boolean known = speaking.contains(name) || speaking.stream().anyMatch(k -> name.startsWith(k + " "));
                if (!known && name.codePoints().filter(Character::isLetter).count() >= 2) {
                    names.add(name);
                }
            }
        }
        return new SilentCast(names);
    }

    /** The action text of every scene. */
    static List<String> actions(List<ScriptScene> scenes) {
        List<String> out = new ArrayList<>();
        for (ScriptScene s : scenes) {
            for (Element e : s.elements()) {
                if (e.is(ElementType.ACTION)) {
                    out.add(e.text());
                }
            }
        }
        return out;
    }

    /** Candidates named in the action, minus those who speak in the scene, in candidate order. */
    List<String> in(String action, Set<String> speakingHere) {
        List<String> out = new ArrayList<>();
        for (String c : candidates) {
            if (!speakingHere.contains(c) && named(action, c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean named(String text, String name) {
        int n = name.length();
        for (int at = 0; at + n <= text.length(); at++) {
            if (!text.regionMatches(true, at, name, 0, n) || isWord(text, at - 1) || isWord(text, at + n)) {
                continue;
            }
            String written = text.substring(at, at + n);
            if (written.equals(name) || Character.isUpperCase(written.codePointAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inCapitals(String text, String name) {
        int from = 0;
        while (true) {
            int at = text.indexOf(name, from);
            if (at < 0) {
                return false;
            }
            if (!isWord(text, at - 1) && !isWord(text, at + name.length())) {
                return true;
            }
            from = at + 1;
        }
    }

    private static String withoutArticle(String run) {
        int space = run.indexOf(' ');
        return space > 0 && LEADING_ARTICLES.contains(run.substring(0, space)) ? run.substring(space + 1) : run;
    }

    private static boolean isWord(String s, int i) {
        return i >= 0 && i < s.length() && Character.isLetterOrDigit(s.charAt(i));
    }
}
