package film.slate.engine.remote;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is shown, logged or stored: the secret itself and the forms
 * a server or program may echo it in (URL-encoded with {@code /} kept or not, base64 inside any
 * header such as {@code Bearer KEY} or {@code user:KEY}, JSON-escaped), and a run of any of these
 * at the start or end of the text, where someone else cut it. Cut text only after redacting it
 * ({@link #excerpt}): a cut first can leave most of a key that no longer matches.
 */
public final class Redactor {
    /** What a secret becomes. */
    public static final String MASK = "[redacted]";
    /** Runs of a secret's form at a cut edge longer than this are masked. */
    static final int EDGE_RUN = 4;
    private static final int SHORTEST = 4;

    private final List<String> forms;
    private final Pattern whole;

    public Redactor(List<String> secrets) {
        Set<String> f = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s != null && s.length() >= SHORTEST) { // shorter is no key; masking it would garble ordinary words
                f.addAll(forms(s));
            }
        }
        List<String> sorted = new ArrayList<>(f);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.forms = List.copyOf(sorted);
        StringBuilder alt = new StringBuilder();
        for (String form : forms) {
            alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(form));
        }
        this.whole = forms.isEmpty() ? null : Pattern.compile(alt.toString());
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    /** The forms a secret can be echoed in. */
    static Set<String> forms(String s) {
        Set<String> f = new LinkedHashSet<>();
        f.add(s);
        String url = URLEncoder.encode(s, StandardCharsets.UTF_8);
        for (String u : List.of(url, url.replace("+", "%20"))) {
            f.add(u);
            f.add(u.replace("%2F", "/"));
            f.add(lowerHex(u));
            f.add(lowerHex(u).replace("%2f", "/"));
        }
        f.add(s.replace("\\", "\\\\").replace("\"", "\\\""));
        f.add(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        // base64 of PREFIX + s + SUFFIX holds the characters of the whole 3-byte groups of s in one
        // of three alignments, whatever the prefix (Bearer, user:): mask each
        for (int skip = 0; skip < 3 && b.length - skip >= 3; skip++) {
            int whole = (b.length - skip) / 3 * 3;
            byte[] part = java.util.Arrays.copyOfRange(b, skip, skip + whole);
            f.add(Base64.getEncoder().encodeToString(part));
            f.add(Base64.getUrlEncoder().withoutPadding().encodeToString(part));
        }
        f.removeIf(x -> x.length() < SHORTEST);
        return f;
    }

    private static String lowerHex(String encoded) {
        Matcher m = Pattern.compile("%[0-9A-F]{2}").matcher(encoded);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, m.group().toLowerCase(java.util.Locale.ROOT));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** {@code text} with every form of every secret masked, and runs of one at either end of it. */
    public String apply(String text) {
        if (text == null || whole == null) {
            return text;
        }
        String out = whole.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
        return edges(out);
    }

    /** Masks a tail of a form at the start of the text and a head of one at its end: what a cut left. */
    private String edges(String text) {
        if (text.length() > EDGE_RUN) {
            for (String f : forms) {
                if (f.contains(text)) {
                    return MASK; // both cuts inside one echo of a secret
                }
            }
        }
        int start = 0;
        int end = text.length();
        for (String f : forms) {
            for (int n = Math.min(f.length() - 1, end - start); n > EDGE_RUN; n--) {
                if (text.startsWith(f.substring(f.length() - n), start)) {
                    start += n;
                    break;
                }
            }
            for (int n = Math.min(f.length() - 1, end - start); n > EDGE_RUN; n--) {
                if (text.startsWith(f.substring(0, n), end - n)) {
                    end -= n;
                    break;
                }
            }
        }
        if (start == 0 && end == text.length()) {
            return text;
        }
        return (start > 0 ? MASK : "") + text.substring(start, end) + (end < text.length() ? MASK : "");
    }

    /** The text redacted, then cut to {@code max} characters (with "..." when cut), on one line. */
    public String excerpt(String text, int max) {
        String t = apply(text).replaceAll("\\s+", " ").strip();
        return t.length() <= max ? t : edges(t.substring(0, max)) + "...";
    }

    /** The longest form: how much of a stream must be held back before it can be redacted. */
    public int longestForm() {
        return forms.isEmpty() ? 0 : forms.get(0).length();
    }
}
