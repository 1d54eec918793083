package film.slate.core.recipe;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills style.yaml's prompt template with a shot's compiled fields and tidies what empty fields leave. */
final class Prompt {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private Prompt() {
    }

    static String fill(String template, Map<String, String> fields) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 200);
        while (m.find()) {
            String value = fields.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString()
                .replaceAll("\\s+", " ")
                .replaceAll("(,\\s*)+,", ",")
                .replaceAll("\\s+([,.])", "$1")
                .replaceAll("^[,.\\s]+", "")
                .replaceAll("\\s*,\\s*$", "")
                .strip();
    }
}
