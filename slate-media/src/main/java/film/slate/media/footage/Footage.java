package film.slate.media.footage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a generator made, before normalisation: a sequence of still images in order (played at
 * {@code fps} when the generator says, else at the production's rate), or one video file (played
 * at its own rate).
 */
public sealed interface Footage permits Footage.Stills, Footage.Clip {

    /** Images in order; {@code fps} is the rate they were made for, when known. */
    record Stills(List<Path> images, OptionalDouble fps) implements Footage {
        public Stills {
            images = List.copyOf(images);
            Objects.requireNonNull(fps, "fps");
            if (images.isEmpty()) {
                throw new IllegalArgumentException("no images");
            }
        }
    }

    /** A video file in any container FFmpeg reads (mp4, webm, mkv, mov, gif, animated webp). */
    record Clip(Path video) implements Footage {
        public Clip {
            Objects.requireNonNull(video, "video");
        }
    }
}
