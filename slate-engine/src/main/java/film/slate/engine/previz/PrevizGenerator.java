package film.slate.engine.previz;

import film.slate.core.model.BackendConfig;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.Capabilities;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.GeneratorPlace;
import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Progress;
import film.slate.engine.generator.RenderRequest;
import film.slate.engine.generator.RenderResult;
import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.previz.Previz;
import film.slate.media.previz.PrevizRender;
import film.slate.media.previz.PrevizShot;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Slate's built-in generator: the previz renderer behind the generator SPI. It draws a take from
 * its recipe alone (marks, stand-ins, props, set, camera, move and seed are all in it; the
 * production folder is never read) into a lossless master and an H.264 proxy. Bit-identical output
 * for the same recipe. The depth pass that other generators condition on is drawn from their own
 * recipe when they bind it ({@code conditioning.PrevizPasses}): most previz takes are never
 * conditioned on, and depth was a tenth of each one's cost.
 */
public final class PrevizGenerator implements Generator {
    /**
     * Part of every previz recipe: bump it when the same recipe would draw other pixels or write
     * other files (4: FFV1 masters without slice CRCs; 3: masters in four FFV1 slices, and no depth
     * video).
     */
    public static final String VERSION = "slate-previz/4";

    /** Finds the FFmpeg to encode with: asked only when something renders (status and dry runs never do). */
    private final Supplier<Ffmpeg> find;
    private volatile Ffmpeg ffmpeg;

    PrevizGenerator(Supplier<Ffmpeg> find) {
        this.find = find;
    }

    /** The FFmpeg found on first use; an {@link FfmpegException} when there is none that runs. */
    private Ffmpeg ffmpeg() {
        Ffmpeg f = ffmpeg;
        if (f == null) {
            synchronized (this) {
                if (ffmpeg == null) {
                    ffmpeg = find.get();
                }
                f = ffmpeg;
            }
        }
        return f;
    }

    /** FFmpeg found, started and able to encode H.264: a build without it stops here, once. */
    @Override
    public void ready() throws GeneratorFault {
        try {
            ffmpeg().ready();
        } catch (FfmpegException e) {
            throw GeneratorFault.permanent(e.getMessage(), e);
        }
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Capabilities capabilities() {
        // Drawing is on this JVM's thread and encoding in FFmpeg's process: one render a core.
        return Capabilities.of(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    }

    @Override
    public RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        var recipe = request.recipe();
        PrevizShot shot = Previz.shot(recipe.content(), recipe.content().production());
        Path master = request.outputDir().resolve("master.mkv");
        Path proxy = request.outputDir().resolve("proxy.mp4");
        try {
            PrevizRender.encode(shot, ffmpeg(), EncodeTargets.both(master, proxy), Optional.empty(), Optional.empty());
        } catch (FfmpegException e) {
            // FFmpeg failing on frames Slate drew is not cured by trying again.
            throw GeneratorFault.permanent(e.getMessage(), e);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("previz render of " + recipe.shot() + " interrupted");
        }
        return new RenderResult.Video(master, Optional.of(proxy), Optional.empty(), OptionalDouble.empty());
    }

    /** Registered for {@code type: previz}. */
    public static final class Provider implements GeneratorProvider {
        private final Supplier<Ffmpeg> find;

        /** The provider found on the class path: the FFmpeg the user names, or else the bundled one. */
        public Provider() {
            this(Ffmpeg::find);
        }

        /** A provider whose generators find FFmpeg with {@code find} (a test's FFmpeg that is not there). */
        public Provider(Supplier<Ffmpeg> find) {
            this.find = find;
        }

        @Override
        public String type() {
            return "previz";
        }

        @Override
        public void check(film.slate.core.yaml.Fields settings, film.slate.core.read.SettingsFiles files) {
            settings.node("burn_in");
        }

        @Override
        public Generator open(BackendConfig backend, GeneratorPlace place) {
            return new PrevizGenerator(find);
        }
    }
}
