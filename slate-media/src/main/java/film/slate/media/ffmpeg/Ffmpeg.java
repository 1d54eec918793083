package film.slate.media.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.read.UserCache;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One FFmpeg installation: the {@code ffmpeg} and {@code ffprobe} executables and the environment
 * they run in. {@link #find()} takes the one the user names ({@code SLATE_FFMPEG}, or the system
 * property {@code slate.ffmpeg}) and otherwise the build that the {@code org.bytedeco:ffmpeg} jar
 * ships, unpacked once into {@code org.bytedeco.javacpp.cachedir} ({@code slate/javacpp} in the
 * user cache folder, {@link UserCache}, unless set).
 */
public final class Ffmpeg {
    /** Environment variable naming a system ffmpeg (a path, or a name on PATH). */
    public static final String ENV = "SLATE_FFMPEG";
    /** Environment variable naming its ffprobe, when it is not beside the ffmpeg. */
    public static final String ENV_PROBE = "SLATE_FFPROBE";
    private static final String CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Ffmpeg bundled;

    private final String ffmpeg;
    private final String ffprobe;
    private final Map<String, String> environment;
    private final Map<String, String> encoderCache = new ConcurrentHashMap<>();
    /** {@code ffmpeg version 8.1.2 ...}, {@code ffmpeg version n7.1 ...}: a release's major number. */
    private static final Pattern RELEASE = Pattern.compile("ffmpeg version n?(\\d{1,4})\\.");

