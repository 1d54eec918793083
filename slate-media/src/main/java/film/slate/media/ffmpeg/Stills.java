package film.slate.media.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Frames of video files as PNG stills. */
public final class Stills {
    /**
     * Videos one FFmpeg run seeks into: a run costs about as much to start as to seek three frames,
     * so a storyboard's stills share runs (a third less CPU), and each run opens a bounded number
     * of files however long the film.
     */
    static final int VIDEOS_A_RUN = 16;
    /** Bytes of a Matroska file read for its track's codec: FFmpeg writes the tracks within the first few hundred. */
    private static final int HEADER = 4096;

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
     * Writes every grab's stills, each written aside and renamed into place: an FFV1 master's by one
     * decoder that sees only the frames wanted (with an FFmpeg that filters input packets, 7.0 on),
     * any other video's by seeking to each frame.
     */
    public static void grab(Ffmpeg ffmpeg, List<Grab> grabs) {
        for (int from = 0; from < grabs.size(); from += VIDEOS_A_RUN) {
            run(ffmpeg, grabs.subList(from, Math.min(grabs.size(), from + VIDEOS_A_RUN)));
        }
    }

    private static void run(Ffmpeg ffmpeg, List<Grab> grabs) {
        List<String> inputs = new ArrayList<>(List.of("-y"));
        List<String> outputs = new ArrayList<>();
        List<Path> numbered = new ArrayList<>();
        List<Grab> decodedOnce = new ArrayList<>();
        int input = 0;
        boolean filters = ffmpeg.filtersInputPackets();
        for (Grab g : grabs) {
            if (filters && everyFrameKey(g.video())) {
                decodedOnce.add(g);
                input = decodedOnce(g, input, inputs, outputs, numbered);
            } else {
                input = seeking(g, input, inputs, outputs);
            }
        }
        inputs.addAll(outputs);
        String what = grabs.size() == 1 ? "take stills from " + grabs.get(0).video()
                : "take stills from " + grabs.size() + " videos, " + grabs.get(0).video() + " first";
        try {
            ffmpeg.runFfmpeg(inputs, what);
            for (Grab g : decodedOnce) {
                placeNumbered(g);
            }
            for (Grab g : grabs) { // every still there before any is moved into place
                if (!g.pngs().stream().allMatch(png -> Files.isRegularFile(Ffmpeg.partOf(png)))) {
                    throw new FfmpegException(g.video() + " is shorter than the frames its stills need");
                }
            }
            for (Grab g : grabs) {
                for (Path png : g.pngs()) {
                    Files.move(Ffmpeg.partOf(png), png, StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new FfmpegException("cannot write stills of " + grabs.get(0).video() + " (" + e.getMessage() + ")", e);
        } finally {
            grabs.forEach(g -> g.pngs().forEach(png -> Ffmpeg.deleteQuietly(Ffmpeg.partOf(png))));
            numbered.forEach(Ffmpeg::deleteQuietly);
        }
    }

    /**
     * One decoder for all of a master's stills: the packets of the other frames are dropped before
     * decoding (which only a video whose every frame is a key frame allows), and the stills come out
     * numbered in frame order. Returns the next input's index.
     */
    private static int decodedOnce(Grab g, int input, List<String> inputs, List<String> outputs, List<Path> numbered) {
        int[] wanted = distinct(g);
        String kept = IntStream.of(wanted).mapToObj(f -> "eq(n\\," + f + ")").collect(Collectors.joining("+"));
        inputs.addAll(List.of("-threads", "1", "-bsf:v", "noise=drop=not(" + kept + ")", "-i", g.video().toString()));
        outputs.addAll(List.of("-map", input + ":v:0", "-fps_mode", "passthrough", "-frames:v",
                Integer.toString(wanted.length), "-f", "image2", "-c:v", "png",
                numbered(g, 0).toString().replace("%", "%%") + "%d")); // a % in the folder's name is itself
        for (int i = 1; i <= wanted.length; i++) {
            numbered.add(numbered(g, i));
        }
        return input + 1;
    }

    /** An input a still, each seeking to its frame: only frames from the key frame before it on are decoded. */
    private static int seeking(Grab g, int input, List<String> inputs, List<String> outputs) {
        int next = input;
        for (int i = 0; i < g.frames.length; i++) {
            // A quarter frame early: the first frame at or after that time is frame f itself.
            double at = Math.max(0, (g.frames[i] - 0.25) / g.fps());
            // One decoding thread an input: three frames never pay for a thread pool each (a fifth of the CPU).
            inputs.addAll(List.of("-threads", "1", "-ss", String.format(Locale.ROOT, "%.6f", at), "-i",
                    g.video().toString()));
            outputs.addAll(List.of("-map", next++ + ":v:0", "-frames:v", "1", "-f", "image2", "-c:v", "png",
                    Ffmpeg.partOf(g.pngs().get(i)).toString()));
        }
        return next;
    }

    /** The frames a grab asks for, each once, in order (a frame before the first is the first). */
    private static int[] distinct(Grab g) {
        return IntStream.of(g.frames).map(f -> Math.max(0, f)).distinct().sorted().toArray();
    }

    /** The {@code n}th still one decoder wrote for {@code g}, in frame order (FFmpeg counts from 1; 0: the stem). */
    private static Path numbered(Grab g, int n) {
        Path first = g.pngs().get(0);
        return first.resolveSibling(first.getFileName() + ".part-" + (n > 0 ? Integer.toString(n) : ""));
    }

    /** Copies a one-decoder grab's numbered stills to each still's part file; a frame asked twice is copied twice. */
    private static void placeNumbered(Grab g) throws IOException {
        int[] wanted = distinct(g);
        for (int i = 0; i < g.frames.length; i++) {
            Path from = numbered(g, 1 + Arrays.binarySearch(wanted, Math.max(0, g.frames[i])));
            if (Files.isRegularFile(from)) {
                Files.copy(from, Ffmpeg.partOf(g.pngs().get(i)), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Whether {@code video} is an FFV1 Matroska, read from its header's CodecID element: Slate writes
     * every FFV1 master with every frame a key frame ({@link VideoEncoder#masterCodec}), so any of its
     * frames decodes alone. Anything else (a model's H.264 stored as it came) is read by seeking.
     */
    static boolean everyFrameKey(Path video) {
        byte[] head = new byte[HEADER];
        int n;
        try (InputStream in = Files.newInputStream(video)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false; // FFmpeg then says what is wrong with the file
        }
        // The EBML magic, then the CodecID element (ID 0x86, size 6) holding V_FFV1.
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        return text.startsWith("\u001aE\u00df\u00a3") && text.contains("\u0086\u0086V_FFV1");
    }
}
