package film.slate.engine.conditioning;

import film.slate.media.ffmpeg.ClipTranscoder;
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
 * format, as every backend's take is: such a clip is stored as it came (its stream copied), timed
 * beside the encoders' road it took before (FFV1 master and H.264 proxy from one FFmpeg process),
 * wall and CPU time. Run with
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
        // The clip as it is (the take's format: stored as it came) against the encoders' road it took before.
        Timing copied = new Timing();
        Timing encoded = new Timing();
        for (int run = 0; run < runs; run++) {
            int i = run;
            copied.time(() -> new Conform(ffmpeg).conform(new Footage.Clip(source), format,
                    EncodeTargets.both(tmp.resolve("master" + i + ".mkv"), tmp.resolve("proxy" + i + ".mp4"))));
            encoded.time(() -> ClipTranscoder.transcode(ffmpeg, source, 640, 360, 24, 120,
                    EncodeTargets.both(tmp.resolve("ffv1-" + i + ".mkv"), tmp.resolve("h264-" + i + ".mp4"))));
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        copied.print("stored as it came (stream copy)", runs, load);
        encoded.print("encoded (FFV1 + OpenH264, the road before)", runs, load);
    }

    /** Wall time and CPU time (this JVM and the FFmpeg processes it waited for) of each run. */
    private static final class Timing {
        private double best = Double.MAX_VALUE;
        private double sum;
        private double bestCpu = Double.MAX_VALUE;
        private double sumCpu;

        interface Run {
            void run() throws Exception;
        }

        void time(Run run) throws Exception {
            double c0 = cpuSeconds();
            long t0 = System.nanoTime();
            run.run();
            double s = (System.nanoTime() - t0) / 1e9;
            double c = cpuSeconds() - c0;
            best = Math.min(best, s);
            sum += s;
            bestCpu = Math.min(bestCpu, c);
            sumCpu += c;
        }

        void print(String road, int runs, double load) {
            System.out.printf(Locale.ROOT, "BENCH normalise 5 s 640x360 24 fps, %s: runs=%d wall best=%.3f s mean=%.3f s,"
                    + " cpu best=%.2f s mean=%.2f s; limit=0.3 s ratio=%.2f load=%.2f%n", road, runs, best, sum / runs,
                    bestCpu, sumCpu / runs, best / 0.3, load);
        }

        /** User and system time of this process and its reaped children, from /proc (Linux ticks of 10 ms). */
        private static double cpuSeconds() throws java.io.IOException {
            String stat = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14-17 of stat (utime, stime, cutime, cstime) are 11-14 after the command name.
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks / 100.0;
        }
    }
}
