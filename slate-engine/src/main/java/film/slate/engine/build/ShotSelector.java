package film.slate.engine.build;

import film.slate.core.model.Shot;
import film.slate.core.recipe.RecipeCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which shots a command works on: {@code 1/1A} (one shot), {@code 1/*} (a scene), {@code @MARA}
 * (the shots that see Mara), and comma-separated lists of these (a shot matching any).
 */
public final class ShotSelector implements Predicate<Shot> {
    private final List<Predicate<Shot>> parts;
    private final String text;

    private ShotSelector(String text, List<Predicate<Shot>> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    public static ShotSelector all() {
        return new ShotSelector("*", List.of(s -> true));
    }

    /** @throws IllegalArgumentException with a sentence on what a selector looks like */
    public static ShotSelector parse(String text) {
        List<Predicate<Shot>> parts = new ArrayList<>();
        for (String raw : text.split(",")) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.equals("*")) {
                parts.add(s -> true);
            } else if (p.startsWith("@") && p.length() > 1) {
                String who = p.substring(1).toUpperCase(java.util.Locale.ROOT);
                parts.add(s -> RecipeCompiler.sees(s, who));
            } else if (p.endsWith("/*") && p.indexOf('/') == p.length() - 2) {
                String scene = p.substring(0, p.length() - 2);
                parts.add(s -> s.scene().equals(scene));
            } else if (p.indexOf('/') > 0 && p.indexOf('/') == p.lastIndexOf('/') && !p.endsWith("/")) {
                parts.add(s -> s.fullId().equals(p));
            } else {
                throw new IllegalArgumentException("'" + p + "' is not a shot selector; write 1/1A (a shot), 1/* (a scene),"
                        + " @MARA (shots that see MARA) or a comma list of these");
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("the shot selector is empty; write 1/1A, 1/*, @MARA or a comma list");
        }
        return new ShotSelector(text, parts);
    }

    @Override
    public boolean test(Shot shot) {
        return parts.stream().anyMatch(p -> p.test(shot));
    }

    @Override
    public String toString() {
        return text;
    }
}
