package film.slate.engine.conditioning;

import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.PixelFormat;
import film.slate.media.ffmpeg.VideoEncoder;
import film.slate.media.footage.Conform;
import film.slate.media.footage.Footage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a timed test: normalising a model's 5 s 640x360 clip (H.264, 24 fps) into a take of the same
 * format (FFV1 master and H.264 proxy), as every backend's take is; such a clip takes Conform's
 * fast road (one FFmpeg process, no frame through Java). Run with
 * {@code mvn -o -pl slate-engine -am test -Dtest=NormaliseBench -Dslate.bench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "slate.bench", matches = "true")
class NormaliseBench {
    @TempDir
    Path tmp;

    @Test
    void fiveSecondsAt640x360() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.find();
        Path source = tmp.resolve("model.mp4");
        try (VideoEncoder e = VideoEncoder.open(ffmpeg, 640, 360, 24, PixelFormat.BGR24, EncodeTargets.proxyOnly(source))) {
            for (int i = 0; i < 120; i++) {
                BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = img.createGraphics();
                g.setColor(new Color(i * 2, 90, 200 - i));
                g.fillRect(0, 0, 640, 360);
                g.setColor(Color.WHITE);
                g.fillOval(i * 4, 120, 80, 80);
                g.dispose();
                e.write(img);
            }
        }
        Conform.Format format = new Conform.Format(640, 360, 24, 120);
        int runs = Integer.getInteger("slate.bench.runs", 5);
        double best = Double.MAX_VALUE;
        double sum = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            new Conform(ffmpeg).conform(new Footage.Clip(source), format,
                    EncodeTargets.both(tmp.resolve("master" + i + ".mkv"), tmp.resolve("proxy" + i + ".mp4")));
            double s = (System.nanoTime() - t0) / 1e9;
            best = Math.min(best, s);
            sum += s;
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "BENCH normalise 5 s 640x360 24 fps runs=%d best=%.3f s mean=%.3f s limit=0.3 s"
                + " ratio=%.2f load=%.2f%n", runs, best, sum / runs, best / 0.3, load);
    }
}
