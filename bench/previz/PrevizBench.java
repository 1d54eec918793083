import film.slate.core.read.ProductionReader;
import film.slate.media.board.Animatic;
import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoEncoder;
import film.slate.media.previz.BurnIn;
import film.slate.media.previz.Previz;
import film.slate.media.previz.PrevizRender;
import film.slate.media.previz.PrevizShot;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whole-process benchmark of previz (see bench/RESULTS-previz.md): render + FFV1 master + H.264
 * proxy at 1280x720 24 fps, against FFmpeg alone taking the same raw frames from a file into the
 * same two outputs (the limit); and an animatic against its running time. Not a test.
 */
public class PrevizBench {
    static final String SHOT = """
              - id: %s
                framing: WS
                subjects: [MARA, TOM]
                camera: { at: [3, -2], height: 1.6, lens: %d, look_at: [3, 3] }
                move: %s
                duration: %s
                blocking: { MARA: { to: [2.5, 3.5] } }
            """;

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("slate-bench");
        Path film = write(dir.resolve("film"));
        Previz previz = Previz.of(ProductionReader.read(film).production());
        Ffmpeg ffmpeg = Ffmpeg.find();
        PrevizShot shot = previz.shot("1/1", 1).orElseThrow();
        int n = shot.frames();

        // The raw frames, once, for the limit.
        Path raw = dir.resolve("frames.bgr24");
        try (OutputStream o = Files.newOutputStream(raw)) {
            for (int i = 0; i < n; i++) {
                o.write(bytes(shot.picture(i, BurnIn.SHOT)));
            }
        }
        // Warm-up: JIT and FFmpeg's first start.
        PrevizRender.encode(shot, ffmpeg, EncodeTargets.both(dir.resolve("w.mkv"), dir.resolve("w.mp4")), Optional.empty(),
                Optional.of(BurnIn.SHOT));
        double bestSlate = Double.MAX_VALUE;
        double bestLimit = Double.MAX_VALUE;
        double bestRender = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                shot.picture(i, BurnIn.SHOT);
            }
            bestRender = Math.min(bestRender, (System.nanoTime() - t0) / 1e9);

            t0 = System.nanoTime();
            PrevizRender.encode(shot, ffmpeg, EncodeTargets.both(dir.resolve("s.mkv"), dir.resolve("s.mp4")), Optional.empty(),
                    Optional.of(BurnIn.SHOT));
            bestSlate = Math.min(bestSlate, (System.nanoTime() - t0) / 1e9);

            t0 = System.nanoTime();
            try (InputStream in = Files.newInputStream(raw);
                    VideoEncoder e = VideoEncoder.open(ffmpeg, 1280, 720, 24, PixelFormat.BGR24,
                            EncodeTargets.both(dir.resolve("l.mkv"), dir.resolve("l.mp4")))) {
                for (int i = 0; i < n; i++) {
                    BufferedImage img = PixelFormat.BGR24.newImage(1280, 720);
                    in.readNBytes(bytes(img), 0, 1280 * 720 * 3);
                    e.write(img);
                }
            }
            bestLimit = Math.min(bestLimit, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "frames per shot:              %d (1280x720, 24 fps)%n", n);
        System.out.printf(Locale.ROOT, "render only (no encode):      %.1f fps%n", n / bestRender);
        System.out.printf(Locale.ROOT, "slate render+master+proxy:    %.1f fps%n", n / bestSlate);
        System.out.printf(Locale.ROOT, "ffmpeg alone, raw file (limit): %.1f fps%n", n / bestLimit);
        System.out.printf(Locale.ROOT, "ratio slate/limit:            %.2f%n", bestLimit / bestSlate);

        double running = previz.shots().stream().mapToDouble(s -> s.duration()).sum();
        double bestAnimatic = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            Animatic.write(previz, ffmpeg, dir.resolve("animatic.mp4"));
            bestAnimatic = Math.min(bestAnimatic, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "animatic: %.1f s of film in %.2f s = %.2fx real time%n", running, bestAnimatic,
                running / bestAnimatic);
        System.out.println("proxy encoder: " + (ffmpeg.toString()));
    }

    static Path write(Path film) throws Exception {
        Files.createDirectories(film.resolve("bible"));
        Files.createDirectories(film.resolve("shots"));
        Files.writeString(film.resolve("slate.yaml"), "title: Bench\nid: bench\nformat: { fps: 24, width: 1280, height: 720 }\n");
        Files.writeString(film.resolve("bible/characters.yaml"), """
                MARA: { name: Mara, description: keeper, height: 1.7, color: "#d02020" }
                TOM: { name: Tom, description: brother, height: 1.8, color: "#2040d0" }
                """);
        Files.writeString(film.resolve("bible/locations.yaml"), "ROOM: { heading: INT. ROOM, description: room, size: [6, 6] }\n");
        StringBuilder shots = new StringBuilder("""
                scene: 1
                location: ROOM
                time: NIGHT
                axis: [MARA, TOM]
                cast:
                  MARA: { at: [2, 3], facing: 90 }
                  TOM: { at: [4, 3], facing: 270 }
                shots:
                """);
        shots.append(String.format(Locale.ROOT, SHOT, "1", 24, "{ type: dolly, to: [3, 0] }", "10"));
        shots.append(String.format(Locale.ROOT, SHOT, "2", 35, "{ type: handheld }", "6"));
        shots.append(String.format(Locale.ROOT, SHOT, "3", 50, "{ type: pan, degrees: 20 }", "8"));
        shots.append(String.format(Locale.ROOT, SHOT, "4", 85, "{ type: orbit, degrees: 30 }", "6"));
        Files.writeString(film.resolve("shots/001.yaml"), shots.toString());
        return film;
    }

    static byte[] bytes(BufferedImage img) {
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }
}
