package film.slate.cli;

import film.slate.core.read.UserCache;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.Sha256;
import film.slate.media.file.WholeFile;
import film.slate.store.Store;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
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

    /**
     * An entry as read, and where each of its scenes' lines lie in the file's bytes: a later write
     * copies the lines of a scene it is given again (the very {@link Scene} object, unchanged) as
     * they are, instead of encoding its recipes again. The bytes are the mapped file's, which Slate
     * only ever replaces by a rename.
     */
    record Read(Entry entry, ByteBuffer bytes, IdentityHashMap<Scene, int[]> lines) {
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

    /** The user's cache folder ({@link UserCache}). */
    static Optional<Path> userCache() {
        return UserCache.folder();
    }

    static Optional<Entry> read(Path file) {
        return readLines(file).map(Read::entry);
    }

    /** The entry and where its scenes' lines are ({@link Read}); empty when the file is not whole. */
    static Optional<Read> readLines(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file)) {
            // Mapped, not read: the file's pages are the page cache's own, not copied through a
            // temporary direct buffer into a 4 MB array (both fresh memory a short command faults in).
            // The file is only ever replaced by a rename, never changed in place.
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            Lines in = new Lines(bytes);
            if (!HEADER.equals(in.next())) {
                return Optional.empty();
            }
            String code = field(in.next(), "code")[1];
            String key = field(in.next(), "key")[1];
            long at = Long.parseLong(field(in.next(), "at")[1]);
            Map<String, InputFiles.Stamp> files = new TreeMap<>();
            List<Scene> scenes = new ArrayList<>();
            IdentityHashMap<Scene, int[]> lines = new IdentityHashMap<>();
            int from = in.at;
            for (String line; (line = in.next()) != null; from = in.at) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("file") && f.length == 5) {
                    files.put(decode(f[4]), new InputFiles.Stamp(f[1], Long.parseLong(f[2]), Long.parseLong(f[3])));
                } else if (f[0].equals("scene") && f.length == 6) {
                    List<Recipe> recipes = new ArrayList<>();
                    for (int i = Integer.parseInt(f[5]); i > 0; i--) {
                        recipes.add(in.recipe());
                    }
                    Scene scene = new Scene(decode(f[1]), f[2], decode(f[4]), f[3].equals("1"), recipes);
                    scenes.add(scene);
                    lines.put(scene, new int[] {from, in.at});
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(new Read(new Entry(code, key, at, new InputFiles(files), scenes), bytes, lines));
        } catch (IOException | RuntimeException | InternalError e) {
            // InternalError: the mapped file was cut short under the reader (by someone else: Slate renames)
            return Optional.empty(); // a cache that cannot be read is a miss, never a failure
        }
    }

    /**
     * The lines of the file's bytes, one at a time, each field decoded straight from the bytes: the
     * recipes' JSON is megabytes on a feature, and every copy of it is heap a short command touches
     * for the first time (page faults, a collection). A tab or line feed byte is never part of a
     * multi-byte UTF-8 character, so the bytes can be cut before they are decoded. The mapping is
     * read in bulk into one window array and searched there: a byte at a time from the mapping
     * (a bounds and scope check each, under the C1 compiler quick commands run with) was half of
     * this read's samples.
     */
    private static final class Lines {
        private final ByteBuffer bytes;
        private final int end;
        private int at;
        /** The file's bytes {@code [windowAt, windowAt + windowSize)}: at least the line being read. */
        private byte[] window = new byte[1 << 16];
        private int windowAt;
        private int windowSize;

        /** Checks the sum line first: recipes are read only when asked for, long after this read. */
        Lines(ByteBuffer bytes) throws IOException {
            this.bytes = bytes;
            this.end = whole(bytes);
        }

        /** The next line without its line break; null at the end. */
        String next() {
            if (at >= end) {
                return null;
            }
            int stop = lineEnd();
            String line = text(at, stop);
            at = Math.min(end, stop + 1);
            return line;
        }

        /** A recipe line: shot, take, seconds, id and canonical JSON, each field cut out once. */
        Recipe recipe() throws IOException {
            int stop = at < end ? lineEnd() : -1;
            int[] tab = new int[4];
            for (int i = 0, from = at; i < tab.length; i++) {
                tab[i] = stop < 0 ? -1 : indexOf('\t', from, stop);
                if (tab[i] >= stop) {
                    throw new IOException("short recipe line");
                }
                from = tab[i] + 1;
            }
            Recipe r = Recipe.ofCanonical(text(tab[2] + 1, tab[3]), text(tab[3] + 1, stop),
                    new Recipe.Heading(decode(text(at, tab[0])), Integer.parseInt(text(tab[0] + 1, tab[1])),
                            Double.parseDouble(text(tab[1] + 1, tab[2]))));
            at = Math.min(end, stop + 1);
            return r;
        }

        /**
         * Where the line at {@link #at} ends ({@link #end} when it has no line feed), with the whole
         * line in the window afterwards.
         */
        private int lineEnd() {
            if (at < windowAt || at > windowAt + windowSize) {
                windowAt = at; // only ever forward, line by line; a fresh start otherwise
                windowSize = 0;
            }
            for (int from = at;;) {
                int stop = indexOf('\n', from, windowAt + windowSize);
                if (stop < windowAt + windowSize || windowAt + windowSize >= end) {
                    return Math.min(stop, end);
                }
                from = windowAt + windowSize;
                fill();
            }
        }

        /** Moves the line at {@link #at} to the window's start (growing it when that line fills it) and reads on. */
        private void fill() {
            int keep = windowAt + windowSize - at;
            if (keep == window.length) {
                window = Arrays.copyOf(window, 2 * window.length);
            } else {
                System.arraycopy(window, at - windowAt, window, 0, keep);
            }
            windowAt = at;
            int more = Math.min(window.length - keep, end - (windowAt + keep));
            bytes.get(windowAt + keep, window, keep, more);
            windowSize = keep + more;
        }

        /** Bytes {@code [from, to)} of the file, inside the window, as text. */
        private String text(int from, int to) {
            return new String(window, from - windowAt, to - from, StandardCharsets.UTF_8);
        }

        /** Where {@code b} first is in {@code [from, to)} of the file, inside the window; {@code to} when nowhere. */
        private int indexOf(char b, int from, int to) {
            byte[] w = window;
            for (int i = from - windowAt, stop = to - windowAt; i < stop; i++) {
                if (w[i] == b) {
                    return i + windowAt;
                }
            }
            return to;
        }
    }

    /**
     * Where the text ends (before its last line) when that line is the CRC-32C of it: recipes are read
     * only when asked for, long after this read, so a damaged line must be found now (then the cache
     * misses). A check against damage, not against an adversary: the cache is the user's own. The sum
     * is taken over the bytes as read.
     */
    private static int whole(ByteBuffer bytes) throws IOException {
        byte[] mark = SUM.getBytes(StandardCharsets.US_ASCII);
        int end = lastIndexOf(bytes, mark, bytes.limit() - 2);
        if (end < 0) {
            throw new IOException("not whole");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.slice(0, end + 1));
        byte[] sum = new byte[bytes.limit() - end - mark.length];
        bytes.get(end + mark.length, sum);
        if (!new String(sum, StandardCharsets.US_ASCII).strip().equals(Long.toHexString(crc.getValue()))) {
            throw new IOException("not whole");
        }
        return end + 1;
    }

    /** Where {@code mark} last starts in {@code bytes} at or before {@code from}; -1 when nowhere. */
    private static int lastIndexOf(ByteBuffer bytes, byte[] mark, int from) {
        search:
        for (int i = Math.min(from, bytes.limit() - mark.length); i >= 0; i--) {
            for (int k = 0; k < mark.length; k++) {
                if (bytes.get(i + k) != mark[k]) {
                    continue search;
                }
            }
            return i;
        }
        return -1;
    }

    /** Writes the entry whole (aside, then renamed); a cache that cannot be written is only slower. */
    static void write(Path file, Entry e) {
        write(file, e, Optional.empty());
    }

    /** Writes the entry as {@link #write(Path, Entry)} does, the lines of scenes {@code from} read copied as they are. */
    static void write(Path file, Entry e, Optional<Read> from) {
        Utf8 out;
        try {
            out = text(e, from);
        } catch (InternalError mappingCutShort) {
            out = text(e, Optional.empty());
        }
        CRC32C crc = new CRC32C();
        crc.update(out.bytes, 0, out.size);
        out.append(SUM.substring(1)).append(Long.toHexString(crc.getValue())).append("\n");
        try {
            Files.createDirectories(file.getParent());
            WholeFile.bytes(file, out.whole());
        } catch (IOException | RuntimeException ignored) {
            // Not written: the next command compiles again.
        }
    }

    /** The entry's lines as UTF-8, in one buffer sized up front: the recipes' JSON is megabytes on a feature. */
    private static Utf8 text(Entry e, Optional<Read> from) {
        Map<Scene, int[]> read = from.<Map<Scene, int[]>>map(Read::lines).orElse(Map.of());
        int size = 4096 + e.files().files().size() * 200;
        for (Scene s : e.scenes()) {
            int[] lines = read.get(s);
            if (lines != null) {
                size += lines[1] - lines[0];
                continue;
            }
            for (Recipe r : s.recipes()) {
                size += r.canonical().length() + 200;
            }
        }
        Utf8 out = new Utf8(size).append(HEADER).append("\ncode\t").append(e.code()).append("\nkey\t").append(e.key())
                .append("\nat\t").append(Long.toString(e.scannedAt())).append("\n");
        e.files().files().forEach((name, s) -> out.append("file\t").append(s.sha256()).append("\t")
                .append(Long.toString(s.size())).append("\t").append(Long.toString(s.modified())).append("\t")
                .append(encode(name)).append("\n"));
        for (Scene s : e.scenes()) {
            int[] lines = read.get(s);
            if (lines != null) {
                out.append(from.get().bytes(), lines[0], lines[1]);
                continue;
            }
            out.append("scene\t").append(encode(s.file())).append("\t").append(s.sha256()).append("\t")
                    .append(s.continues() ? "1" : "0").append("\t").append(encode(s.id())).append("\t")
                    .append(Integer.toString(s.recipes().size())).append("\n");
            s.recipes().forEach(r -> out.append(encode(r.shot())).append("\t").append(Integer.toString(r.take()))
                    .append("\t").append(Double.toString(r.duration())).append("\t").append(r.id()).append("\t")
                    .append(r.canonical()).append("\n"));
        }
        return out;
    }

    /**
     * Text encoded as UTF-8 into one growing buffer: the file's bytes are made once, not built as a
     * string, copied to bytes and copied again with the sum line (each copy of megabytes is fresh
     * heap a short command pays for in page faults and collections).
     */
    private static final class Utf8 {
        private byte[] bytes;
        private int size;

        Utf8(int capacity) {
            bytes = new byte[capacity];
        }

        Utf8 append(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            if (size + utf8.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + utf8.length));
            }
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
            return this;
        }

        /** Bytes {@code [from, to)} of {@code source} as they are. */
        Utf8 append(ByteBuffer source, int from, int to) {
            int length = to - from;
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
            }
            source.get(from, bytes, size, length);
            size += length;
            return this;
        }

        /** The bytes written, in an array of their length (what the file holds). */
        byte[] whole() {
            return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }
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
