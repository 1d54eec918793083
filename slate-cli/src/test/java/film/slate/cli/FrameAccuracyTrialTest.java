package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.recipe.Recipe;
import film.slate.core.testing.SyntheticProduction;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.review.ReviewServer;
import film.slate.store.db.Takes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The player's frame accuracy, in Chromium: clips at 24, 25 and 30000/1001 fps whose every frame
 * carries its own number in ten black-or-white columns (bit b in column b) are seeked and stepped
 * at random; after each move the number read back from the canvas must be the frame the page
 * reports and the frame asked for. The player draws only once requestVideoFrameCallback reports
 * the frame presented (after 'seeked' alone, a loaded machine once showed the previous frame).
 * Raise the count with -Dslate.frame.trials=1000.
 */
class FrameAccuracyTrialTest {
    static final int FRAMES = 90;
    static final int BITS = 10;
    static final String READ = "const [src, num, den, frames, moves, bits, done] = arguments;"
            + "import('/static/player.js').then(async ({Player}) => {"
            + "  const c = document.createElement('canvas'); document.body.append(c);"
            + "  let reported = -1;"
            + "  const p = new Player(c, num, den, frames, (f) => { reported = f; });"
            + "  await p.load(src);"
            + "  if (!p.videos.every((v) => v.watched)) { done('this Chromium has no requestVideoFrameCallback'); return; }"
            + "  const g = c.getContext('2d', {willReadFrequently: true});"
            + "  const out = [];"
            + "  for (const [kind, value] of moves) {"
            + "    if (kind === 'seek') await p.seek(value); else await p.step(value);"
            + "    const d = g.getImageData(0, c.height >> 1, c.width, 1).data;"
            + "    let n = 0;"
            + "    for (let b = 0; b < bits; b++) { const x = Math.floor((b + 0.5) * c.width / bits); if (d[x * 4] > 128) n |= 1 << b; }"
            + "    out.push([reported, n]);"
            + "  }"
            + "  c.remove(); done(out);"
            + "}).catch((e) => done(String(e)));";

    @TempDir
    Path tmp;

    /** A clip whose frame N shows N in binary: column b white when bit b is set. */
    static Path clip(Path dir, String rate) throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        Path out = dir.resolve("clip-" + rate.replace('/', '_') + ".mp4");
        String encoders = run(ffmpeg, List.of("-encoders"));
        String h264 = encoders.contains(" libx264 ") ? "libx264" : "libopenh264";
        run(ffmpeg, List.of("-f", "lavfi", "-i", "color=c=black:s=320x180:r=" + rate + ",format=yuv420p,"
                + "geq=lum='255*mod(floor(N/pow(2\\,floor(X*" + BITS + "/W)))\\,2)':cb=128:cr=128", "-frames:v",
                String.valueOf(FRAMES), "-c:v", h264, "-b:v", "2M", "-pix_fmt", "yuv420p", "-movflags", "+faststart",
                out.toString()));
        return out;
    }

    static String run(Ffmpeg ffmpeg, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ffmpeg.executable(), "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // The shipped FFmpeg finds its libraries beside it.
        pb.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg.executable()).getParent().toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        return output;
    }

    @Test
    void everyFrameShownIsTheFrameReported() throws Exception {
        int trials = Integer.getInteger("slate.frame.trials", 45);
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3);
        List<String> rates = List.of("24/1", "25/1", "30000/1001");
        List<String> hashes = new ArrayList<>();
        try (Workspace ws = Workspace.open(dir)) {
            for (int i = 0; i < rates.size(); i++) {
                String hash = ws.store.objects().put(clip(tmp, rates.get(i)));
                hashes.add(hash);
                // the shot's own recipe, as compiled: the clip stands in for its render
                Recipe r = ws.plan(Optional.empty(), Optional.of("1/1S" + (i + 1)), Optional.of(1)).takes().get(0).recipe();
                ws.store.recipes().put(List.of(r));
                int n = i;
                ws.store.database().transaction(c -> ws.store.takes().append(c, "1/1S" + (n + 1), 1, r.id(), "clip",
                        new Takes.Output(hash, Optional.of(hash), Optional.empty()), 0, 1, OptionalDouble.empty()));
            }
            WebDriver driver = ReviewBrowserTest.chromium(Files.createDirectories(tmp.resolve("profile")));
            try (ReviewServer server = ReviewCommand.serve(ws, "127.0.0.1", 0, Clock.systemUTC())) {
                driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
                driver.get(server.address("trial"));
                Random random = new Random(13);
                for (int i = 0; i < rates.size(); i++) {
                    String[] rate = rates.get(i).split("/");
                    List<List<Object>> moves = new ArrayList<>();
                    List<Integer> expected = new ArrayList<>();
                    int at = 0;
                    for (int m = 0; m < Math.max(1, trials / rates.size()); m++) {
                        if (random.nextBoolean()) {
                            at = random.nextInt(FRAMES);
                            moves.add(List.of("seek", at));
                        } else {
                            int delta = random.nextInt(7) - 3;
                            at = Math.max(0, Math.min(FRAMES - 1, at + delta));
                            moves.add(List.of("step", delta));
                        }
                        expected.add(at);
                    }
                    Object result = ((JavascriptExecutor) driver).executeAsyncScript(READ, "/media/" + hashes.get(i),
                            Integer.parseInt(rate[0]), Integer.parseInt(rate[1]), FRAMES, moves, BITS);
                    assertThat(result).as(rates.get(i)).isInstanceOf(List.class);
                    List<?> pairs = (List<?>) result;
                    assertThat(pairs).hasSameSizeAs(moves);
                    for (int m = 0; m < pairs.size(); m++) {
                        List<?> pair = (List<?>) pairs.get(m);
                        long reported = ((Number) pair.get(0)).longValue();
                        long shown = ((Number) pair.get(1)).longValue();
                        assertThat(shown).as(rates.get(i) + " move " + m + " " + moves.get(m) + ": shown").isEqualTo(reported);
                        assertThat(reported).as(rates.get(i) + " move " + m + ": reported").isEqualTo(expected.get(m).longValue());
                    }
                }
            } finally {
                driver.quit();
            }
        }
    }
}
