package film.slate.engine.conditioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import film.slate.core.recipe.CharacterKey;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.engine.generator.GeneratorFault;
import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.ffmpeg.PassVideoEncoder;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.file.WholeFile;
import film.slate.media.previz.MaskAndPoseRender;
import film.slate.media.previz.Previz;
import film.slate.media.previz.PrevizRender;
import film.slate.media.previz.PrevizShot;
import film.slate.media.previz.SubjectMasks;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bind keys previz's own passes fill, drawn from the take's recipe alone (its cast, marks,
 * camera, move and seed are those of its previz, so the passes line up with the previz frames
 * pixel for pixel): {@code mask.<C>} (the first frame's mask of character C, grey PNG, 255 where
 * previz draws C), {@code mask_video.<C>} (every frame's, a lossless QuickTime Animation
 * {@code .mov}), {@code pose} and {@code pose_video} (OpenPose COCO-18 skeletons, PNG and
 * {@code .mov}), and the value
 * {@code prompt.<C>} (C's description, wardrobe and held props at that shot). A character who is
 * not in the scene or not in frame gets an empty (black) mask of the picture's size, the same
 * bytes on every such shot, and a character the shot does not name as a subject an empty prompt,
 * so a workflow runs unchanged on every shot.
 */
public final class PrevizPasses {
    private static final List<String> WHOLE_KEYS = List.of("pose", "pose_video");

    private final Recipe recipe;
    private final Ffmpeg ffmpeg;
    private final Path scratch;
    /** The keys the take's backend binds: the pass videos among them are drawn in one loop. */
    private final Set<String> bound;
    private MaskAndPoseRender.Passes stills;
    /** The last loop's videos (one loop a take, unless a key the backend does not name is asked for). */
    private MaskAndPoseRender.Passes videos;
    private int loops;
    private PrevizShot shot;

    PrevizPasses(Recipe recipe, Set<String> bound, Ffmpeg ffmpeg, Path scratch) {
        this.recipe = recipe;
        this.bound = Set.copyOf(bound);
        this.ffmpeg = ffmpeg;
        this.scratch = scratch;
    }

    /** Whether {@code key} is one of these keys (its character not yet checked against the bible). */
    public static boolean isKey(String key) {
        return WHOLE_KEYS.contains(key) || CharacterKey.parse(key).isPresent();
    }

    /** Whether {@code key} names a file (every key here but {@code prompt.<C>}). */
    public static boolean isFile(String key) {
        return isKey(key) && !key.startsWith("prompt.");
    }

    /** Whether {@code key} names a value ({@code prompt.<C>}). */
    public static boolean isValue(String key) {
        return isKey(key) && key.startsWith("prompt.");
    }

    /** The character a per-character key names. */
    public static Optional<String> character(String key) {
        return CharacterKey.parse(key).map(CharacterKey::character);
    }

    /** The file keys among {@code bound}, in order: {@link Conditioning#FILES} first, then these passes. */
    public static List<String> fileKeys(java.util.Collection<String> bound) {
        List<String> out = new ArrayList<>(Conditioning.FILES.stream().filter(bound::contains).toList());
        bound.stream().filter(PrevizPasses::isFile).sorted().forEach(out::add);
        return out;
    }

    /** {@code prompt.<C>}'s text; missing for any other key. */
    static JsonNode value(RecipeContent recipe, String key) {
        if (!key.startsWith("prompt.") || character(key).isEmpty()) {
            return MissingNode.getInstance();
        }
        String who = character(key).get();
        return TextNode.valueOf(recipe.subjects().stream().filter(s -> s.id().equals(who)).findFirst()
                .map(PrevizPasses::describe).orElse(""));
    }

    /** {@code Mara Quell, woman in her forties, wearing yellow oilskin, holding dented brass storm lantern}. */
    static String describe(RecipeContent.Subject s) {
        List<String> parts = new ArrayList<>();
        s.bible().ifPresentOrElse(b -> {
            parts.add(b.name());
            if (!b.description().isBlank()) {
                parts.add(b.description());
            }
        }, () -> parts.add(s.id()));
        s.wears().or(s::wardrobe).ifPresent(w -> parts.add("wearing " + w));
        List<String> held = s.holds().stream().map(h -> h.bible().map(RecipeContent.PropLook::description)
                .orElse(h.id().toLowerCase(Locale.ROOT))).distinct().toList();
        if (!held.isEmpty()) {
            parts.add("holding " + String.join(" and ", held));
        }
        return String.join(", ", parts);
    }

    /**
     * The file of a file key, made when first asked: a still from the first frame alone; a video
     * from one frame loop that draws every pass video the take's backend binds (a take binding
     * Mara's and Tom's mask videos and the pose video stages each frame once), each straight from
     * the frame's pass, without the ID matte in between (one encode a bound video, none more).
     * A key the backend does not name (asked all the same) gets a loop of its own.
     */
    Optional<Path> file(String key) throws GeneratorFault, IOException {
        if (!isFile(key)) {
            return Optional.empty();
        }
        Path dir = Files.createDirectories(scratch.resolve("passes"));
        String who = character(key).orElse("");
        boolean inScene = shot().cast().contains(who);
        try {
            if (key.equals("pose") || key.startsWith("mask.")) {
                if (stills == null) {
                    stills = MaskAndPoseRender.stills(shot(), dir);
                }
                return Optional.of(key.equals("pose") ? stills.poseStill() : inScene ? stills.maskStill().get(who)
                        : blank(false));
            }
            if (key.startsWith("mask_video.") && !inScene) {
                return Optional.of(blank(true));
            }
            Path found = key.equals("pose_video") ? (videos == null ? null : videos.poseVideo())
                    : (videos == null ? null : videos.maskVideo().get(who));
            if (found == null) {
                videos = MaskAndPoseRender.render(shot(), ffmpeg, Files.createDirectories(dir.resolve("v" + loops++)),
                        wanted(key));
                found = key.equals("pose_video") ? videos.poseVideo() : videos.maskVideo().get(who);
            }
            return Optional.of(found);
        } catch (FfmpegException e) {
            throw GeneratorFault.permanent("cannot encode the masks and pose of " + recipe.label() + " ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The pass videos the backend binds, with {@code key}. */
    private MaskAndPoseRender.Videos wanted(String key) {
        Set<String> keys = new HashSet<>(bound);
        keys.add(key);
        Set<String> masks = new HashSet<>();
        for (String k : keys) {
            CharacterKey.parse(k).filter(c -> c.pass().equals("mask_video")).ifPresent(c -> masks.add(c.character()));
        }
        return MaskAndPoseRender.Videos.bound(masks, keys.contains("pose_video"));
    }

    /**
     * The previz depth pass, drawn from the take's recipe (previz takes no longer store one: most
     * are never conditioned on): {@code video} the whole shot as FFV1 grey, the same file the
     * previz render wrote, else the first frame as a PNG, the grey in all three channels as the
     * decoded video gave it.
     */
    Path depth(boolean video) throws IOException, GeneratorFault {
        Path dir = Files.createDirectories(scratch.resolve("passes"));
        PrevizShot shot = shot();
        if (!video) {
            Path p = dir.resolve("depth.png");
            WholeFile.png(p, threeChannels(shot.depth(0)));
            return p;
        }
        Path p = dir.resolve("depth.mkv");
        try {
            PrevizRender.depth(shot, ffmpeg, EncodeTargets.masterOnly(p));
        } catch (FfmpegException e) {
            throw GeneratorFault.permanent("cannot encode the depth pass of " + recipe.label() + " (" + e.getMessage()
                    + ")", e);
        }
        return p;
    }

    private static BufferedImage threeChannels(BufferedImage grey) {
        byte[] in = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        BufferedImage out = PixelFormat.BGR24.newImage(grey.getWidth(), grey.getHeight());
        byte[] bgr = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < in.length; i++) {
            bgr[3 * i] = in[i];
            bgr[3 * i + 1] = in[i];
            bgr[3 * i + 2] = in[i];
        }
        return out;
    }

    private PrevizShot shot() {
        if (shot == null) {
            shot = Previz.shot(recipe.content(), recipe.content().production());
        }
        return shot;
    }

    /** The mask of a character who is not in the scene: black, the picture's size, every frame. */
    private Path blank(boolean video) throws IOException, GeneratorFault {
        var f = recipe.content().format();
        if (!video) {
            Path p = scratch.resolve("passes/mask-blank.png");
            WholeFile.png(p, SubjectMasks.blank(f.width(), f.height()));
            return p;
        }
        Path p = scratch.resolve("passes/mask-blank.mov");
        try (var e = PassVideoEncoder.open(ffmpeg, new PassVideoEncoder.Shape(f.width(), f.height(), f.fps()),
                Map.of(1, p), Optional.empty(), MaskAndPoseRender.palette())) {
            for (int i = 0; i < Math.max(1, f.frames()); i++) {
                e.write(new byte[f.width() * f.height()], null); // nobody's matte: number 1 is nowhere
            }
        } catch (FfmpegException e) {
            throw GeneratorFault.permanent("cannot encode a blank mask for " + recipe.label() + " (" + e.getMessage()
                    + ")", e);
        }
        return p;
    }
}
