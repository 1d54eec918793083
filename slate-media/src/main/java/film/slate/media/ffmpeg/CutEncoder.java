package film.slate.media.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cut as one H.264 MP4: each piece is a master trimmed (or its last frame held) to an exact frame
 * count, or black for a gap, joined in order at the production's size and rate, with a timecode
 * track that starts at the given timecode. Written beside its name and renamed into place.
 */
public final class CutEncoder {
    /**
     * One event of the cut: {@code frames} frames of {@code master}, or of black when there is none.
     * A master that {@code fits} is known (from its recipe) to be at the cut's size and rate and at
     * least {@code frames} long: it is only cut to length, the rest of the fitting being the identity.
     */
    public record Piece(Optional<Path> master, int frames, boolean fits) {
        public Piece {
            if (frames < 1) {
                throw new IllegalArgumentException("a piece of a cut has at least one frame");
            }
        }

        /** A piece of a master not known to fit (or of black). */
        public Piece(Optional<Path> master, int frames) {
            this(master, frames, false);
        }
    }

    private CutEncoder() {
    }

    /** Encodes {@code pieces} into {@code out} ({@code .mp4}), {@code width}x{@code height} at {@code fps}. */
    public static void encode(Ffmpeg ffmpeg, List<Piece> pieces, int width, int height, int fps, String startTimecode,
            Path out) {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("a cut has at least one piece");
        }
        List<String> args = new ArrayList<>(List.of("-y"));
        StringBuilder graph = new StringBuilder();
        int input = 0;
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            String fit = "scale=" + width + ":" + height + ",setsar=1,format=yuv420p";
            if (p.master().isPresent()) {
                if (!Files.isRegularFile(p.master().get())) {
                    throw new FfmpegException("cannot encode the cut: " + p.master().get() + " is not there");
                }
                args.addAll(List.of("-i", p.master().get().toString()));
                if (p.fits()) { // the pixel format is converted once, after the join (the same pixels, less work)
                    graph.append('[').append(input++).append(":v]trim=end_frame=").append(p.frames())
                            .append(",setpts=PTS-STARTPTS,setsar=1[p").append(i).append("];");
                    continue;
                }
                // Hold the last frame when a master is short, then cut at the exact count: frame-exact either way.
                graph.append('[').append(input++).append(":v]fps=").append(fps).append(",tpad=stop=").append(p.frames())
                        .append(":stop_mode=clone,trim=end_frame=").append(p.frames()).append(",setpts=PTS-STARTPTS,")
                        .append(fit).append("[p").append(i).append("];");
            } else {
                graph.append("color=c=black:s=").append(width).append('x').append(height).append(":r=").append(fps)
                        .append(",trim=end_frame=").append(p.frames()).append(",setpts=PTS-STARTPTS,").append(fit)
                        .append("[p").append(i).append("];");
            }
        }
        for (int i = 0; i < pieces.size(); i++) {
            graph.append("[p").append(i).append(']');
        }
        graph.append("concat=n=").append(pieces.size()).append(":v=1:a=0[cut]");
        Path part = Ffmpeg.partOf(out);
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[cut]", "-c:v", ffmpeg.h264Encoder()));
        if (ffmpeg.h264Encoder().equals("libx264")) {
            args.addAll(List.of("-preset", "veryfast", "-crf", "16"));
        } else {
            args.addAll(List.of("-b:v", Long.toString(Math.max(400_000L, (long) width * height * fps / 2))));
            args.addAll(VideoEncoder.OPENH264_THREADS);
        }
        args.addAll(List.of("-pix_fmt", "yuv420p", "-r", Integer.toString(fps), "-timecode", startTimecode,
                "-flags:v", "+bitexact", "-fflags", "+bitexact", "-movflags", "+faststart", "-f", "mp4", part.toString()));
        try {
            ffmpeg.runFfmpeg(args, "encode the cut " + out);
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new FfmpegException("cannot write " + out + " (" + e.getMessage() + ")", e);
        } finally {
            Ffmpeg.deleteQuietly(part);
        }
    }
}
