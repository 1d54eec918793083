package film.slate.media.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Frames of video files as PNG stills. */
public final class Stills {
    /**
     * Videos one FFmpeg run seeks into: a run costs about as much to start as to seek three frames,
     * so a storyboard's stills share runs (a third less CPU), and each run opens a bounded number
     * of files however long the film.
     */
    static final int VIDEOS_A_RUN = 16;

    private Stills() {
    }

    /**
     * Frame {@code frames[i]} (counted from 0) of {@code video}, at {@code fps}, to be written to
     * {@code pngs[i]}.
     */
    public record Grab(Path video, double fps, int[] frames, List<Path> pngs) {
        public Grab {
            pngs = List.copyOf(pngs);
            frames = frames.clone();
            if (frames.length != pngs.size() || frames.length == 0 || !(fps > 0)) {
                throw new IllegalArgumentException("one still a frame, at a frame rate above 0");
            }
        }

        @Override
        public int[] frames() {
            return frames.clone();
        }
    }

    /** Writes the stills of one video, as {@link #grab(Ffmpeg, List)}. */
    public static void grab(Ffmpeg ffmpeg, Path video, double fps, int[] frames, List<Path> pngs) {
        grab(ffmpeg, List.of(new Grab(video, fps, frames, pngs)));
    }

    /**
     * Writes every grab's stills, each written aside and renamed into place, seeking to each frame:
     * only frames from the key frame before it on are decoded (a lossless master is all key frames).
     */
    public static void grab(Ffmpeg ffmpeg, List<Grab> grabs) {
        for (int from = 0; from < grabs.size(); from += VIDEOS_A_RUN) {
            run(ffmpeg, grabs.subList(from, Math.min(grabs.size(), from + VIDEOS_A_RUN)));
        }
    }

    private static void run(Ffmpeg ffmpeg, List<Grab> grabs) {
        List<String> inputs = new ArrayList<>(List.of("-y"));
        List<String> outputs = new ArrayList<>();
        int input = 0;
        for (Grab g : grabs) {
            for (int i = 0; i < g.frames.length; i++) {
                // A quarter frame early: the first frame at or after that time is frame f itself.
                double at = Math.max(0, (g.frames[i] - 0.25) / g.fps());
                // One decoding thread an input: three frames never pay for a thread pool each (a fifth of the CPU).
                inputs.addAll(List.of("-threads", "1", "-ss", String.format(Locale.ROOT, "%.6f", at), "-i",
                        g.video().toString()));
                outputs.addAll(List.of("-map", input++ + ":v:0", "-frames:v", "1", "-f", "image2", "-c:v", "png",
                        Ffmpeg.partOf(g.pngs().get(i)).toString()));
            }
        }
        inputs.addAll(outputs);
        String what = grabs.size() == 1 ? "take stills from " + grabs.get(0).video()
                : "take stills from " + grabs.size() + " videos, " + grabs.get(0).video() + " first";
        try {
            ffmpeg.runFfmpeg(inputs, what);
            for (Grab g : grabs) {
                for (Path png : g.pngs()) {
                    if (!Files.isRegularFile(Ffmpeg.partOf(png))) {
                        throw new FfmpegException(g.video() + " is shorter than the frames its stills need");
                    }
                    Files.move(Ffmpeg.partOf(png), png, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new FfmpegException("cannot write stills of " + grabs.get(0).video() + " (" + e.getMessage() + ")", e);
        } finally {
            grabs.forEach(g -> g.pngs().forEach(png -> Ffmpeg.deleteQuietly(Ffmpeg.partOf(png))));
        }
    }
}
