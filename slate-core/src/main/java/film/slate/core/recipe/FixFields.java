package film.slate.core.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The recipe fields a fix may change ({@code --set FIELD=VALUE}), and the recipe a backend renders
 * a fix's region from: the root recipe's content with the chain's edits applied in order.
 * Fields: {@code prompt}, {@code negative}, {@code action}, {@code time} (time of day),
 * {@code seed}, and {@code color.CHARACTER} (a stand-in's previz colour, {@code #rrggbb}).
 */
public final class FixFields {
    /** The names {@code --set} takes; {@code color.} is followed by a character id. */
    public static final List<String> NAMES = List.of("prompt", "negative", "action", "time", "seed", "color.CHARACTER");

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private FixFields() {
    }

    /**
     * Why a field change cannot apply to {@code content}, or empty when it can.
     */
    public static Optional<String> problem(RecipeContent content, String field, String value) {
        switch (field) {
            case "prompt", "negative", "action" -> {
                return Optional.empty();
            }
            case "time" -> {
                return value.isBlank() ? Optional.of("time needs a time of day, e.g. time=NIGHT") : Optional.empty();
            }
            case "seed" -> {
                try {
                    Long.parseLong(value);
                    return Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.of("seed=" + value + " is not a whole number");
                }
            }
            default -> {
                if (!field.startsWith("color.")) {
                    return Optional.of("--set " + field + " is no field a fix can change; name one of "
                            + String.join(", ", NAMES));
                }
                String who = field.substring("color.".length());
                if (content.cast().stream().noneMatch(c -> c.id().equals(who))) {
                    return Optional.of("--set " + field + " names " + who + ", who is not in the shot's cast");
                }
                return COLOR.matcher(value).matches() ? Optional.empty()
                        : Optional.of("--set " + field + "=" + value + " is not a colour; write #rrggbb");
            }
        }
    }

    /** {@code content} with an edit's prompt and fields applied (fields checked by {@link #problem}). */
    public static RecipeContent apply(RecipeContent c, FixEdit edit) {
        Map<String, String> set = edit.set();
        String prompt = edit.prompt().orElse(set.getOrDefault("prompt", c.prompt()));
        long seed = set.containsKey("seed") ? Long.parseLong(set.get("seed")) : c.seed();
        RecipeContent.Place place = set.containsKey("time")
                ? new RecipeContent.Place(c.location().id(), c.location().bible(), set.get("time").toUpperCase(Locale.ROOT))
                : c.location();
        List<RecipeContent.CastMark> cast = new ArrayList<>();
        for (RecipeContent.CastMark m : c.cast()) {
            String color = set.get("color." + m.id());
            cast.add(color == null ? m : new RecipeContent.CastMark(m.id(),
                    Optional.of(new RecipeContent.StandIn(m.standIn().map(RecipeContent.StandIn::height).orElse(1.75),
                            color.toLowerCase(Locale.ROOT))), m.at(), m.facing(), m.holds(), m.end()));
        }
        return new RecipeContent(c.schema(), c.production(), c.shot(), c.take(), seed, c.seedPinned(), c.format(), prompt,
                set.getOrDefault("negative", c.negative()), c.framing(), set.getOrDefault("action", c.action()),
                c.subjects(), cast, c.set(), c.setEnd(), place, c.camera(), c.move(), c.blocking(), c.events(),
                c.dialogue(), edit.backend(), c.inputs());
    }
}
