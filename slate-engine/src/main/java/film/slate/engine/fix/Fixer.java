package film.slate.engine.fix;

import film.slate.core.recipe.FixRecipe;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.engine.build.Backends;
import film.slate.engine.build.BuildException;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.Progress;
import film.slate.engine.generator.RecipeObjects;
import film.slate.engine.generator.RenderRequest;
import film.slate.engine.generator.RenderResult;
import film.slate.media.composite.Alpha;
import film.slate.media.composite.Mask;
import film.slate.media.composite.TakeComposite;
import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoEncoder;
import film.slate.media.file.WholeFile;
import film.slate.store.Store;
import film.slate.store.WorkFolders;
import film.slate.store.db.Event;
import film.slate.store.db.TakeRecord;
import film.slate.store.db.Takes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Makes a fix: the backend renders the take again from the fix's fields (with the parent's frames,
 * the mask and the mask as a video to hand, by the bind keys {@code source}, {@code mask},
 * {@code mask_video}); Slate lays the backend's frames into the parent's, inside the mask and the
 * frame range only ({@link TakeComposite}); the result is the take's next version, named by the
 * fix recipe, recorded with an event in one transaction. The same fix on the same parent is made
 * once: asked again, it answers the version already made.
 */
public final class Fixer {
    private final Store store;
    private final Backends backends;
    private final Ffmpeg ffmpeg;
    private final Clock clock;
    private final String actor;
    private final Consumer<Path> tap;

    public Fixer(Store store, Backends backends, Ffmpeg ffmpeg, Clock clock, String actor) {
        this(store, backends, ffmpeg, clock, actor, p -> { });
    }

    /** {@code tap} is shown the backend's normalised take before it is composited (tests compare with it). */
    public Fixer(Store store, Backends backends, Ffmpeg ffmpeg, Clock clock, String actor, Consumer<Path> tap) {
        this.store = store;
        this.backends = backends;
        this.ffmpeg = ffmpeg;
        this.clock = clock;
        this.actor = actor;
        this.tap = tap;
    }

    /** What a fix made: the version, its recipe, whether it was there already, and the composite's figures. */
    public record Made(TakeRecord version, FixRecipe fix, boolean existed, Optional<TakeComposite.Report> composite) {
    }

    /** Checks and makes the fix {@code order} asks for. */
    public Made fix(FixOrder order) throws FixRefused {
        return make(FixPreconditions.check(store, backends, order), Optional.empty());
    }

    /** Makes a checked fix; {@code reason} goes on the record (a reapplied fix says so). */
    public Made make(FixPreconditions.Checked c, Optional<String> reason) throws FixRefused {
        FixRecipe fix = c.fix();
        Optional<TakeRecord> made = store.takes().withRecipe(fix.id()).filter(t -> t.label().equals(fix.label()));
        if (made.isPresent()) {
            return new Made(made.get(), fix, true, Optional.empty());
        }
        long started = clock.millis();
        Path work = store.work().next();
        try {
            Files.createDirectories(work);
            Path out = Files.createDirectories(work.resolve("backend"));
            RenderResult.Video video = render(c, work, out);
            tap.accept(video.master());
            Path master = work.resolve("master.mkv");
            Path proxy = work.resolve("proxy.mp4");
            int fps = c.chain().root().content().format().fps();
            TakeComposite.Report report = TakeComposite.run(ffmpeg, store.objects().path(c.parent().master().get()),
                    video.master(), Alpha.of(c.mask(), fix.edit().feather()), fix.edit().first(), fix.edit().last(), fps,
                    EncodeTargets.both(master, proxy));
            TakeRecord v = record(c, store.objects().put(c.mask().pgm()), store.objects().adopt(master),
                    store.objects().adopt(proxy), started, reason);
            return new Made(v, fix, false, Optional.of(report));
        } catch (IOException e) {
            throw new FixRefused(FixRefused.IO, "cannot write the fix of " + fix.label() + " into the store ("
                    + e.getMessage() + "); nothing was recorded");
        } catch (FfmpegException e) {
            throw new FixRefused(FixRefused.FAILED, "cannot composite the fix of " + fix.label() + ": " + e.getMessage());
        } finally {
            WorkFolders.discard(work);
        }
    }

