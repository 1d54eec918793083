package film.slate.engine.conditioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.core.recipe.Seeds;
import film.slate.core.recipe.Target;
import film.slate.engine.generator.Capability;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.RenderRequest;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One take's conditioning, by the {@code bind} keys of FORMAT.md: values ({@code prompt},
 * {@code negative}, {@code seed}, {@code width}, {@code height}, {@code frames}, {@code fps},
 * {@code duration}) from the recipe, and files ({@code control}: the first frame of the previz
 * depth video as a PNG; {@code control_video}: that video; {@code layout}: the first previz frame
 * as a PNG; {@code reference}: the first identity reference of the first subject; {@code mask}:
 * a fix's mask, when the take is a fix), and the keys of each {@link FileFamily} ({@code reference.MARA},
 * {@code location_reference}, ...). Files are made on demand in a scratch folder.
 */
public final class Conditioning {
    /** The value keys, in FORMAT.md's order. */
    public static final List<String> VALUES = List.of("prompt", "negative", "seed", "width", "height", "frames", "fps",
            "duration");
    /** The file keys. */
    public static final List<String> FILES = List.of("control", "control_video", "layout", "reference", "mask",
            "source", "mask_video");
    /** File keys that need the previz of the shot: a backend binding one conditions on previz. */
    public static final Set<String> PREVIZ_FILES = Set.of("control", "control_video", "layout");
    /** The families of file keys with a name part; a new family is one more entry here. */
    private static final List<FileFamily> FAMILIES = List.of(new ReferenceFiles(), new PrevizPassFiles());

    private final RenderRequest request;
    private final Ffmpeg ffmpeg;
    private final Path scratch;
    private final Map<String, Optional<Path>> made = new LinkedHashMap<>();
    private final PrevizPasses passes;

    public Conditioning(RenderRequest request, Ffmpeg ffmpeg, Path scratch) {
        this.request = request;
        this.ffmpeg = ffmpeg;
        this.scratch = scratch;
        // mask.<C>, pose, prompt.<C>...: the pass videos the backend binds are drawn together.
        this.passes = new PrevizPasses(request.recipe(), Target.of(request.backend(), "").binds(), ffmpeg, scratch);
    }

    public Recipe recipe() {
        return request.recipe();
    }

    /** A value as JSON: text for prompt and negative, numbers for the rest; missing for an unknown key. */
    public JsonNode value(String key) {
        RecipeContent r = request.recipe().content();
        RecipeContent.Format f = r.format();
        return switch (key) {
            case "prompt" -> TextNode.valueOf(r.prompt());
            case "negative" -> TextNode.valueOf(r.negative());
            // As the recipe writes it: a number where JSON holds it exactly, text beyond.
            case "seed" -> r.seed() < Seeds.LIMIT && r.seed() > -Seeds.LIMIT ? LongNode.valueOf(r.seed())
                    : TextNode.valueOf(Long.toString(r.seed()));
            case "width" -> IntNode.valueOf(f.width());
            case "height" -> IntNode.valueOf(f.height());
            case "frames" -> IntNode.valueOf(f.frames());
            case "fps" -> IntNode.valueOf(f.fps());
            case "duration" -> DoubleNode.valueOf(f.duration());
            default -> PrevizPasses.value(r, key);
        };
    }

    /**
     * A file for a file key, made when first asked.
     *
     * @return empty when the take has no such file (no previz input, no reference, no mask)
     * @throws GeneratorFault (permanent) when the file exists but cannot be made or has changed
     */
    public Optional<Path> file(String key) throws GeneratorFault {
        Optional<Path> p = made.get(key);
        if (p == null) {
            p = make(key);
            made.put(key, p);
        }
        return p;
    }

    private Optional<Path> make(String key) throws GeneratorFault {
        try {
            Files.createDirectories(scratch);
            return switch (key) {
                // A previz take stores no depth (since slate-previz/3): drawn here from this take's recipe.
                case "control" -> request.inputs().containsKey("previz.depth")
                        ? firstFrame(request.inputs().get("previz.depth"), "control.png") : Optional.of(passes.depth(false));
                case "control_video" -> Optional.of(request.inputs().containsKey("previz.depth")
                        ? request.inputs().get("previz.depth") : passes.depth(true));
                case "layout" -> firstFrame(request.inputs().get("previz.master"), "layout.png");
                case "reference" -> reference();
                case "mask" -> Optional.ofNullable(request.inputs().get("fix.mask"));
                // A fix's parent frames as a video, and its mask as a video (white inside, in the frame range).
                case "source" -> Optional.ofNullable(request.inputs().get("fix.source"));
                case "mask_video" -> Optional.ofNullable(request.inputs().get("fix.mask_video"));
                default -> {
                    Optional<FileFamily> family = family(key);
                    yield family.isPresent() ? family.get().make(key, this) : Optional.empty();
                }
            };
        } catch (IOException e) {
            throw GeneratorFault.transientFault("cannot prepare the " + key + " image (" + e.getMessage() + ")", e);
        }
    }

