package film.slate.media.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A model's clip that already is what a take stores, kept as the model made it: H.264 in 8-bit
 * 4:2:0, progressive, square pixels, at the take's exact size and rate, starting at time 0, with
 * the take's frame count (or more, cut by packet count, which is exact only when no frame is
 * reordered: a stream with B-frames must have the count exactly). Its video stream is copied, not
 * re-encoded, into the Matroska master and, when a browser plays its profile and level, into the
 * fast-start MP4 proxy too. Decoding that master gives the model's pixels bit for bit (more
 * faithful than a trip through BGR and back), at a fraction of the CPU of encoding FFV1.
 * Anything else takes the encoders' roads ({@link ClipTranscoder}, frame by frame).
 */
public final class ClipRemux {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The H.264 profiles every current browser plays (with 8-bit 4:2:0 pictures). */
    private static final Set<String> PLAYABLE = Set.of("Constrained Baseline", "Baseline", "Main", "High");
    /** Level 5.2 (as ffprobe numbers it): the highest every current browser plays. */
    private static final int MAX_LEVEL = 52;

    private ClipRemux() {
    }

    /**
     * What can be copied of a clip: the master always, the proxy when its profile plays in a browser.
     *
     * @param packets how many packets (frames) of the stream the take keeps
     */
    public record Copy(Path clip, long packets, boolean proxy) {
    }

    /** The clip's first video stream as its packets describe it, read without decoding a frame. */
    record Stream(String codec, String profile, int level, String pixelFormat, String fieldOrder, String aspect,
            int width, int height, String rate, String averageRate, int reorder, double start, long packets) {
    }

    /**
     * Whether {@code clip} can be stored as it is for a take of {@code width} x {@code height} at
     * {@code fps} and {@code frames} frames; empty when it needs converting (or cannot be read).
     */
    public static Optional<Copy> of(Ffmpeg ffmpeg, Path clip, int width, int height, int fps, int frames) {
        Stream s;
        try {
            s = stream(ffmpeg, clip);
        } catch (FfmpegException e) {
            return Optional.empty();
        }
        String rate = fps + "/1";
        boolean picture = s.codec().equals("h264") && s.pixelFormat().equals("yuv420p")
                && (s.fieldOrder().isEmpty() || s.fieldOrder().equals("progressive"))
                && (s.aspect().isEmpty() || s.aspect().equals("1:1") || s.aspect().equals("0:1"))
                && s.width() == width && s.height() == height;
        boolean timing = s.rate().equals(rate) && s.averageRate().equals(rate) && s.start() == 0;
        // A stream without reordering holds its frames in packet order, so the first N packets are the first N frames.
        boolean count = s.packets() == frames || (s.packets() > frames && s.reorder() == 0);
        if (!picture || !timing || !count) {
            return Optional.empty();
        }
        return Optional.of(new Copy(clip, frames, PLAYABLE.contains(s.profile()) && s.level() <= MAX_LEVEL));
    }

    /** Reads the first video stream's description, counting its packets (a demux, no decoding). */
    static Stream stream(Ffmpeg ffmpeg, Path clip) {
        byte[] out = ffmpeg.runProbe(List.of("-v", "error", "-select_streams", "v:0", "-count_packets",
                "-show_entries", "stream=codec_name,profile,level,pix_fmt,field_order,sample_aspect_ratio,width,height,"
                        + "r_frame_rate,avg_frame_rate,has_b_frames,start_time,nb_read_packets",
                "-of", "json", clip.toString()), "probe the stream of " + clip);
        try {
            JsonNode streams = JSON.readTree(out).path("streams");
            if (!streams.isArray() || streams.isEmpty()) {
                throw new FfmpegException(clip + " has no video stream");
            }
            JsonNode v = streams.get(0);
            return new Stream(v.path("codec_name").asText(""), v.path("profile").asText(""), v.path("level").asInt(0),
                    v.path("pix_fmt").asText(""), v.path("field_order").asText(""),
                    v.path("sample_aspect_ratio").asText(""), v.path("width").asInt(), v.path("height").asInt(),
                    v.path("r_frame_rate").asText(""), v.path("avg_frame_rate").asText(""),
                    v.path("has_b_frames").asInt(-1), v.path("start_time").asDouble(-1),
                    v.path("nb_read_packets").asLong(0));
        } catch (IOException e) {
            throw new FfmpegException("ffprobe answered something that is not JSON for " + clip, e);
        }
    }

    /**
     * Copies the clip's stream into the master, and into the proxy when {@code copy} says it plays;
     * returns the targets still to be written (the proxy of a clip a browser would not play).
     * Outputs appear only when FFmpeg succeeds; the same clip gives the same bytes every time.
     */
    public static Optional<EncodeTargets> write(Ffmpeg ffmpeg, Copy copy, EncodeTargets targets) {
        List<Path> outputs = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of("-y", "-i", copy.clip().toString()));
        targets.master().ifPresent(m -> {
            args.addAll(output(copy, List.of("-f", "matroska"), m));
            outputs.add(m);
        });
        Optional<Path> proxy = targets.proxy().filter(p -> copy.proxy());
        proxy.ifPresent(p -> {
            args.addAll(output(copy, List.of("-movflags", "+faststart", "-f", "mp4"), p));
            outputs.add(p);
        });
        Optional<EncodeTargets> rest = targets.proxy().filter(p -> proxy.isEmpty()).map(EncodeTargets::proxyOnly);
        if (outputs.isEmpty()) {
            return rest;
        }
        String what = "copy the stream of " + copy.clip().getFileName() + " into " + String.join(" and ",
                outputs.stream().map(Path::toString).toList());
        ffmpeg.runInto(args, what, outputs);
        return rest;
    }

    /** One output of the stream alone, no metadata, no chapters, bit-exact muxing (no dates, no random ids). */
    private static List<String> output(Copy copy, List<String> muxing, Path file) {
        List<String> a = new ArrayList<>(List.of("-map", "0:v:0", "-c:v", "copy", "-frames:v", Long.toString(copy.packets()),
                "-map_metadata", "-1", "-map_chapters", "-1", "-flags:v", "+bitexact", "-fflags", "+bitexact"));
        a.addAll(muxing);
        a.add(Ffmpeg.partOf(file).toString());
        return a;
    }
}
