package film.slate.engine.fix;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code slate fix} is asked: a take (a version of it, else its latest), a frame range
 * (from 0 within the shot, inclusive), where (a region, a mask image or a subject), and what to
 * change (prompt, fields, backend, feather).
 */
public record FixOrder(String shot, int take, Optional<Integer> version, int first, int last, Where where,
        Optional<String> prompt, Map<String, String> set, Optional<String> backend, int feather) {
    public FixOrder {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(prompt, "prompt");
        set = Map.copyOf(set);
        Objects.requireNonNull(backend, "backend");
    }

    /** Where in the picture the fix applies. */
    public sealed interface Where permits Region, MaskFile, Subject {
    }

    /** {@code --region x,y,w,h}, in pixels of the production's format. */
    public record Region(int x, int y, int w, int h) implements Where {
    }

    /** {@code --mask FILE.png}: light pixels are inside. */
    public record MaskFile(Path file) implements Where {
    }

    /** {@code --subject CHARACTER}: the character's mask from previz. */
    public record Subject(String character) implements Where {
    }
}
