package film.slate.engine.conditioning;

import film.slate.core.recipe.Recipe;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.RenderResult;
import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.footage.Conform;
import film.slate.media.footage.Footage;
import film.slate.media.footage.FootageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;

/** Brings a model's output to the production's format: a lossless master and an H.264 proxy, like previz takes. */
public final class Normalise {
    /** File endings read as still images. */
    public static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "bmp");
    /** File endings read as video. */
    public static final Set<String> VIDEOS = Set.of("mp4", "mkv", "mov", "webm", "avi", "gif", "webp", "m4v");

    private Normalise() {
    }

    /** The recipe's format. */
    public static Conform.Format format(Recipe recipe) {
        var f = recipe.content().format();
        return new Conform.Format(f.width(), f.height(), f.fps(), Math.max(1, f.frames()));
    }

    /**
     * Normalises {@code footage} into {@code master.mkv} and {@code proxy.mp4} of {@code outputDir}.
     * Footage that cannot be read is a permanent fault naming {@code who} (the generator made it).
     */
    public static RenderResult.Video take(Ffmpeg ffmpeg, Recipe recipe, Footage footage, Path outputDir, String who,
            OptionalDouble cost) throws GeneratorFault {
        return take(ffmpeg, recipe, footage, outputDir, who, cost, false);
    }

    /**
     * As {@link #take(Ffmpeg, Recipe, Footage, Path, String, OptionalDouble)}; {@code downloaded}
     * footage that cannot be read is a transient fault (a download may come out whole next time).
     */
    public static RenderResult.Video take(Ffmpeg ffmpeg, Recipe recipe, Footage footage, Path outputDir, String who,
            OptionalDouble cost, boolean downloaded) throws GeneratorFault {
        Path master = outputDir.resolve("master.mkv");
        Path proxy = outputDir.resolve("proxy.mp4");
        try {
            new Conform(ffmpeg).conform(footage, format(recipe), EncodeTargets.both(master, proxy));
        } catch (FootageException e) {
            String m = who + " made footage Slate cannot read: " + e.getMessage();
            throw downloaded ? GeneratorFault.transientFault(m, null) : GeneratorFault.permanent(m, null);
        } catch (FfmpegException e) {
            throw GeneratorFault.permanent("FFmpeg could not encode the take of " + recipe.label() + ": " + e.getMessage(),
                    e);
        }
        return new RenderResult.Video(master, Optional.of(proxy), Optional.empty(), cost);
    }

    /**
     * The footage a folder holds: its first video file by name, else its images in name order.
     *
     * @return empty when the folder holds neither
     */
    public static Optional<Footage> inFolder(Path dir, OptionalDouble fps) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> videos = files.stream().filter(p -> VIDEOS.contains(ending(p))).toList();
        List<Path> images = files.stream().filter(p -> IMAGES.contains(ending(p))).toList();
        if (!videos.isEmpty()) {
            return Optional.of(new Footage.Clip(videos.get(0)));
        }
        if (!images.isEmpty()) {
            return Optional.of(new Footage.Stills(images, fps));
        }
        return Optional.empty();
    }

    public static String ending(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
