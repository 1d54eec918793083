package film.slate.cli;

import film.slate.core.model.Shot;
import film.slate.core.model.VideoFormat;
import film.slate.review.ReviewException;
import film.slate.review.TakeChoice;
import film.slate.store.db.NoteRecord;
import film.slate.store.db.Notes;
import film.slate.store.db.Region;
import film.slate.store.db.TakeVersion;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slate note}: a note on a take at a time. Seconds become whole frames from 0 at the
 * production's rate, and the region in pixels of the production's format becomes fractions of the
 * picture, so the note stays on its frame and its spot whatever size the take is shown at.
 */
@Command(name = "note", mixinStandardHelpOptions = true,
        description = "Leave a note on a take at a time (or a range), optionally on a region in pixels.")
final class NoteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHOT", description = "The shot, e.g. 1/1A.")
    String shot;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The note.")
    String text;

    @Option(names = {"-C", "--dir"}, paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    @picocli.CommandLine.Mixin
    TakeOptions take;

    @Option(names = "--at", required = true, paramLabel = "SECONDS", description = "Where in the take, in seconds from its start.")
    double at;

    @Option(names = "--to", paramLabel = "SECONDS", description = "The end of a range, in seconds.")
    Double to;

    @Option(names = "--region", paramLabel = "X,Y,W,H", description = "A rectangle in pixels of the production's format, from the top-left.")
    String region;

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(dir, Rig.of(spec))) {
            VideoFormat format = ws.production.manifest().format();
            String id = ws.shot(shot);
            Shot s = ws.production.shots().stream().filter(x -> x.fullId().equals(id)).findFirst().orElseThrow();
            long frame = frame(at, format, s, "--at");
            Optional<Long> end = to == null ? Optional.empty() : Optional.of(frame(to, format, s, "--to"));
            if (end.isPresent() && end.get() < frame) {
                throw new ReviewException("--to " + to + " comes before --at " + at + "; a range runs forward");
            }
            TakeVersion t = TakeChoice.choose(ws.store.takes(), shot, take.take(), take.version());
            NoteRecord n = new Notes(ws.store.database()).add(new Notes.Draft(t, frame, end, format.fps(), 1,
                    Optional.ofNullable(region).map(r -> rect(r, format)), text, Optional.empty()), take.by,
                    System.currentTimeMillis());
            spec.commandLine().getOut().println("note " + n.id() + " on " + t.label() + " at frame " + n.frame()
                    + n.endFrame().map(e -> " to " + e).orElse("") + " (" + format.fps() + " fps)");
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate note: " + e.getMessage());
            return e.exitCode();
        } catch (ReviewException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("slate note: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        }
    }

    private static long frame(double seconds, VideoFormat format, Shot shot, String option) throws ReviewException {
        long last = Math.max(0, format.frames(shot.duration()) - 1);
        long frame = Math.round(Math.floor(seconds * format.fps() + 1e-9));
        if (!(seconds >= 0) || frame > last) {
            throw new ReviewException(option + " " + seconds + " is outside shot " + shot.fullId() + ", which runs "
                    + shot.duration() + " s (frames 0 to " + last + " at " + format.fps() + " fps)");
        }
        return frame;
    }

    /** {@code x,y,w,h} in pixels to fractions of the picture. */
    static Region rect(String pixels, VideoFormat format) {
        String[] p = pixels.split(",");
        if (p.length != 4) {
            throw new IllegalArgumentException("--region is x,y,w,h in pixels of the " + format.width() + "x"
                    + format.height() + " picture, e.g. 100,50,320,180");
        }
        try {
            double x = Double.parseDouble(p[0].trim());
            double y = Double.parseDouble(p[1].trim());
            double w = Double.parseDouble(p[2].trim());
            double h = Double.parseDouble(p[3].trim());
            if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > format.width() || y + h > format.height()) {
                throw new IllegalArgumentException("--region " + pixels + " does not fit the " + format.width() + "x"
                        + format.height() + " picture; give x,y,w,h with x+w <= " + format.width() + " and y+h <= "
                        + format.height());
            }
            return new Region.Rect(x / format.width(), y / format.height(), w / format.width(), h / format.height());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--region is four numbers x,y,w,h in pixels, not " + pixels);
        }
    }
}
