package film.slate.deliver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.model.VideoFormat;
import film.slate.core.recipe.RecipeContent;
import film.slate.core.recipe.Sha256;
import film.slate.deliver.c2pa.Mp4Credentials;
import film.slate.deliver.c2pa.SidecarCredentials;
import film.slate.media.ffmpeg.CutEncoder;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.previz.Timecode;
import film.slate.store.DamagedObjectException;
import film.slate.store.ObjectStore;
import film.slate.store.VerifiedCopy;
import film.slate.store.db.TakeRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Writes a cut into a delivery folder: media first (copied out of the store through its verified
 * read), then the cut in each format asked for (cut.mp4 encoded meanwhile), the clips' credentials,
 * the cut's once it is encoded, then {@code manifest.json} with every file's SHA-256. All of it goes
 * into a folder beside the target that is renamed into place at the end, so a failed or
 * interrupted delivery never leaves a half-written folder where the user looks.
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
    private final Function<String, Optional<RecipeContent>> recipes;

    public Delivery(ObjectStore objects, Ffmpeg ffmpeg) {
        this(objects, ffmpeg, id -> Optional.empty());
    }

    /**
     * A delivery that knows each take's recipe: a master its recipe made at the cut's size and rate,
     * and long enough, goes into cut.mp4 only cut to length (no probe of the file is needed).
     */
    public Delivery(ObjectStore objects, Ffmpeg ffmpeg, Function<String, Optional<RecipeContent>> recipes) {
        this.objects = objects;
        this.ffmpeg = ffmpeg;
        this.recipes = recipes;
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
        return deliver(cut, formats, () -> new Papers(extra, Optional.empty()), out, force);
    }

    /**
     * The files a delivery has beside the cut and its media, such as {@code provenance.json}, and the
     * credentials that sign each MP4 and master it names.
     */
    public record Papers(List<Extra> extra, Optional<Credentials> credentials) {
        public Papers {
            extra = List.copyOf(extra);
        }
    }

    /** Makes a delivery's papers; called once cut.mp4 is encoding, so the work runs beside FFmpeg's. */
    @FunctionalInterface
    public interface PapersSource {
        Papers make() throws DeliveryException;
    }

    /**
     * As {@link #deliver(Cut, Set, List, Path, boolean)}, with the papers {@code papers} makes (a
     * failure there delivers nothing).
     */
    public Result deliver(Cut cut, Set<DeliveryFormat> formats, PapersSource papers, Path out, boolean force)
            throws DeliveryException {
        checkOut(out, force);
        Path target = out.toAbsolutePath().normalize();
        Path aside = target.resolveSibling("." + target.getFileName() + ".part");
        CompletableFuture<Void> encoding = CompletableFuture.completedFuture(null);
        try {
            deleteTree(aside);
            Files.createDirectories(aside.resolve(MEDIA));
            if (formats.contains(DeliveryFormat.MP4)) {
                encoding = encode(cut, aside);
            }
            List<String> files = write(cut, formats, papers.make(), aside, encoding);
            place(aside, target);
            return result(cut, target, files);
        } catch (DamagedObjectException e) {
            abandon(encoding, aside);
            throw new DeliveryException(DeliveryException.Kind.IO, "object " + e.hash() + " in the store " + e.getMessage()
                    + "; run 'slate verify --repair' and 'slate build' to render it again, then conform again", e);
        } catch (IOException e) {
            abandon(encoding, aside);
            throw new DeliveryException(DeliveryException.Kind.IO, "cannot write the delivery " + target + " ("
                    + e.getMessage() + "); nothing was delivered", e);
        } catch (FfmpegException e) {
            abandon(encoding, aside);
            throw new DeliveryException(DeliveryException.Kind.IO, "cannot encode cut.mp4: " + e.getMessage()
                    + "; nothing was delivered", e);
        } catch (DeliveryException | RuntimeException e) {
            abandon(encoding, aside);
            throw e;
        }
    }

    /**
     * Writes the delivery into {@code aside} while {@code encoding} runs: the media, the formats, the
     * papers and the clips' credentials, then (once encoded) the cut's credentials and the manifest.
     * Returns the files written before the manifest.
     */
    private List<String> write(Cut cut, Set<DeliveryFormat> formats, Papers papers, Path aside,
            CompletableFuture<Void> encoding) throws IOException {
        Map<String, String> hashes = new HashMap<>(); // file to SHA-256, of files not changed since their copy
        VerifiedCopy copies = new VerifiedCopy(objects);
        for (CutClip c : cut.clips()) {
            copy(copies, c, c.take().flatMap(t -> t.master()), c.master(), aside, hashes);
            copy(copies, c, c.take().flatMap(t -> t.proxy()), c.proxy(), aside, hashes);
        }
        write(aside, formats, DeliveryFormat.OTIO, Otio.write(cut));
        write(aside, formats, DeliveryFormat.EDL, Edl.write(cut));
        write(aside, formats, DeliveryFormat.FCPXML, Fcpxml.write(cut));
        for (Extra e : papers.extra()) {
            Files.writeString(aside.resolve(e.name()), e.text(), StandardCharsets.UTF_8);
        }
        String mp4 = DeliveryFormat.MP4.file();
        if (papers.credentials().isPresent()) {
            sign(papers.credentials().get(), aside, hashes, f -> !f.equals(mp4));
        }
        hashWritten(aside, hashes, mp4); // while FFmpeg still runs: after it, only cut.mp4 is left to hash
        finish(encoding);
        if (papers.credentials().isPresent()) {
            sign(papers.credentials().get(), aside, hashes, f -> f.equals(mp4));
        }
        List<String> files = files(aside);
        Files.writeString(aside.resolve(MANIFEST), manifest(cut, aside, files, hashes), StandardCharsets.UTF_8);
        return files;
    }

    private static Result result(Cut cut, Path target, List<String> files) {
        List<String> all = new ArrayList<>(files);
        all.add(MANIFEST);
        all.sort(Comparator.naturalOrder());
        return new Result(target, all, cut.frames(), cut.clips().size(),
                (int) cut.clips().stream().filter(c -> !c.approved()).count());
    }

    /**
     * Embeds each manifest that {@code which} names in its MP4 (those present: a cut without mp4 has
     * no cut.mp4), and writes a Matroska master's as its sidecar, bound to the hash its copy was
     * checked against.
     */
    private static void sign(Credentials credentials, Path aside, Map<String, String> hashes, Predicate<String> which)
            throws IOException {
        for (var e : credentials.manifests().entrySet()) {
            Path file = aside.resolve(e.getKey());
            if (!which.test(e.getKey()) || !Files.exists(file)) {
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

    /**
     * Adds to {@code hashes} every file written so far that it lacks (the formats, the papers, the
     * signed MP4s and sidecars), leaving out the encoder's, which all start with {@code mp4}'s name.
     */
    private static void hashWritten(Path aside, Map<String, String> hashes, String mp4) throws IOException {
        for (String f : files(aside)) {
            if (!f.startsWith(mp4) && !hashes.containsKey(f)) {
                hashes.put(f, Sha256.file(aside.resolve(f)));
            }
        }
    }

    /** A further file of the delivery, such as {@code provenance.json}. */
    public record Extra(String name, String text) {
    }

    /**
     * Copies a stored object out through the store's verified copy, which hashes the bytes as they
     * pass: once the copy is complete its SHA-256 is known to be the object's name, so nothing
     * reads the copy again to hash it.
     */
    private static void copy(VerifiedCopy copies, CutClip c, Optional<String> hash, Optional<String> name, Path aside,
            Map<String, String> hashes) throws IOException {
        if (hash.isEmpty() || name.isEmpty()) {
            return;
        }
        try {
            copies.copy(hash.get(), aside.resolve(name.get()));
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

    /**
     * Starts encoding cut.mp4 on a thread of its own, straight from the store's objects: FFmpeg needs
     * no copy, so it starts before the copies and keeps the cores busy while this thread copies, writes
     * and signs the clips. The same objects are copied through the verified read meanwhile, and a
     * damaged one fails the whole delivery, so the cut never comes from bytes that were not checked.
     */
    private CompletableFuture<Void> encode(Cut cut, Path aside) {
        List<CutEncoder.Piece> pieces = cut.clips().stream()
                .map(c -> new CutEncoder.Piece(c.take().flatMap(TakeRecord::master).map(objects::path), c.frames(),
                        fits(c, cut.format())))
                .toList();
        int fps = cut.format().fps();
        String start = new Timecode(Edl.START_SECONDS * fps, fps).toString();
        Path mp4 = aside.resolve(DeliveryFormat.MP4.file());
        return CompletableFuture.runAsync(() -> CutEncoder.encode(ffmpeg, pieces, cut.format().width(),
                cut.format().height(), fps, start, mp4), r -> {
                    Thread t = new Thread(r, "slate-cut-encode");
                    t.setDaemon(true);
                    t.start();
                });
    }

    /** Whether the clip's master was made at {@code format}'s size and rate and with at least the clip's frames. */
    private boolean fits(CutClip c, VideoFormat format) {
        return c.take().flatMap(t -> recipes.apply(t.recipe())).map(RecipeContent::format)
                .filter(f -> f.width() == format.width() && f.height() == format.height() && f.fps() == format.fps()
                        && f.frames() >= c.frames())
                .isPresent();
    }

    /** Waits for the encode; its failure is thrown as it was raised. */
    private static void finish(CompletableFuture<Void> encoding) {
        try {
            encoding.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * Stops a running encode (the FFmpeg child of this process that writes into {@code aside}), waits
     * for its thread, then removes what was written: a failed delivery says so at once.
     */
    private static void abandon(CompletableFuture<Void> encoding, Path aside) {
        String folder = aside.toString();
        while (!encoding.isDone()) {
            ProcessHandle.current().children()
                    .filter(p -> p.info().arguments().map(a -> Arrays.stream(a).anyMatch(x -> x.startsWith(folder)))
                            .orElse(false))
                    .forEach(ProcessHandle::destroy);
            try {
                encoding.get(100, TimeUnit.MILLISECONDS); // FFmpeg may not have started yet: look again
            } catch (TimeoutException | ExecutionException e) {
                // stopped, or still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        quietlyDelete(aside);
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
