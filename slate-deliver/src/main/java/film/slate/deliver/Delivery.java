package film.slate.deliver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.recipe.Sha256;
import film.slate.deliver.c2pa.Mp4Credentials;
import film.slate.deliver.c2pa.SidecarCredentials;
import film.slate.media.ffmpeg.CutEncoder;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.previz.Timecode;
import film.slate.store.DamagedObjectException;
import film.slate.store.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a cut into a delivery folder: media first (copied out of the store through its verified
 * read), then the cut in each format asked for, then {@code manifest.json} with every file's
 * SHA-256. All of it goes into a folder beside the target that is renamed into place at the end,
 * so a failed or interrupted delivery never leaves a half-written folder where the user looks.
 */
public final class Delivery {
    /** The media folder inside a delivery. */
    public static final String MEDIA = "media";
    public static final String MANIFEST = "manifest.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What was delivered where: the files (relative paths, sorted) and the cut's length. */
    public record Result(Path folder, List<String> files, long frames, int clips, int unapproved) {
    }

    private final ObjectStore objects;
    private final Ffmpeg ffmpeg;

    public Delivery(ObjectStore objects, Ffmpeg ffmpeg) {
        this.objects = objects;
        this.ffmpeg = ffmpeg;
    }

    /** Refuses an existing non-empty {@code out} unless {@code force}; call before any work. */
    public static void checkOut(Path out, boolean force) throws DeliveryException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new DeliveryException(DeliveryException.Kind.CANNOT_RUN, out + " is a file, not a folder; name a new"
                    + " folder with --out");
        }
        if (!force && Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new DeliveryException(DeliveryException.Kind.CANNOT_RUN, out + " exists and is not empty;"
                            + " name a new folder with --out, or add --force to replace it");
                }
            } catch (IOException e) {
                throw new DeliveryException(DeliveryException.Kind.IO, "cannot read " + out + " (" + e.getMessage() + ")");
            }
        }
    }

    /** Delivers {@code cut} into {@code out} in {@code formats}, with {@code extra} files (name to text) beside. */
    public Result deliver(Cut cut, Set<DeliveryFormat> formats, List<Extra> extra, Path out, boolean force)
            throws DeliveryException {
        return deliver(cut, formats, extra, Optional.empty(), out, force);
    }

    /** As {@link #deliver(Cut, Set, List, Path, boolean)}, signing each MP4 that {@code credentials} names. */
    public Result deliver(Cut cut, Set<DeliveryFormat> formats, List<Extra> extra, Optional<Credentials> credentials,
            Path out, boolean force) throws DeliveryException {
        checkOut(out, force);
        Path target = out.toAbsolutePath().normalize();
        Path aside = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            deleteTree(aside);
            Files.createDirectories(aside.resolve(MEDIA));
            Map<String, String> hashes = new HashMap<>(); // file to SHA-256, of files not changed since their copy
            for (CutClip c : cut.clips()) {
                copy(c, c.take().flatMap(t -> t.master()), c.master(), aside, hashes);
                copy(c, c.take().flatMap(t -> t.proxy()), c.proxy(), aside, hashes);
            }
            write(aside, formats, DeliveryFormat.OTIO, Otio.write(cut));
            write(aside, formats, DeliveryFormat.EDL, Edl.write(cut));
            write(aside, formats, DeliveryFormat.FCPXML, Fcpxml.write(cut));
            for (Extra e : extra) {
                Files.writeString(aside.resolve(e.name()), e.text(), StandardCharsets.UTF_8);
            }
            if (formats.contains(DeliveryFormat.MP4)) {
                encode(cut, aside);
            }
            if (credentials.isPresent()) {
                sign(credentials.get(), aside, hashes);
            }
            List<String> files = files(aside);
            Files.writeString(aside.resolve(MANIFEST), manifest(cut, aside, files, hashes), StandardCharsets.UTF_8);
            place(aside, target);
            List<String> all = new ArrayList<>(files);
            all.add(MANIFEST);
            all.sort(Comparator.naturalOrder());
            return new Result(target, all, cut.frames(), cut.clips().size(),
                    (int) cut.clips().stream().filter(c -> !c.approved()).count());
        } catch (DamagedObjectException e) {
            quietlyDelete(aside);
            throw new DeliveryException(DeliveryException.Kind.IO, "object " + e.hash() + " in the store " + e.getMessage()
                    + "; run 'slate verify --repair' and 'slate build' to render it again, then conform again", e);
        } catch (IOException e) {
            quietlyDelete(aside);
            throw new DeliveryException(DeliveryException.Kind.IO, "cannot write the delivery " + target + " ("
                    + e.getMessage() + "); nothing was delivered", e);
        } catch (FfmpegException e) {
            quietlyDelete(aside);
            throw new DeliveryException(DeliveryException.Kind.IO, "cannot encode cut.mp4: " + e.getMessage()
                    + "; nothing was delivered", e);
        }
    }

    /**
     * Embeds each manifest in its MP4 (those present: a cut without mp4 has no cut.mp4), and writes a
     * Matroska master's as its sidecar, bound to the hash its copy was checked against.
     */
    private static void sign(Credentials credentials, Path aside, Map<String, String> hashes) throws IOException {
        for (var e : credentials.manifests().entrySet()) {
            Path file = aside.resolve(e.getKey());
            if (!Files.exists(file)) {
                continue;
            }
            if (e.getKey().endsWith(".mp4")) {
                Mp4Credentials.embed(file, e.getValue(), credentials.identity());
                hashes.remove(e.getKey());
            } else {
                String hash = hashes.containsKey(e.getKey()) ? hashes.get(e.getKey()) : Sha256.file(file);
                SidecarCredentials.write(aside.resolve(SidecarCredentials.sidecar(e.getKey())), HexFormat.of().parseHex(hash),
                        e.getValue(), credentials.identity());
            }
        }
    }

    /** A further file of the delivery, such as {@code provenance.json}. */
    public record Extra(String name, String text) {
    }

    /**
     * Copies a stored object out through the store's verified read, which hashes the bytes as they
     * pass: once the copy is complete its SHA-256 is known to be the object's name, so nothing
     * reads the copy again to hash it.
     */
    private void copy(CutClip c, Optional<String> hash, Optional<String> name, Path aside, Map<String, String> hashes)
            throws IOException {
        if (hash.isEmpty() || name.isEmpty()) {
            return;
        }
        try (InputStream in = objects.open(hash.get())) {
            Files.copy(in, aside.resolve(name.get()));
            hashes.put(name.get(), hash.get());
        } catch (DamagedObjectException e) {
            throw new DamagedObjectException(e.hash(), e.getMessage() + " (of " + c.shot().fullId() + " take "
                    + c.take().orElseThrow().take() + " v" + c.take().orElseThrow().version() + ")");
        }
    }

    private static void write(Path aside, Set<DeliveryFormat> formats, DeliveryFormat format, String text)
            throws IOException {
        if (formats.contains(format)) {
            Files.writeString(aside.resolve(format.file()), text, StandardCharsets.UTF_8);
        }
    }

    private void encode(Cut cut, Path aside) {
        List<CutEncoder.Piece> pieces = cut.clips().stream()
                .map(c -> new CutEncoder.Piece(c.master().map(aside::resolve), c.frames())).toList();
        int fps = cut.format().fps();
        CutEncoder.encode(ffmpeg, pieces, cut.format().width(), cut.format().height(), fps,
                new Timecode(Edl.START_SECONDS * fps, fps).toString(), aside.resolve(DeliveryFormat.MP4.file()));
    }

    private static String manifest(Cut cut, Path aside, List<String> files, Map<String, String> hashes)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", cut.title()).put("rough", cut.rough()).put("fps", cut.format().fps())
                .put("width", cut.format().width()).put("height", cut.format().height()).put("frames", cut.frames());
        var list = root.putArray("files");
        for (String f : files) {
            Path p = aside.resolve(f);
            String sha = hashes.containsKey(f) ? hashes.get(f) : Sha256.file(p);
            list.addObject().put("path", f).put("bytes", Files.size(p)).put("sha256", sha);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the manifest", e);
        }
    }

    /** Every file under {@code folder}, relative with '/' separators, sorted. */
    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** Renames the finished delivery into place; a replaced one is moved aside first and removed after. */
    private static void place(Path aside, Path target) throws IOException {
        Path old = target.resolveSibling("." + target.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (DirectoryNotEmptyException e) {
            throw new IOException(target + " appeared while delivering", e);
        }
        deleteTree(old);
    }

    private static void quietlyDelete(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // best effort: a leftover .part folder is hidden and replaced by the next conform
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
