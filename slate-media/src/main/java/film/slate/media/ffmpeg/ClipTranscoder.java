package film.slate.media.ffmpeg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A clip that already has a take's size and rate, written straight to the take's outputs by one
 * FFmpeg process: no frame crosses into Java. The frames take the road {@link VideoDecoder} and
 * {@link VideoEncoder} give them (decoded to {@link PixelFormat#BGR24}, the same conversion, then
 * the same encoders), so the master holds the very pixels the frame-by-frame road would store. A
 * short clip holds its last frame, a long one is cut, as {@code footage.Conform} does.
 */
public final class ClipTranscoder {
    private ClipTranscoder() {
    }

    /**
     * Writes {@code frames} frames of {@code clip} at {@code width} x {@code height} and {@code fps}
     * into {@code targets}; outputs appear only when FFmpeg succeeds.
     */
    public static void transcode(Ffmpeg ffmpeg, Path clip, int width, int height, int fps, int frames,
            EncodeTargets targets) {
        List<String> labels = new ArrayList<>();
        targets.master().ifPresent(m -> labels.add("[master]"));
        targets.proxy().ifPresent(p -> labels.add("[proxy]"));
        // Frames numbered from 0 at the take's rate, the last one held for as long as the take may need.
        String graph = String.format(Locale.ROOT, "[0:v:0]format=%s,setpts=N/(%d*TB),tpad=stop_mode=clone:stop=%d,split=%d%s",
                PixelFormat.BGR24.ffmpegName(), fps, frames, labels.size(), String.join("", labels));
        List<String> each = List.of("-frames:v", Integer.toString(frames), "-r", Integer.toString(fps));
        List<String> args = new ArrayList<>(List.of("-y", "-i", clip.toString(), "-filter_complex", graph));
        args.addAll(VideoEncoder.outputArguments(ffmpeg, targets, PixelFormat.BGR24,
                new VideoEncoder.Picture(width, height, fps), with("[master]", each), with("[proxy]", each)));
        List<Path> outputs = VideoEncoder.outputs(targets);
        String what = "transcode " + clip.getFileName() + " into " + String.join(" and ",
                outputs.stream().map(Path::toString).toList());
        ffmpeg.runInto(args, what, outputs);
    }

    private static List<String> with(String label, List<String> each) {
        List<String> a = new ArrayList<>(List.of("-map", label));
        a.addAll(each);
        return a;
    }
}
