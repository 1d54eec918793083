package film.slate.engine.generator;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A generator's capabilities and limits.
 *
 * @param features what it can do
 * @param maxConcurrency renders it may run at once (a GPU server: 1; previz: the cores)
 * @param deterministic whether the same recipe gives the same bytes (previz: yes; diffusion on a GPU: rarely)
 */
public record Capabilities(Set<Capability> features, int maxConcurrency, boolean deterministic) {
    public Capabilities {
        features = Set.copyOf(Objects.requireNonNull(features, "features"));
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency < 1");
        }
    }

    public static Capabilities of(int maxConcurrency, boolean deterministic, Capability... features) {
        return new Capabilities(features.length == 0 ? Set.of() : EnumSet.of(features[0], features), maxConcurrency,
                deterministic);
    }

    public boolean has(Capability c) {
        return features.contains(c);
    }
}
