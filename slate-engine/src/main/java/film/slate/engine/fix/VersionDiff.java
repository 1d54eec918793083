package film.slate.engine.fix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.recipe.FixRecipe;
import film.slate.core.recipe.Recipe;
import film.slate.engine.build.RecipeDiff;
import film.slate.media.composite.Mask;
import film.slate.media.composite.PixelDiff;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.store.FixChain;
import film.slate.store.Store;
import film.slate.store.db.TakeRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Two versions of a take compared (issue 14 §2), as {@code slate diff} and the review room's diff
 * view show them: the recipe field by field (a fix's fields applied), the fixes one chain has and
 * the other lacks, and the pixels decoded, held to the fixes' masks over their frames.
 *
 * @param region where the fixes between the versions may change pixels; empty when no fix lies between
 */
public record VersionDiff(TakeRecord a, TakeRecord b, List<RecipeDiff.Change> fields, List<FixRecipe> added,
        List<FixRecipe> removed, Optional<PixelDiff.Region> region, PixelDiff.Result pixels) {
    public VersionDiff {
        fields = List.copyOf(fields);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** Compares {@code a} and {@code b}; a missing master or an unreadable mask is one sentence. */
    public static VersionDiff of(Store store, Ffmpeg ffmpeg, TakeRecord a, TakeRecord b) throws FixRefused {
        FixChain ca = FixPreconditions.chain(store, a.recipe());
        FixChain cb = FixPreconditions.chain(store, b.recipe());
        List<RecipeDiff.Change> fields = RecipeDiff.of(Recipe.of(ca.content(), List.of()), Recipe.of(cb.content(), List.of()));
        List<FixRecipe> added = cb.fixes().stream().filter(f -> !ca.fixes().contains(f)).toList();
        List<FixRecipe> removed = ca.fixes().stream().filter(f -> !cb.fixes().contains(f)).toList();
        List<FixRecipe> both = new ArrayList<>(added);
        both.addAll(removed);
        Optional<PixelDiff.Region> region = region(store, both);
        PixelDiff.Result pixels = PixelDiff.of(ffmpeg, store.objects().path(master(a)), store.objects().path(master(b)),
                region);
        return new VersionDiff(a, b, fields, added, removed, region, pixels);
    }

    /** The version's master, or one sentence. */
    public static String master(TakeRecord t) throws FixRefused {
        return t.master().orElseThrow(() -> new FixRefused(FixRefused.CANNOT_RUN, t.label() + " v" + t.version()
                + " has no master"));
    }

    /** Each fix's mask over its frames. */
    private static Optional<PixelDiff.Region> region(Store store, List<FixRecipe> fixes) throws FixRefused {
        List<PixelDiff.Region> parts = new ArrayList<>();
        for (FixRecipe f : fixes) {
            Mask m;
            try {
                m = Mask.fromPgm(store.objects().read(f.edit().mask())).orElse(null);
            } catch (IOException e) {
                m = null;
            }
            if (m == null) {
                throw new FixRefused(FixRefused.IO, "the mask " + f.edit().mask() + " of fix " + f.id() + " cannot be read"
                        + " as a mask from the store; run 'slate verify'");
            }
            parts.add(PixelDiff.of(m, f.edit().first(), f.edit().last()));
        }
        return parts.isEmpty() ? Optional.empty()
                : Optional.of((frame, x, y) -> parts.stream().anyMatch(r -> r.inside(frame, x, y)));
    }

    /** Whether pixels changed outside the fixes' masks and frames (then {@code slate diff} exits 1). */
    public boolean strayPixels() {
        return region.isPresent() && !pixels.outsideUntouched();
    }

    /** One sentence on the pixels. */
    public String verdict() {
        if (region.isEmpty()) {
            return pixels.changed().isEmpty() && !pixels.lengthsDiffer() ? "the pictures are the same"
                    : "no fix lies between these versions, so no region is held to";
        }
        if (pixels.lengthsDiffer()) {
            return "the versions differ in length";
        }
        return pixels.outsideUntouched() ? "nothing changed outside the fixes' masks and frames"
                : pixels.outsideChanged() + " pixels changed outside the fixes' masks and frames";
    }

    /** The shape {@code slate diff --format json} prints (FORMAT.md). */
    public ObjectNode json(String shot, int take) {
        ObjectNode root = new ObjectMapper().createObjectNode().put("shot", shot).put("take", take)
                .put("a", a.version()).put("b", b.version());
        ArrayNode rf = root.putArray("recipe");
        for (RecipeDiff.Change c : fields) {
            rf.addObject().put("path", c.path()).put("before", c.before().orElse(null)).put("after", c.after().orElse(null));
        }
        ObjectNode fx = root.putObject("fixes");
        added.forEach(f -> fx.withArray("added").add(f.id()));
        removed.forEach(f -> fx.withArray("removed").add(f.id()));
        ObjectNode px = root.putObject("pixels").put("frames", pixels.frames()).put("pixels", pixels.pixels())
                .put("outside_changed", pixels.outsideChanged()).put("lengths_differ", pixels.lengthsDiffer());
        Optional<Double> p = pixels.psnrInside();
        if (p.isPresent() && !p.get().isInfinite()) {
            px.put("psnr_inside", p.get());
        } else {
            px.putNull("psnr_inside");
        }
        ArrayNode frames = px.putArray("changed_frames");
        for (PixelDiff.Frame f : pixels.changed()) {
            ObjectNode o = frames.addObject().put("frame", f.frame()).put("pixels", f.pixels()).put("outside", f.outside());
            o.putArray("bbox").add(f.changed().x()).add(f.changed().y()).add(f.changed().w()).add(f.changed().h());
        }
        root.put("outside_untouched", region.isPresent() && pixels.outsideUntouched());
        root.put("verdict", verdict());
        return root;
    }
}
