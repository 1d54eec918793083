package film.slate.engine.remote;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Removes secrets from text before it is shown, logged or stored: the secret itself and the forms
 * a server may echo it in (URL-encoded, base64 as in Basic auth, JSON-escaped).
 */
public final class Redactor {
    /** What a secret becomes. */
    public static final String MASK = "[redacted]";
    private final List<String> forms = new ArrayList<>();

    public Redactor(List<String> secrets) {
        for (String s : secrets) {
            if (s == null || s.length() < 4) {
                continue; // too short to be a key; masking it would garble ordinary words
            }
            forms.add(s);
            forms.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
            forms.add(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
            forms.add(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        }
        forms.sort((a, b) -> b.length() - a.length());
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String f : forms) {
            out = out.replace(f, MASK);
        }
        return out;
    }
}
