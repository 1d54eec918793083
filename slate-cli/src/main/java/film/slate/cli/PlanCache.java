package film.slate.cli;

import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.Sha256;
import film.slate.media.file.WholeFile;
import film.slate.store.Store;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
        try {
            Lines in = new Lines(whole(Files.readAllBytes(file)));
            if (!HEADER.equals(in.next())) {
                return Optional.empty();
            }
            String code = field(in.next(), "code")[1];
            String key = field(in.next(), "key")[1];
            long at = Long.parseLong(field(in.next(), "at")[1]);
            Map<String, InputFiles.Stamp> files = new TreeMap<>();
            List<Scene> scenes = new ArrayList<>();
            for (String line; (line = in.next()) != null;) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("file") && f.length == 5) {
                    files.put(decode(f[4]), new InputFiles.Stamp(f[1], Long.parseLong(f[2]), Long.parseLong(f[3])));
                } else if (f[0].equals("scene") && f.length == 6) {
                    List<Recipe> recipes = new ArrayList<>();
                    for (int i = Integer.parseInt(f[5]); i > 0; i--) {
                        recipes.add(recipe(in.next()));
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

    /** A recipe line: shot, take, seconds, id and canonical JSON, each field cut out once (the JSON is most of the file). */
    private static Recipe recipe(String line) throws IOException {
        int[] tab = new int[4];
        for (int i = 0, from = 0; i < tab.length; i++) {
            tab[i] = line == null ? -1 : line.indexOf('\t', from);
            if (tab[i] < 0) {
                throw new IOException("short recipe line");
            }
            from = tab[i] + 1;
        }
        return Recipe.ofCanonical(line.substring(tab[2] + 1, tab[3]), line.substring(tab[3] + 1),
                new Recipe.Heading(decode(line.substring(0, tab[0])), Integer.parseInt(line.substring(tab[0] + 1, tab[1])),
                        Double.parseDouble(line.substring(tab[1] + 1, tab[2]))));
    }

    /** The lines of a text, one at a time, without copying the text again. */
    private static final class Lines {
        private final String text;
        private int at;

        Lines(String text) {
            this.text = text;
        }

        /** The next line without its line break; null at the end. */
        String next() {
            if (at >= text.length()) {
                return null;
            }
            int end = text.indexOf('\n', at);
            String line = text.substring(at, end < 0 ? text.length() : end);
            at = end < 0 ? text.length() : end + 1;
            return line;
        }
    }

    /**
     * The text before the last line when that line is the CRC-32C of it: recipes are read only when
     * asked for, long after this read, so a damaged line must be found now (then the cache misses).
     * A check against damage, not against an adversary: the cache is the user's own. The sum is
     * taken over the bytes as read, and the text decoded once (the file is megabytes on a feature).
     */
    private static String whole(byte[] bytes) throws IOException {
        byte[] mark = SUM.getBytes(StandardCharsets.US_ASCII);
        int end = lastIndexOf(bytes, mark, bytes.length - 2);
        if (end < 0) {
            throw new IOException("not whole");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, end + 1);
        String stated = new String(bytes, end + mark.length, bytes.length - end - mark.length, StandardCharsets.US_ASCII);
        if (!stated.strip().equals(Long.toHexString(crc.getValue()))) {
            throw new IOException("not whole");
        }
        return new String(bytes, 0, end + 1, StandardCharsets.UTF_8);
    }

    /** Where {@code mark} last starts in {@code bytes} at or before {@code from}; -1 when nowhere. */
    private static int lastIndexOf(byte[] bytes, byte[] mark, int from) {
        for (int i = Math.min(from, bytes.length - mark.length); i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + mark.length, mark, 0, mark.length)) {
                return i;
            }
        }
        return -1;
    }

    /** Writes the entry whole (aside, then renamed); a cache that cannot be written is only slower. */
    static void write(Path file, Entry e) {
        byte[] text = text(e).getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(text);
        byte[] sum = (SUM.substring(1) + Long.toHexString(crc.getValue()) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] whole = Arrays.copyOf(text, text.length + sum.length);
        System.arraycopy(sum, 0, whole, text.length, sum.length);
        try {
            Files.createDirectories(file.getParent());
            WholeFile.bytes(file, whole);
        } catch (IOException | RuntimeException ignored) {
            // Not written: the next command compiles again.
        }
    }

    /** The entry's lines, sized up front: the recipes' JSON is megabytes on a feature. */
    private static String text(Entry e) {
        int size = 4096 + e.files().files().size() * 200;
        for (Scene s : e.scenes()) {
            for (Recipe r : s.recipes()) {
                size += r.canonical().length() + 200;
            }
        }
        StringBuilder out = new StringBuilder(size).append(HEADER).append('\n');
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
        return out.toString();
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
