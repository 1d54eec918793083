import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.read.ProductionReader;
import film.slate.media.ffmpeg.EncodeTargets;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.previz.MaskAndPoseRender;
import film.slate.media.previz.Previz;
import film.slate.media.previz.PrevizRender;
import film.slate.media.previz.PrevizShot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * One whole process of the masks-and-pose benchmark (see bench/RESULTS.md, run by
 * bench/passes/run.sh): take 1 of every shot of a production, either as the previz backend renders
 * it ({@code previz}: FFV1 master and H.264 proxy; {@code previz+depth}: and the FFV1 depth it wrote
 * before slate-previz/3), or as its pass alone ({@code passes}: every cast member's first-frame mask
 * as a PNG and every frame's masks as one FFV1 ID matte, the pose as a PNG and every frame's
 * keypoints as JSON), or previz with that pass drawn in the previz render's own frame loop
 * ({@code previz+passes}: the same files, each frame staged once), or the pass and then every file a
 * backend could bind made from it ({@code passes+binds}: each cast member's mask video split from
 * the matte, the pose video drawn from the keypoints), or those files drawn straight in one loop as
 * a take that binds them all gets them ({@code binds}: the stills, every cast member's mask video,
 * the pose video, all QuickTime Animation {@code .mov}s from one FFmpeg). The pass's extra cost in previz's loop is {@code previz+passes} less
 * {@code previz}.
 * Prints the frames and the time inside the process; the script times the process. Not a test.
 */
public class PassesBench {
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        String mode = args[0];
        Production production = ProductionReader.read(Path.of(args[1])).production();
        // PASSES_KEEP=dir keeps the outputs there, to compare their bytes between two trees.
        String keep = System.getenv("PASSES_KEEP");
        Path out = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("slate-passes-bench");
        Previz previz = Previz.of(production);
        Ffmpeg ffmpeg = Ffmpeg.find();
        long t0 = System.nanoTime();
        int frames = 0;
        int shots = 0;
        for (Shot s : production.shots()) {
            PrevizShot shot = previz.shot(s.fullId(), 1).orElseThrow();
            Path dir = Files.createDirectories(out.resolve(s.fullId().replace('/', '-')));
            if (mode.equals("previz")) {
                PrevizRender.encode(shot, ffmpeg, EncodeTargets.both(dir.resolve("master.mkv"), dir.resolve("proxy.mp4")),
                        Optional.empty(), Optional.empty());
            } else if (mode.equals("previz+depth")) { // what previz rendered before slate-previz/3
                PrevizRender.encode(shot, ffmpeg, EncodeTargets.both(dir.resolve("master.mkv"), dir.resolve("proxy.mp4")),
                        Optional.of(EncodeTargets.masterOnly(dir.resolve("depth.mkv"))), Optional.empty());
            } else if (mode.equals("previz+passes")) {
                PrevizRender.encode(shot, ffmpeg, EncodeTargets.both(dir.resolve("master.mkv"), dir.resolve("proxy.mp4")),
                        dir, MaskAndPoseRender.Videos.all());
            } else if (mode.equals("passes")) {
                MaskAndPoseRender.all(shot, ffmpeg, dir);
            } else if (mode.equals("binds")) { // every file a backend could bind, drawn in one loop as a take does
                MaskAndPoseRender.render(shot, ffmpeg, dir, MaskAndPoseRender.Videos.bound(Set.copyOf(shot.cast()), true));
            } else { // passes+binds: the pass, then every file a backend could bind made from it
                MaskAndPoseRender.Passes pass = MaskAndPoseRender.all(shot, ffmpeg, dir);
                for (int i = 0; i < pass.cast().size(); i++) {
                    MaskAndPoseRender.maskVideo(pass, ffmpeg, pass.cast().get(i), dir.resolve("mask-" + i + ".mov"));
                }
                MaskAndPoseRender.poseVideo(pass, ffmpeg, dir.resolve("pose.mov"));
            }
            frames += shot.frames();
            shots++;
        }
        // The JVM's own CPU (drawing, piping, start-up); the rest of the script's CPU figure is FFmpeg's.
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        System.out.printf("%s: %d shots, %d frames, %.0f ms inside the process, JVM CPU %.1f s%n", mode, shots, frames,
                (System.nanoTime() - t0) / 1e6, jvm / 1e9);
        if (keep != null) {
            return;
        }
        try (var files = Files.walk(out)) { // the outputs are only measured, never kept
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
