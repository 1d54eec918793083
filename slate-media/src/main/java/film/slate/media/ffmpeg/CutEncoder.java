package film.slate.media.ffmpeg;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A cut as one H.264 MP4: each piece is a master trimmed (or its last frame held) to an exact frame
 * count, or black for a gap, joined in order at the production's size and rate, with a timecode
 * track that starts at the given timecode. Written beside its name and renamed into place.
 *
 * <p>OpenH264 is pinned to one thread ({@link VideoEncoder#OPENH264_THREADS}), so a cut of several
 * pieces is encoded as {@link #SEGMENTS} runs of whole pieces at once, each its own FFmpeg process
 * starting with an IDR frame, and their streams are joined without re-encoding: both cores work
 * and the bytes stay the same on every machine, since where the cut is split depends on the pieces
 * alone. libx264 uses every core by itself and encodes the cut in one run.
 */
public final class CutEncoder {
    /**
     * Runs an OpenH264 cut is split into: the two cores of the machine Slate is made for, a constant
     * so that the bytes never depend on the machine.
     */
    static final int SEGMENTS = 2;

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

    /** Size and rate of a cut. */
    private record Frame(int width, int height, int fps) {
    }

    private CutEncoder() {
    }

    /** Encodes {@code pieces} into {@code out} ({@code .mp4}), {@code width}x{@code height} at {@code fps}. */
    public static void encode(Ffmpeg ffmpeg, List<Piece> pieces, int width, int height, int fps, String startTimecode,
            Path out) {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("a cut has at least one piece");
        }
        for (Piece p : pieces) {
            if (p.master().isPresent() && !Files.isRegularFile(p.master().get())) {
                throw new FfmpegException("cannot encode the cut: " + p.master().get() + " is not there");
            }
        }
        Frame frame = new Frame(width, height, fps);
        boolean openH264 = !ffmpeg.h264Encoder().equals("libx264");
        List<List<Piece>> runs = openH264 ? split(pieces, SEGMENTS) : List.of(pieces);
        Path part = Ffmpeg.partOf(out);
        List<Path> streams = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            streams.add(out.resolveSibling(out.getFileName() + ".run" + i + ".h264"));
        }
        Path joined = out.resolveSibling(out.getFileName() + ".h264");
        try {
            if (runs.size() == 1) {
                List<String> args = run(ffmpeg, pieces, frame);
                args.addAll(mp4(startTimecode, part));
                ffmpeg.runFfmpeg(args, "encode the cut " + out);
            } else {
                encodeRuns(ffmpeg, runs, frame, streams, out);
                join(streams, joined);
                List<String> args = new ArrayList<>(List.of("-y", "-r", Integer.toString(fps), "-f", "h264", "-i",
                        joined.toString(), "-map", "0:v", "-c:v", "copy", "-fflags", "+bitexact"));
                args.addAll(mp4(startTimecode, part));
                ffmpeg.runFfmpeg(args, "join the cut " + out);
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new FfmpegException("cannot write " + out + " (" + e.getMessage() + ")", e);
        } finally {
            Ffmpeg.deleteQuietly(part);
            Ffmpeg.deleteQuietly(joined);
            streams.forEach(Ffmpeg::deleteQuietly);
        }
    }

    /**
     * {@code pieces} in at most {@code count} runs of whole pieces, each cut at the piece boundary
     * nearest its share of the frames; fewer when there are fewer pieces.
     */
    static List<List<Piece>> split(List<Piece> pieces, int count) {
        long total = pieces.stream().mapToLong(Piece::frames).sum();
        List<List<Piece>> runs = new ArrayList<>();
        int from = 0;
        long done = 0;
        for (int r = 1; r < count && pieces.size() - from > count - r; r++) {
            long target = total * r / count;
            int to = from + 1;
            long at = done + pieces.get(from).frames();
            // Move the boundary on while that brings it nearer the target, leaving a piece for each later run.
            while (to < pieces.size() - (count - r)
                    && Math.abs(at + pieces.get(to).frames() - target) < Math.abs(at - target)) {
                at += pieces.get(to).frames();
                to++;
            }
            runs.add(pieces.subList(from, to));
            from = to;
            done = at;
        }
        runs.add(pieces.subList(from, pieces.size()));
        return runs;
    }

    /** Encodes each run into its raw H.264 stream, all at once; the first failure is thrown when all have ended. */
    private static void encodeRuns(Ffmpeg ffmpeg, List<List<Piece>> runs, Frame frame, List<Path> streams, Path out) {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        ExecutorService beside = Executors.newFixedThreadPool(runs.size() - 1, r -> new Thread(r, "cut-encode"));
        for (int i = 1; i < runs.size(); i++) {
            List<String> args = run(ffmpeg, runs.get(i), frame);
            args.addAll(List.of("-f", "h264", streams.get(i).toString()));
            String what = "encode part " + (i + 1) + " of the cut " + out;
            started.add(CompletableFuture.runAsync(() -> ffmpeg.runFfmpeg(args, what), beside));
        }
        beside.shutdown();
        List<String> first = run(ffmpeg, runs.get(0), frame);
        first.addAll(List.of("-f", "h264", streams.get(0).toString()));
        FfmpegException failed = null;
        try {
            ffmpeg.runFfmpeg(first, "encode part 1 of the cut " + out);
        } catch (FfmpegException e) {
            failed = e;
        }
        for (CompletableFuture<Void> f : started) {
            try {
                f.join();
            } catch (CompletionException e) {
                if (failed == null) {
                    failed = e.getCause() instanceof FfmpegException fe ? fe
                            : new FfmpegException("cannot encode the cut " + out + " (" + e.getCause() + ")", e.getCause());
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** Appends the runs' streams in order: each starts with its parameter sets and an IDR frame, so bytes join. */
    private static void join(List<Path> streams, Path joined) throws IOException {
        try (OutputStream o = Files.newOutputStream(joined)) {
            for (Path s : streams) {
                Files.copy(s, o);
            }
        }
    }

    /** The FFmpeg arguments that read {@code pieces} and encode them, up to the output's format and name. */
    private static List<String> run(Ffmpeg ffmpeg, List<Piece> pieces, Frame f) {
        List<String> args = new ArrayList<>(List.of("-y"));
        StringBuilder graph = new StringBuilder();
        int input = 0;
        String fit = "scale=" + f.width() + ":" + f.height() + ",setsar=1,format=yuv420p";
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (p.master().isPresent()) {
                args.addAll(List.of("-i", p.master().get().toString()));
                if (p.fits()) { // the pixel format is converted once, after the join (the same pixels, less work)
                    graph.append('[').append(input++).append(":v]trim=end_frame=").append(p.frames())
                            .append(",setpts=PTS-STARTPTS,setsar=1[p").append(i).append("];");
                    continue;
                }
                // Hold the last frame when a master is short, then cut at the exact count: frame-exact either way.
                graph.append('[').append(input++).append(":v]fps=").append(f.fps()).append(",tpad=stop=").append(p.frames())
                        .append(":stop_mode=clone,trim=end_frame=").append(p.frames()).append(",setpts=PTS-STARTPTS,")
                        .append(fit).append("[p").append(i).append("];");
            } else {
                graph.append("color=c=black:s=").append(f.width()).append('x').append(f.height()).append(":r=")
                        .append(f.fps()).append(",trim=end_frame=").append(p.frames()).append(",setpts=PTS-STARTPTS,")
                        .append(fit).append("[p").append(i).append("];");
            }
        }
        for (int i = 0; i < pieces.size(); i++) {
            graph.append("[p").append(i).append(']');
        }
        graph.append("concat=n=").append(pieces.size()).append(":v=1:a=0[cut]");
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[cut]", "-c:v", ffmpeg.h264Encoder()));
        if (ffmpeg.h264Encoder().equals("libx264")) {
            args.addAll(List.of("-preset", "veryfast", "-crf", "16"));
        } else {
            args.addAll(List.of("-b:v", Long.toString(Math.max(400_000L, (long) f.width() * f.height() * f.fps() / 2))));
            args.addAll(VideoEncoder.OPENH264_THREADS);
        }
        args.addAll(List.of("-pix_fmt", "yuv420p", "-r", Integer.toString(f.fps()), "-flags:v", "+bitexact", "-fflags",
                "+bitexact"));
        return args;
    }

    /** The MP4 output: a timecode track from {@code startTimecode}, fast start. */
    private static List<String> mp4(String startTimecode, Path part) {
        return List.of("-timecode", startTimecode, "-movflags", "+faststart", "-f", "mp4", part.toString());
    }
}
