package film.slate.media.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Frames of a video file as PNG stills. */
public final class Stills {
    private Stills() {
    }

    /**
     * Writes frame {@code frames[i]} (counted from 0) of {@code video}, at {@code fps}, to
     * {@code pngs[i]}, each written aside and renamed into place. One FFmpeg run seeks to each
     * frame: a master is intra-coded, so only the frames asked for are decoded.
     */
    public static void grab(Ffmpeg ffmpeg, Path video, double fps, int[] frames, List<Path> pngs) {
        if (frames.length != pngs.size() || frames.length == 0 || !(fps > 0)) {
            throw new IllegalArgumentException("one still a frame, at a frame rate above 0");
        }
        List<String> args = new ArrayList<>(List.of("-y"));
        for (int f : frames) {
            // A quarter frame early: the first frame at or after that time is frame f itself.
            double at = Math.max(0, (f - 0.25) / fps);
            // One decoding thread an input: three frames never pay for a thread pool each (a fifth of the CPU).
            args.addAll(List.of("-threads", "1", "-ss", String.format(Locale.ROOT, "%.6f", at), "-i", video.toString()));
        }
        for (int i = 0; i < frames.length; i++) {
            args.addAll(List.of("-map", i + ":v:0", "-frames:v", "1", "-f", "image2", "-c:v", "png",
                    Ffmpeg.partOf(pngs.get(i)).toString()));
        }
        try {
            ffmpeg.runFfmpeg(args, "take stills from " + video);
            for (Path png : pngs) {
                if (!Files.isRegularFile(Ffmpeg.partOf(png))) {
                    throw new FfmpegException(video + " is shorter than the frames its stills need");
                }
                Files.move(Ffmpeg.partOf(png), png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new FfmpegException("cannot write stills of " + video + " (" + e.getMessage() + ")", e);
        } finally {
            pngs.forEach(png -> Ffmpeg.deleteQuietly(Ffmpeg.partOf(png)));
        }
    }
}
