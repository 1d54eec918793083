package film.slate.bench;

import film.slate.deliver.c2pa.DevelopmentCa;
import film.slate.deliver.c2pa.Manifest;
import film.slate.deliver.c2pa.Mp4Credentials;
import film.slate.deliver.c2pa.SigningIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What C2PA signing adds to a delivery: embeds a manifest (a Slate-sized assertion set, the
 * development signer) into copies of the unsigned MP4s named on the command line, as conform does,
 * and prints the wall time of signing them all, RUNS times after one warm-up.
 * {@code java -cp ... film.slate.bench.C2paSigningBench RUNS FILE...}
 */
public final class C2paSigningBench {
    private C2paSigningBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
            bytes += Files.size(Path.of(args[i]));
        }
        Path work = Files.createTempDirectory("c2pa-bench");
        SigningIdentity identity = DevelopmentCa.in(work.resolve("signing"), "bench", Instant.now());
        List<Long> times = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            List<Path> copies = new ArrayList<>();
            for (Path f : files) {
                Path copy = work.resolve(run + "-" + copies.size() + ".mp4");
                Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
                copies.add(copy);
            }
            long start = System.nanoTime();
            for (Path copy : copies) {
                Mp4Credentials.embed(copy, manifest(copy), identity);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (run > 0) {
                times.add(ms);
            }
            for (Path copy : copies) {
                Files.delete(copy);
            }
        }
        Collections.sort(times);
        System.out.printf("C2PA signing of %d MP4s (%.1f MB): runs %d  min %d ms  median %d ms  max %d ms%n", files.size(),
                bytes / 1e6, times.size(), times.get(0), times.get(times.size() / 2), times.get(times.size() - 1));
    }

    private static Manifest manifest(Path file) {
        Map<String, Object> take = Map.of("shot", "1/1A", "take", 1, "version", 1, "recipe", "0".repeat(64),
                "prompt", "A lighthouse keeper climbs the stair at dusk, lamp in hand. ".repeat(4),
                "references", List.of(Map.of("path", "bible/refs/keeper.png", "sha256", "1".repeat(64))));
        return new Manifest(file.getFileName().toString(), file.toString(), Map.of("c2pa.actions.v2", Map.of("actions",
                List.of(Map.of("action", "c2pa.created", "digitalSourceType",
                        "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"))),
                "film.slate.take", take));
    }
}