    private Optional<Path> firstFrame(Path video, String name) throws GeneratorFault, IOException {
        if (video == null) {
            return Optional.empty();
        }
        BufferedImage first;
        try (VideoDecoder d = VideoDecoder.open(ffmpeg, video, PixelFormat.BGR24)) {
            first = d.next().orElseThrow(() -> new FfmpegException(video + " holds no frames"));
        } catch (FfmpegException e) {
            throw GeneratorFault.permanent("cannot read the previz of " + request.recipe().label() + " for "
                    + name + " (" + e.getMessage() + "); run slate build --backend previz again", e);
        }
        Path out = scratch.resolve(name);
        film.slate.media.file.WholeFile.png(out, first);
        return Optional.of(out);
    }

    /**
     * The first identity reference of the first subject: the object the recipe names by hash. A
     * reference the recipe could not hash (unreadable when it was compiled) gives none.
     */
    private Optional<Path> reference() throws GeneratorFault {
        List<RecipeContent.Subject> subjects = request.recipe().content().subjects();
        Optional<RecipeContent.Ref> ref = subjects.isEmpty() ? Optional.empty()
                : subjects.get(0).bible().flatMap(b -> b.refs().stream().findFirst());
        if (ref.isEmpty() || ref.get().sha256().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(object(ref.get(), "reference"));
    }

    /**
     * A reference file the recipe names, from the recipe's objects.
     *
     * @throws GeneratorFault (permanent) when the recipe could not hash it, or the objects lack it
     */
    Path object(RecipeContent.Ref ref, String key) throws GeneratorFault {
        if (ref.sha256().isEmpty()) {
            throw GeneratorFault.permanent("the " + key + " file " + ref.path() + " of " + request.recipe().label()
                    + " could not be read when the recipe was made; fix the file and run slate build again", null);
        }
        String hash = ref.sha256().get();
        return request.objects().find(hash).orElseThrow(() -> GeneratorFault.permanent("the reference "
                + ref.path() + " of " + request.recipe().label() + " (object " + hash.substring(0, 12)
                + ") is not among the recipe's objects; restore the file as it was, or run slate build again", null));
    }

    /** Previz's passes of this take, drawn when first asked. */
    PrevizPasses passes() {
        return passes;
    }

    /** The scratch folder that made files go to (it exists once a file is asked for). */
    Path scratch() {
        return scratch;
    }

    private static Optional<FileFamily> family(String key) {
        return FAMILIES.stream().filter(f -> f.has(key)).findFirst();
    }

    /** Every file key as written in messages: the fixed ones, then each family's ({@code reference.<CHARACTER>}). */
    public static List<String> fileKeysWritten() {
        List<String> out = new java.util.ArrayList<>(FILES);
        FAMILIES.forEach(f -> out.addAll(f.written()));
        return out;
    }

    /** Whether {@code key} names a value: one of {@link #VALUES} or a per-character prompt ({@code prompt.<C>}). */
    public static boolean isValue(String key) {
        return VALUES.contains(key) || PrevizPasses.isValue(key);
    }

    /** Whether {@code key} names a file: one of {@link #FILES} or a key of a family. */
    public static boolean isFile(String key) {
        return FILES.contains(key) || family(key).isPresent();
    }

    /** The name a file key's file goes by: the key and the file's ending (the store's objects have none). */
    public static String fileName(String key, Path file) {
        String ending = Normalise.ending(file);
        if (ending.isEmpty()) {
            ending = key.equals("control_video") || key.equals("source") || key.equals("mask_video") ? "mkv" : "png";
        }
        return key + "." + ending;
    }

    /** Whether a configured set of keys makes a backend condition on previz. */
    public static boolean needsPreviz(Set<String> keys) {
        return keys.stream().anyMatch(k -> PREVIZ_FILES.contains(k) || family(k).map(FileFamily::needsPreviz).orElse(false));
    }

    /**
     * What a generator can do, from the conditioning files it takes: it always generates from text;
     * a previz file makes it follow the previz, an image ({@code layout}, {@code control}) makes it
     * image-to-video, a reference carries identity, a mask allows region edits.
     */
    public static Set<Capability> features(Set<String> keys) {
        Set<Capability> f = EnumSet.of(Capability.TEXT_TO_VIDEO);
        if (needsPreviz(keys)) {
            f.add(Capability.CONTROL_VIDEO);
        }
        if (keys.contains("layout") || keys.contains("control")) {
            f.add(Capability.IMAGE_TO_VIDEO);
        }
        if (keys.contains("reference")) {
            f.add(Capability.REFERENCE_IMAGES);
        }
        if (keys.contains("mask")) {
            f.add(Capability.REGION_EDIT);
        }
        keys.forEach(k -> family(k).ifPresent(family -> f.add(family.capability())));
        return f;
    }
}
