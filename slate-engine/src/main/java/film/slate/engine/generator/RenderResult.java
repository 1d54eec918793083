package film.slate.engine.generator;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a render made: a video (master, optional review proxy and depth) or a sequence of frames.
 * The engine moves the files into the content-addressed store. {@code cost} is what the render
 * cost when the generator knows (a cloud bill); otherwise the engine estimates it.
 */
public sealed interface RenderResult permits RenderResult.Video, RenderResult.Frames {

    OptionalDouble cost();

    /** A lossless master, with an H.264 proxy and a depth video where the generator makes them. */
    record Video(Path master, Optional<Path> proxy, Optional<Path> depth, OptionalDouble cost) implements RenderResult {
        public Video {
            Objects.requireNonNull(master, "master");
            Objects.requireNonNull(proxy, "proxy");
            Objects.requireNonNull(depth, "depth");
            Objects.requireNonNull(cost, "cost");
        }

        public static Video of(Path master) {
            return new Video(master, Optional.empty(), Optional.empty(), OptionalDouble.empty());
        }
    }

    /**
     * Frames in order (PNG or any single-image format). The engine stores each frame and, as the
     * master, a small JSON index of their hashes; a media module may encode them instead.
     */
    record Frames(List<Path> frames, OptionalDouble cost) implements RenderResult {
        public Frames {
            frames = List.copyOf(frames);
            Objects.requireNonNull(cost, "cost");
        }
    }
}