    private TakeRecord record(FixPreconditions.Checked c, String mask, String master, String proxy, long started,
            Optional<String> reason) {
        FixRecipe fix = c.fix();
        long now = clock.millis();
        return store.database().transaction(tx -> {
            store.fixes().put(tx, fix, c.chain().root().id(), now);
            TakeRecord v = store.takes().append(tx, fix.shot(), fix.take(), fix.id(), fix.edit().backend().name(),
                    new Takes.Output(master, Optional.of(proxy), Optional.empty()), started, now, OptionalDouble.empty());
            store.events().append(tx, Event.of(actor, "fixed", "take " + v.label() + " v" + v.version(), fix.shot(),
                    "{\"fix\":\"" + fix.id() + "\",\"parent\":\"" + fix.parent() + "\",\"from_version\":"
                            + c.parent().version() + ",\"frames\":\"" + fix.edit().frames() + "\",\"mask\":\"" + mask
                            + "\"}", reason.orElse(null)));
            return v;
        });
    }

    /** The backend's take of the fix's fields, normalised to the format: what is laid into the parent. */
    private RenderResult.Video render(FixPreconditions.Checked c, Path work, Path out) throws IOException, FixRefused {
        FixRecipe fix = c.fix();
        RecipeContent content = c.chain().content(fix.edit());
        Recipe recipe = Recipe.of(content, java.util.List.of());
        Map<String, Path> inputs = inputs(content);
        Path source = work.resolve("source.mkv");
        Files.createSymbolicLink(source, store.objects().path(c.parent().master().get()));
        inputs.put("fix.source", source);
        Path maskPng = work.resolve("mask.png");
        WholeFile.png(maskPng, c.mask().image());
        inputs.put("fix.mask", maskPng);
        if (film.slate.core.recipe.BackendFingerprint.settings(c.backend().settings()).toString().contains("mask_video")) {
            inputs.put("fix.mask_video", maskVideo(c.mask(), fix, content.format(), work.resolve("mask_video.mkv")));
        }
        RenderResult result;
        try {
            result = backends.generator(fix.edit().backend().name()).render(new RenderRequest(recipe, c.backend(), inputs,
                    objects(content), out), Progress.NONE, new Cancellation());
        } catch (GeneratorFault e) {
            throw new FixRefused(FixRefused.FAILED, "backend " + fix.edit().backend().name() + " could not render the fix"
                    + " of " + fix.label() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FixRefused(FixRefused.FAILED, "the fix of " + fix.label() + " was interrupted; nothing was recorded");
        } catch (BuildException e) {
            throw new FixRefused(FixRefused.CANNOT_RUN, e.getMessage());
        }
        if (!(result instanceof RenderResult.Video video)) {
            throw new FixRefused(FixRefused.FAILED, "backend " + fix.edit().backend().name() + " answered frames, not a"
                    + " video; a fix needs the backend's take as one video");
        }
        return video;
    }

    /** The mask as a grey FFV1 video of the shot's length: white inside the mask within the frame range, black elsewhere. */
    private Path maskVideo(Mask mask, FixRecipe fix, RecipeContent.Format f, Path file) {
        try (VideoEncoder enc = VideoEncoder.open(ffmpeg, f.width(), f.height(), f.fps(), PixelFormat.GRAY8,
                EncodeTargets.masterOnly(file))) {
            for (int i = 0; i < f.frames(); i++) {
                enc.write(fix.edit().covers(i) ? mask.image() : PixelFormat.GRAY8.newImage(f.width(), f.height()));
            }
        }
        return file;
    }

    /** The outputs of the recipes the root conditions on (previz for ComfyUI), as a build hands them over. */
    private Map<String, Path> inputs(RecipeContent content) {
        Map<String, Path> out = new HashMap<>();
        for (RecipeContent.Input in : content.inputs()) {
            store.takes().withRecipe(in.recipe()).ifPresent(t -> {
                t.master().ifPresent(h -> out.put(in.role() + ".master", store.objects().path(h)));
                t.depth().ifPresent(h -> out.put(in.role() + ".depth", store.objects().path(h)));
            });
        }
        return out;
    }

    private RecipeObjects objects(RecipeContent content) {
        Map<String, Path> out = new HashMap<>();
        for (RecipeContent.Ref ref : content.refs()) {
            ref.sha256().filter(store.objects()::has).ifPresent(h -> out.put(h, store.objects().path(h)));
        }
        return new RecipeObjects(out);
    }
}
