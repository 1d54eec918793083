package film.slate.core.recipe;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a fix changes, apart from the take it is made on: the frames (numbered from 0 within the
 * shot, both ends inclusive), the mask (an object named by SHA-256, of the production's picture
 * size), how far inward its edge is feathered, the prompt and fields it changes ({@link FixFields})
 * and the backend that renders the region. The same edit applied to another parent (a rebuilt
 * take, {@code slate build --reapply-fixes}) is the same fix on a new recipe.
 *
 * @param first the first frame of the range
 * @param last the last frame of the range, inclusive
 * @param mask the SHA-256 of the mask object ({@code slate/mask}: a PGM of 0 and 255)
 * @param feather pixels over which the mask's edge fades in, inward only (0: a hard edge)
 * @param prompt the prompt the backend renders the region with, when the fix names one
 * @param set field changes, by {@link FixFields} name, in canonical (sorted) order
 * @param backend the backend that renders the region
 */
public record FixEdit(int first, int last, String mask, int width, int height, int feather, Optional<String> prompt,
        Map<String, String> set, RecipeContent.BackendRef backend) {
    public FixEdit {
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(backend, "backend");
        set = Collections.unmodifiableMap(new TreeMap<>(set));
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("frames " + first + "-" + last + " are no range; name A-B with 0 <= A <= B");
        }
        if (feather < 0) {
            throw new IllegalArgumentException("a feather of " + feather + " pixels is negative");
        }
    }

    /** Whether frame {@code i} of the shot is inside the range. */
    public boolean covers(int i) {
        return i >= first && i <= last;
    }

    /** {@code 40-60}: how the command line and messages write the range. */
    public String frames() {
        return first + "-" + last;
    }
}
