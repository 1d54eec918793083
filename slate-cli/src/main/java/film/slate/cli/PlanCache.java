package film.slate.cli;

import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.Sha256;
import film.slate.media.file.WholeFile;
import film.slate.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The plan cache's file: the recipes of each scene file, keyed by that file's content hash and by
 * everything else a recipe can depend on ({@link Entry#key()}), as Bazel's action cache keys an
 * action by its inputs. It only ever saves work: an entry that does not read back whole is a miss.
 * Lines of tab-separated fields; a recipe is its heading (shot, take, seconds) and its canonical
 * JSON, which holds no line break, read only when something asks for more than the heading.
 */
final class PlanCache {
    private static final String HEADER = "slate plan cache\t2";
    private static final String SUM = "\nsum\t";

    /** One scene file: its hash, the scene it declares, and its takes' recipes in edit order. */
    record Scene(String file, String sha256, String id, boolean continues, List<Recipe> recipes) {
        Scene {
            recipes = List.copyOf(recipes);
        }
    }

    /**
     * @param code what compiled the recipes (Slate's own jars)
     * @param key the hash of every input that is not a scene file, the target and the options
     * @param scannedAt when {@link #files()} was scanned (epoch ms)
     * @param scenes in edit order
     */
    record Entry(String code, String key, long scannedAt, InputFiles files, List<Scene> scenes) {
        Entry {
            scenes = List.copyOf(scenes);
        }
    }

    private PlanCache() {
    }

    /**
     * Where the cache of {@code root} lives: in its {@code .slate} folder when it has one; otherwise
     * under the user's cache folder, so a command that only reads writes nothing in the production.
     */
    static Optional<Path> location(Path root, Optional<Path> userCache) {
        Path store = root.resolve(Store.FOLDER);
        if (Files.isDirectory(store)) {
            return Optional.of(store.resolve("cache").resolve("plan.txt"));
        }
        String name = Sha256.hex(root.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        return userCache.map(d -> d.resolve("slate").resolve("plans").resolve(name + ".txt"));
    }

    /** The user's cache folder: $XDG_CACHE_HOME, else ~/.cache. */
    static Optional<Path> userCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg));
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache"));
    }

    static Optional<Entry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (BufferedReader in = new BufferedReader(new StringReader(whole(Files.readString(file))))) {
            if (!HEADER.equals(in.readLine())) {
                return Optional.empty();
            }
            String code = field(in.readLine(), "code")[1];
            String key = field(in.readLine(), "key")[1];
            long at = Long.parseLong(field(in.readLine(), "at")[1]);
            Map<String, InputFiles.Stamp> files = new TreeMap<>();
            List<Scene> scenes = new ArrayList<>();
            for (String line; (line = in.readLine()) != null;) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("file") && f.length == 5) {
                    files.put(decode(f[4]), new InputFiles.Stamp(f[1], Long.parseLong(f[2]), Long.parseLong(f[3])));
                } else if (f[0].equals("scene") && f.length == 6) {
                    List<Recipe> recipes = new ArrayList<>();
                    for (int i = Integer.parseInt(f[5]); i > 0; i--) {
                        String[] r = String.valueOf(in.readLine()).split("\t", 5);
                        if (r.length != 5) {
                            return Optional.empty();
                        }
                        recipes.add(Recipe.ofCanonical(r[3], r[4], new Recipe.Heading(decode(r[0]), Integer.parseInt(r[1]),
                                Double.parseDouble(r[2]))));
                    }
                    scenes.add(new Scene(decode(f[1]), f[2], decode(f[4]), f[3].equals("1"), recipes));
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(new Entry(code, key, at, new InputFiles(files), scenes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a cache that cannot be read is a miss, never a failure
        }
    }

    /**
     * The text before the last line when that line is the CRC-32C of it: recipes are read only when
     * asked for, long after this read, so a damaged line must be found now (then the cache misses).
     * A check against damage, not against an adversary: the cache is the user's own.
     */
    private static String whole(String text) throws IOException {
        int end = text.lastIndexOf(SUM, text.length() - 2);
        if (end < 0 || !text.substring(end + SUM.length()).strip().equals(sum(text.substring(0, end + 1)))) {
            throw new IOException("not whole");
        }
        return text.substring(0, end + 1);
    }

    /** Writes the entry whole (aside, then renamed); a cache that cannot be written is only slower. */
    static void write(Path file, Entry e) {
        StringBuilder out = new StringBuilder(1 << 20).append(HEADER).append('\n');
        out.append("code\t").append(e.code()).append("\nkey\t").append(e.key()).append("\nat\t").append(e.scannedAt())
                .append('\n');
        e.files().files().forEach((name, s) -> out.append("file\t").append(s.sha256()).append('\t').append(s.size())
                .append('\t').append(s.modified()).append('\t').append(encode(name)).append('\n'));
        for (Scene s : e.scenes()) {
            out.append("scene\t").append(encode(s.file())).append('\t').append(s.sha256()).append('\t')
                    .append(s.continues() ? "1" : "0").append('\t').append(encode(s.id())).append('\t')
                    .append(s.recipes().size()).append('\n');
            s.recipes().forEach(r -> out.append(encode(r.shot())).append('\t').append(r.take()).append('\t')
                    .append(r.duration()).append('\t').append(r.id()).append('\t').append(r.canonical()).append('\n'));
        }
        String sum = sum(out.toString());
        out.append(SUM, 1, SUM.length()).append(sum).append('\n');
        try {
            Files.createDirectories(file.getParent());
            WholeFile.text(file, out.toString());
        } catch (IOException | RuntimeException ignored) {
            // Not written: the next command compiles again.
        }
    }

    private static String sum(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    private static String[] field(String line, String name) throws IOException {
        String[] f = line == null ? new String[0] : line.split("\t", -1);
        if (f.length != 2 || !f[0].equals(name)) {
            throw new IOException("no " + name);
        }
        return f;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
