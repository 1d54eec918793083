package film.slate.core.model;

import java.util.List;
import java.util.Objects;

/** The look of the film: the prompt template with its {@code {placeholders}}, the look line, the negative. */
public record Style(String prompt, String look, String negative, List<String> palette, Positions where) {
    public static final String DEFAULT_PROMPT = "{framing} of {subjects}, {action}, in {location}, {time}. {look}";

    /** The placeholders a prompt template may use. */
    public static final List<String> PLACEHOLDERS =
            List.of("framing", "subjects", "action", "dialogue", "location", "time", "lens", "move", "look");

    public Style {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(look, "look");
        Objects.requireNonNull(negative, "negative");
        palette = List.copyOf(palette);
        Objects.requireNonNull(where, "where");
    }
}
