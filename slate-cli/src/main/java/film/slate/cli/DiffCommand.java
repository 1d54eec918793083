package film.slate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.recipe.FixRecipe;
import film.slate.core.recipe.Recipe;
import film.slate.engine.build.RecipeDiff;
import film.slate.engine.fix.FixChain;
import film.slate.engine.fix.FixRefused;
import film.slate.media.composite.Mask;
import film.slate.media.composite.PixelDiff;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.store.db.TakeRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slate diff SHOT A B [DIR] [--take N] [--format json]}: two versions of a take compared,
 * the recipe field by field (a fix's fields applied) and the fixes one has and the other lacks,
 * then the pixels decoded: per frame the box of changed pixels and their count, the PSNR inside the
 * fixes' regions and a verdict on everything outside them. Exit 1 when pixels outside the fixes'
 * masks and frames changed.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two versions of a take: recipe fields, fixes, and changed pixels.")
final class DiffCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHOT", description = "The shot, e.g. 1/1A.")
    String shot;

    @Parameters(index = "1", paramLabel = "A", description = "A version of the take (2 or v2).")
    String a;

    @Parameters(index = "2", paramLabel = "B", description = "Another version of the take.")
    String b;

    @Parameters(index = "3", arity = "0..1", paramLabel = "DIR", description = "The production folder.")
    Path positional;

    @Option(names = {"-C", "--dir"}, paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path option;

    @Option(names = "--take", paramLabel = "N", description = "The take (default: 1).")
    int take = 1;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format = Format.text;

    /** The fixes one version's chain has and the other's lacks. */
    record Fixes(List<FixRecipe> added, List<FixRecipe> removed) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = positional != null ? positional : option != null ? option : Path.of(".");
        try (Workspace ws = Workspace.lookAt(dir)) {
            String id = ws.shot(shot);
            TakeRecord va = version(ws, id, a);
            TakeRecord vb = version(ws, id, b);
            FixChain ca = FixChain.of(ws.store, va.recipe());
            FixChain cb = FixChain.of(ws.store, vb.recipe());
            List<RecipeDiff.Change> fields = RecipeDiff.of(Recipe.of(ca.content(), List.of()),
                    Recipe.of(cb.content(), List.of()));
            Fixes fixes = new Fixes(cb.fixes().stream().filter(f -> !ca.fixes().contains(f)).toList(),
                    ca.fixes().stream().filter(f -> !cb.fixes().contains(f)).toList());
            Optional<PixelDiff.Region> region = region(ws, fixes);
            PixelDiff.Result pixels = PixelDiff.of(Ffmpeg.find(), ws.store.objects().path(master(va)),
                    ws.store.objects().path(master(vb)), region);
            if (format == Format.json) {
                out.println(json(id, va, vb, fields, fixes, pixels, region.isPresent()));
            } else {
                text(out, id, va, vb, fields, fixes, pixels, region.isPresent());
            }
            return region.isPresent() && !pixels.outsideUntouched() ? ExitCode.FINDINGS : ExitCode.OK;
        } catch (CommandError e) {
            err.println("slate diff: " + e.getMessage());
            return e.exitCode();
        } catch (FixRefused e) {
            err.println("slate diff: " + e.getMessage());
            return e.exitCode();
        } catch (FfmpegException | IllegalArgumentException e) {
            err.println("slate diff: cannot compare the pictures of " + shot + " (" + e.getMessage() + ")");
            return ExitCode.IO;
        } catch (IOException e) {
            err.println("slate diff: cannot read a fix's mask from the store (" + e.getMessage() + "); run 'slate verify'");
            return ExitCode.IO;
        }
    }

    private TakeRecord version(Workspace ws, String id, String text) throws CommandError {
        int v;
        try {
            v = Integer.parseInt(text.startsWith("v") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, text + " is not a version; write 2 or v2");
        }
        return ws.store.takes().ofShot(id).stream().filter(t -> t.take() == take && t.version() == v).findFirst()
                .orElseThrow(() -> new CommandError(ExitCode.CANNOT_RUN, id + " take " + take + " has no version " + v
                        + "; 'slate history " + id + "' shows the versions there are"));
    }

    private static String master(TakeRecord t) throws CommandError {
        return t.master().orElseThrow(() -> new CommandError(ExitCode.CANNOT_RUN, t.label() + " v" + t.version()
                + " has no master"));
    }

    /** Where the fixes between the two versions may change pixels: each one's mask over its frames. */
    private static Optional<PixelDiff.Region> region(Workspace ws, Fixes fixes) throws IOException, CommandError {
        List<PixelDiff.Region> parts = new ArrayList<>();
        for (FixRecipe f : concat(fixes)) {
            Mask m = Mask.fromPgm(ws.store.objects().read(f.edit().mask())).orElseThrow(() -> new CommandError(ExitCode.IO,
                    "the mask " + f.edit().mask() + " of fix " + f.id() + " is not a mask; run 'slate verify'"));
            parts.add(PixelDiff.of(m, f.edit().first(), f.edit().last()));
        }
        return parts.isEmpty() ? Optional.empty()
                : Optional.of((frame, x, y) -> parts.stream().anyMatch(r -> r.inside(frame, x, y)));
    }

    private static List<FixRecipe> concat(Fixes f) {
        List<FixRecipe> all = new ArrayList<>(f.added());
        all.addAll(f.removed());
        return all;
    }

    private void text(PrintWriter out, String id, TakeRecord va, TakeRecord vb, List<RecipeDiff.Change> fields,
            Fixes fixes, PixelDiff.Result pixels, boolean region) {
        out.println(safe(id + " take " + take + ": v" + va.version() + " -> v" + vb.version()));
        out.println(fields.isEmpty() ? "recipe: the same fields" : "recipe:");
        for (RecipeDiff.Change c : fields) {
            out.println(safe("  " + c.path() + ": " + c.before().orElse("(none)") + " -> " + c.after().orElse("(none)")));
        }
        fixes.added().forEach(f -> out.println(safe("  fix + " + f.id().substring(0, 12) + " "
                + HistoryCommand.describe(f.edit()))));
        fixes.removed().forEach(f -> out.println(safe("  fix - " + f.id().substring(0, 12) + " "
                + HistoryCommand.describe(f.edit()))));
        out.println("pixels: " + pixels.changed().size() + " of " + pixels.frames() + " frames changed, " + pixels.pixels()
                + " pixels" + pixels.psnrInside().map(p -> "; PSNR inside the fixes' regions " + psnr(p)).orElse(""));
        for (PixelDiff.Frame f : pixels.changed()) {
            out.println("  frame " + f.frame() + ": " + f.changed() + " (x,y,w,h), " + f.pixels() + " pixels"
                    + (region && f.outside() > 0 ? ", " + f.outside() + " outside" : ""));
        }
        out.println("verdict: " + verdict(pixels, region));
    }

    private static String verdict(PixelDiff.Result pixels, boolean region) {
        if (!region) {
            return pixels.changed().isEmpty() && !pixels.lengthsDiffer() ? "the pictures are the same"
                    : "no fix lies between these versions, so no region is held to";
        }
        if (pixels.lengthsDiffer()) {
            return "the versions differ in length";
        }
        return pixels.outsideUntouched() ? "nothing changed outside the fixes' masks and frames"
                : pixels.outsideChanged() + " pixels changed outside the fixes' masks and frames";
    }

    private static String psnr(double p) {
        return Double.isInfinite(p) ? "infinite (identical)" : String.format(java.util.Locale.ROOT, "%.2f dB", p);
    }

    private String json(String id, TakeRecord va, TakeRecord vb, List<RecipeDiff.Change> fields, Fixes fixes,
            PixelDiff.Result pixels, boolean region) {
        ObjectNode root = new ObjectMapper().createObjectNode().put("shot", id).put("take", take)
                .put("a", va.version()).put("b", vb.version());
        ArrayNode rf = root.putArray("recipe");
        for (RecipeDiff.Change c : fields) {
            rf.addObject().put("path", c.path()).put("before", c.before().orElse(null)).put("after", c.after().orElse(null));
        }
        ObjectNode fx = root.putObject("fixes");
        fixes.added().forEach(f -> fx.withArray("added").add(f.id()));
        fixes.removed().forEach(f -> fx.withArray("removed").add(f.id()));
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
        root.put("outside_untouched", region && pixels.outsideUntouched());
        root.put("verdict", verdict(pixels, region));
        return root.toString();
    }

    private static String safe(String s) {
        return film.slate.core.diagnostic.TerminalText.escape(s);
    }
}
