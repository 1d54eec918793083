package film.slate.core.recipe;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bind key of previz's per-character passes (FORMAT.md, bind keys): {@code mask.<C>},
 * {@code mask_video.<C>} and {@code prompt.<C>}, where {@code <C>} is a character id. The reference
 * keys that name a character are {@link ReferenceKey}s.
 *
 * @param key the key as slate.yaml writes it
 * @param pass {@code mask}, {@code mask_video} or {@code prompt}
 * @param character the character id it names
 */
public record CharacterKey(String key, String pass, String character) {
    private static final Pattern KEY = Pattern.compile("(mask|mask_video|prompt)\\.([^./\\s]+)");

    /** The per-character pass a key names, when it is one. */
    public static Optional<CharacterKey> parse(String key) {
        Matcher m = KEY.matcher(key);
        return m.matches() ? Optional.of(new CharacterKey(key, m.group(1), m.group(2))) : Optional.empty();
    }
}
