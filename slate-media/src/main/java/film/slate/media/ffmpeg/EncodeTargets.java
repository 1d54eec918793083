package film.slate.media.ffmpeg;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one frame stream goes: a master (Matroska, the picture of record: lossless FFV1 when Slate
 * draws or converts the frames, the model's own H.264 stream when it needs no conversion) and an
 * H.264 proxy MP4 for review. At least one is named.
 */
public record EncodeTargets(Optional<Path> master, Optional<Path> proxy) {
    public EncodeTargets {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(proxy, "proxy");
        if (master.isEmpty() && proxy.isEmpty()) {
            throw new IllegalArgumentException("name a master, a proxy or both");
        }
    }

    public static EncodeTargets both(Path master, Path proxy) {
        return new EncodeTargets(Optional.of(master), Optional.of(proxy));
    }

    public static EncodeTargets masterOnly(Path master) {
        return new EncodeTargets(Optional.of(master), Optional.empty());
    }

    public static EncodeTargets proxyOnly(Path proxy) {
        return new EncodeTargets(Optional.empty(), Optional.of(proxy));
    }
}
