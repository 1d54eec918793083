package film.slate.media.ffmpeg;

import film.slate.media.file.WholeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bundled FFmpeg as last unpacked into the cache folder. Asking JavaCPP for it loads every
 * FFmpeg library into the JVM (a third of a second at each start of {@code slate status}) though
 * Slate only runs the executables; this note of where they are, with the jar they came from and
 * the names and sizes of the unpacked files, lets a later start skip that while nothing changed.
 *
 * @param ffmpeg the ffmpeg executable
 * @param ffprobe the ffprobe executable
 */
record UnpackedFfmpeg(Path ffmpeg, Path ffprobe) {

    /** The executables noted in {@code cache}, when the note still describes what is there. */
    static Optional<UnpackedFfmpeg> find(Path cache) {
        try {
            List<String> lines = Files.readAllLines(note(cache), StandardCharsets.UTF_8);
            if (lines.size() != 4 || !lines.get(0).equals(source())) {
                return Optional.empty();
            }
            UnpackedFfmpeg u = new UnpackedFfmpeg(Path.of(lines.get(1)), Path.of(lines.get(2)));
            boolean runnable = Files.isExecutable(u.ffmpeg()) && Files.isExecutable(u.ffprobe());
            return runnable && lines.get(3).equals(contents(u.ffmpeg().getParent())) ? Optional.of(u) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Notes where JavaCPP unpacked the executables; a note that cannot be written only costs time later. */
    static void remember(Path cache, Path ffmpeg, Path ffprobe) {
        try {
            WholeFile.text(note(cache), source() + "\n" + ffmpeg + "\n" + ffprobe + "\n"
                    + contents(ffmpeg.getParent()) + "\n");
        } catch (IOException | RuntimeException ignored) {
            // Not noted: the next start asks JavaCPP again.
        }
    }

    /** The note of one jar (Slate checkouts side by side share the cache folder). */
    private static Path note(Path cache) throws IOException {
        return cache.resolve("slate-ffmpeg-" + Integer.toHexString(source().hashCode()) + ".txt");
    }

    /** The jar the executables come from, its size and time, and the platform. */
    private static String source() throws IOException {
        try {
            Path jar = Path.of(org.bytedeco.ffmpeg.ffmpeg.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IOException("the FFmpeg jar cannot be located", e);
        }
    }

    /** The unpacked files by name and size, so a half-cleaned cache is not trusted. */
    private static String contents(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().map(f -> {
                try {
                    return f.getFileName() + ":" + Files.size(f);
                } catch (IOException e) {
                    return f.getFileName() + ":?";
                }
            }).collect(Collectors.joining(" "));
        }
    }
}
