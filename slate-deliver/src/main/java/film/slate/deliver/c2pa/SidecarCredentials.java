package film.slate.deliver.c2pa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A C2PA manifest store kept beside an asset that cannot embed one (Matroska): {@code NAME.c2pa}
 * next to {@code NAME.mkv}, the name under which the c2pa project's reader looks for a sidecar, an
 * external manifest of media type {@code application/c2pa} (C2PA 2.2, 11.4). Nothing of the store
 * is inside the asset, so its hard binding is a {@code c2pa.hash.data} over every byte of the asset
 * with no exclusions (18.5): the asset's SHA-256, which the caller already has (a master is stored
 * under it, and its copy out of the store was checked against it), so it is not read again here.
 */
public final class SidecarCredentials {
    public static final String BINDING = "c2pa.hash.data";
    /** The sidecar's extension and media type. */
    public static final String EXTENSION = ".c2pa";
    public static final String MEDIA_TYPE = "application/c2pa";

    private SidecarCredentials() {
    }

    /** {@code media/1_1A_t1_v2.c2pa} for {@code media/1_1A_t1_v2.mkv}: the asset's name with its extension replaced. */
    public static String sidecar(String asset) {
        int dot = asset.lastIndexOf('.');
        return (dot > asset.lastIndexOf('/') ? asset.substring(0, dot) : asset) + EXTENSION;
    }

    /** Signs {@code manifest} bound to the asset whose SHA-256 is {@code sha256} into {@code sidecar} (written aside, then renamed). */
    public static void write(Path sidecar, byte[] sha256, Manifest manifest, SigningIdentity identity) throws IOException {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 has 32 bytes, not " + sha256.length);
        }
        Path aside = sidecar.resolveSibling("." + sidecar.getFileName() + ".part");
        try {
            Files.write(aside, manifest.store(BINDING, binding(sha256), identity));
            Files.move(aside, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(aside);
        }
    }

    /** The data hash of a whole asset: no exclusions, an empty pad (required, zero-length unless padding). */
    static Map<String, Object> binding(byte[] sha256) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alg", "sha256");
        out.put("hash", sha256);
        out.put("pad", new byte[0]);
        out.put("name", "whole asset");
        return out;
    }
}