    private Ffmpeg(String ffmpeg, String ffprobe, Map<String, String> environment) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.environment = Map.copyOf(environment);
    }

    /** The FFmpeg the user names, or else the bundled one. */
    public static Ffmpeg find() {
        String named = Optional.ofNullable(System.getProperty("slate.ffmpeg")).orElse(System.getenv(ENV));
        if (named != null && !named.isBlank()) {
            return system(named.strip(), Optional.ofNullable(System.getenv(ENV_PROBE)).filter(s -> !s.isBlank()));
        }
        return bundled();
    }

    /** A system FFmpeg: {@code ffmpeg} a path or a name on PATH; ffprobe beside it unless named. */
    public static Ffmpeg system(String ffmpeg, Optional<String> ffprobe) {
        String probe = ffprobe.orElseGet(() -> {
            Path p = Path.of(ffmpeg);
            return p.getParent() == null ? "ffprobe" : p.getParent().resolve("ffprobe").toString();
        });
        return new Ffmpeg(ffmpeg, probe, Map.of());
    }

    /** The build the {@code org.bytedeco:ffmpeg} jar ships (LGPL: FFV1, OpenH264, VP9). */
    public static Ffmpeg bundled() {
        Ffmpeg b = bundled;
        if (b == null) {
            synchronized (Ffmpeg.class) {
                if (bundled == null) {
                    bundled = unpack();
                }
                b = bundled;
            }
        }
        return b;
    }

    private static Ffmpeg unpack() {
        if (System.getProperty(CACHE_PROPERTY) == null) {
            Path cache = UserCache.folder().orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
            System.setProperty(CACHE_PROPERTY, cache.resolve("slate").resolve("javacpp").toString());
        }
        Optional<UnpackedFfmpeg> unpacked = UnpackedFfmpeg.find(Path.of(System.getProperty(CACHE_PROPERTY)));
        if (unpacked.isPresent()) {
            return withLibraries(unpacked.get().ffmpeg().toString(), unpacked.get().ffprobe().toString());
        }
        String exe;
        String probe;
        try {
            exe = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
            probe = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
        } catch (LinkageError | RuntimeException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new FfmpegException("the FFmpeg that Slate ships cannot be loaded (" + why + "); on Debian or Ubuntu"
                    + " install its system libraries with 'apt-get install libpulse0', or name a system ffmpeg with "
                    + ENV + "=/usr/bin/ffmpeg", e);
        }
        if (exe == null || probe == null) {
            throw new FfmpegException("the FFmpeg that Slate ships has no executable for this platform ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "); name a system ffmpeg with "
                    + ENV + "=/usr/bin/ffmpeg");
        }
        UnpackedFfmpeg.remember(Path.of(System.getProperty(CACHE_PROPERTY)), Path.of(exe), Path.of(probe));
        return withLibraries(exe, probe);
    }

    private static Ffmpeg withLibraries(String exe, String probe) {
        Path dir = Path.of(exe).getParent();
        String previous = System.getenv("LD_LIBRARY_PATH");
        // The shipped libraries find each other only through the loader path.
        String libs = previous == null || previous.isBlank() ? dir.toString() : dir + java.io.File.pathSeparator + previous;
        return new Ffmpeg(exe, probe, Map.of("LD_LIBRARY_PATH", libs));
    }

    /** The ffmpeg executable. */
    public String executable() {
        return ffmpeg;
    }

    /** The ffprobe executable. */
    public String probeExecutable() {
        return ffprobe;
    }

    /** Starts {@code ffmpeg} with {@code args} (after {@code -hide_banner -loglevel error}). */
    Process start(List<String> args, String what) {
        List<String> command = new ArrayList<>();
        command.add(ffmpeg);
        command.add("-hide_banner");
        command.add("-loglevel");
        command.add("error");
        command.addAll(args);
        return start(command, what, ffmpeg);
    }

    private Process start(List<String> command, String what, String exe) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new FfmpegException("cannot start " + exe + " to " + what + " (" + e.getMessage() + "); check "
                    + ENV + " or unset it to use the FFmpeg that Slate ships", e);
        }
    }

    /** Runs a command to the end and returns its standard output; a non-zero exit is an {@link FfmpegException}. */
    private byte[] run(List<String> command, String what, String exe) {
        Process p = start(command, what, exe);
        StderrTail tail = new StderrTail(p.getErrorStream(), "ffmpeg-stderr");
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            p.getOutputStream().close();
            out = in.readAllBytes();
            int code = p.waitFor();
            if (code != 0) {
                throw new FfmpegException("FFmpeg could not " + what + ": " + tail.text());
            }
        } catch (IOException e) {
            throw new FfmpegException("FFmpeg could not " + what + " (" + e.getMessage() + "): " + tail.text(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FfmpegException("interrupted while FFmpeg was to " + what, e);
        }
        return out;
    }

    byte[] runFfmpeg(List<String> args, String what) {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin"));
        command.addAll(args);
        return run(command, what, ffmpeg);
    }

    /**
     * Runs {@code ffmpeg} with {@code args}, which write each of {@code outputs} beside its name
     * ({@link #partOf}), and moves them into place when it succeeds; none is left half-written.
     */
    void runInto(List<String> args, String what, List<Path> outputs) {
        try {
            runFfmpeg(args, what);
            for (Path p : outputs) {
                Files.move(partOf(p), p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new FfmpegException("cannot move the finished video into place at " + what + " (" + e.getMessage()
                    + ")", e);
        } finally {
            outputs.forEach(p -> deleteQuietly(partOf(p)));
        }
    }

    /** Runs {@code ffprobe} with {@code args} and returns what it printed. */
    byte[] runProbe(List<String> args, String what) {
        List<String> command = new ArrayList<>(List.of(ffprobe));
        command.addAll(args);
        return run(command, what, ffprobe);
    }

    /**
     * Checks that this FFmpeg starts and can encode H.264 (by listing its encoders, which every
     * later encode reuses): a {@link FfmpegException} with its sentence when not.
     */
    public void ready() {
        h264Encoder();
    }

    /** The H.264 encoder this FFmpeg has: libx264 when present, else OpenH264 (the LGPL build's). */
    String h264Encoder() {
        return encoderCache.computeIfAbsent("h264", k -> {
            String list = new String(runFfmpeg(List.of("-encoders"), "list its encoders"), StandardCharsets.UTF_8);
            for (String candidate : List.of("libx264", "libopenh264")) {
                if (list.contains(" " + candidate + " ")) {
                    return candidate;
                }
            }
            throw new FfmpegException(ffmpeg + " has no H.264 encoder (neither libx264 nor libopenh264); name another"
                    + " ffmpeg with " + ENV + " or unset it to use the one Slate ships");
        });
    }

    /**
     * Whether this FFmpeg applies bitstream filters to an input's packets before decoding ({@code -bsf}
     * before {@code -i}, FFmpeg 7.0 on), read from its {@code -version} once: the bundled 8.1 does; an
     * older system FFmpeg, or one whose version does not say, is not asked to.
     */
    boolean filtersInputPackets() {
        String line = encoderCache.computeIfAbsent("version", k -> new String(runFfmpeg(List.of("-version"),
                "tell its version"), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
        return filtersInputPackets(line);
    }

    /** Whether an {@code ffmpeg -version} first line names a release of 7.0 or later. */
    static boolean filtersInputPackets(String versionLine) {
        Matcher m = RELEASE.matcher(versionLine);
        return m.lookingAt() && Integer.parseInt(m.group(1)) >= 7;
    }

    /** Duration, frame count and format of the first video stream of {@code file} (frames are counted by decoding). */
    public VideoInfo probe(Path file) {
        return probe(file, true);
    }

    /**
     * As {@link #probe(Path)} from the container's headers alone, without decoding: quick, and
     * {@link VideoInfo#frames()} is the count the header states (0 when it states none).
     */
    public VideoInfo probeHeader(Path file) {
        return probe(file, false);
    }

    private VideoInfo probe(Path file, boolean count) {
        if (!Files.isRegularFile(file)) {
            throw new FfmpegException("cannot probe " + file + ": there is no such file");
        }
        String frames = count ? "nb_read_frames" : "nb_frames";
        List<String> command = new ArrayList<>(List.of(ffprobe, "-v", "error", "-select_streams", "v:0"));
        if (count) {
            command.add("-count_frames");
        }
        command.addAll(List.of("-show_entries", "stream=codec_name,pix_fmt,width,height,r_frame_rate," + frames,
                "-show_entries", "format=duration", "-of", "json", file.toString()));
        byte[] out = run(command, "probe " + file, ffprobe);
        try {
            JsonNode root = JSON.readTree(out);
            JsonNode streams = root.path("streams");
            if (!streams.isArray() || streams.isEmpty()) {
                throw new FfmpegException(file + " has no video stream");
            }
            JsonNode s = streams.get(0);
            return new VideoInfo(s.path("codec_name").asText(""), s.path("pix_fmt").asText(""), s.path("width").asInt(),
                    s.path("height").asInt(), rate(s.path("r_frame_rate").asText("0/1")),
                    s.path(frames).asLong(0), root.path("format").path("duration").asDouble(0));
        } catch (IOException e) {
            throw new FfmpegException("ffprobe answered something that is not JSON for " + file, e);
        }
    }

    private static double rate(String r) {
        String[] parts = r.split("/");
        try {
            double n = Double.parseDouble(parts[0]);
            double d = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            return d == 0 ? 0 : n / d;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Joins {@code clips} in order into {@code out} without re-encoding: they must share codec,
     * size and frame rate (as the takes of one production do).
     */
    public void concat(List<Path> clips, Path out) {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        Path list = null;
        Path part = partOf(out);
        try {
            list = Files.createTempFile("slate-concat", ".txt");
            StringBuilder text = new StringBuilder("ffconcat version 1.0\n");
            for (Path clip : clips) {
                if (!Files.isRegularFile(clip)) {
                    throw new FfmpegException("cannot concatenate " + clip + ": there is no such file");
                }
                text.append("file '").append(clip.toAbsolutePath().toString().replace("'", "'\\''")).append("'\n");
            }
            Files.writeString(list, text, StandardCharsets.UTF_8);
            runFfmpeg(List.of("-y", "-f", "concat", "-safe", "0", "-i", list.toString(), "-map", "0", "-c", "copy",
                    "-fflags", "+bitexact", "-f", muxer(out), part.toString()), "concatenate " + clips.size() + " clips into " + out);
            Files.move(part, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new FfmpegException("cannot write " + out + " (" + e.getMessage() + ")", e);
        } finally {
            deleteQuietly(list);
            deleteQuietly(part);
        }
    }

    /** The container FFmpeg should write for a file name. */
    static String muxer(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mkv")) {
            return "matroska";
        }
        if (name.endsWith(".mp4") || name.endsWith(".m4v")) {
            return "mp4";
        }
        if (name.endsWith(".mov")) {
            return "mov";
        }
        throw new IllegalArgumentException(file + ": name a .mkv master or an .mp4 proxy");
    }

    /** The file being written before it is complete: renamed into place on success. */
    static Path partOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".part");
    }

    static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a leftover .part never counts as output
        }
    }

    @Override
    public String toString() {
        return ffmpeg;
    }
}
