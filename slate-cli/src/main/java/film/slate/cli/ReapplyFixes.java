package film.slate.cli;

import film.slate.engine.build.BuildPlan;
import film.slate.engine.fix.Fixer;
import film.slate.engine.fix.Reapply;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.store.Actor;
import java.io.PrintWriter;
import java.time.Clock;

/** The {@code --reapply-fixes} step of {@code slate build}: one line per stale fix chain applied again (or not). */
final class ReapplyFixes {
    private ReapplyFixes() {
    }

    /** Reapplies; answers whether every stale chain was applied. */
    static boolean run(Workspace ws, BuildPlan plan, PrintWriter out, PrintWriter err) {
        Ffmpeg ffmpeg;
        try {
            ffmpeg = Ffmpeg.find();
        } catch (FfmpegException e) {
            err.println("slate build: cannot reapply fixes: " + e.getMessage());
            return false;
        }
        Fixer fixer = new Fixer(ws.store, ws.backends, ffmpeg, Clock.systemUTC(), Actor.current());
        boolean all = true;
        for (Reapply.Outcome o : Reapply.run(ws.store, ws.backends, fixer, plan.takes())) {
            for (Fixer.Made m : o.made()) {
                out.println("reapplied " + o.take() + ": fix " + m.fix().id().substring(0, 12) + " frames "
                        + m.fix().edit().frames() + " as version " + m.version().version()
                        + (m.existed() ? " (made before)" : ""));
            }
            if (o.refused().isPresent()) {
                all = false;
                err.println("slate build: " + film.slate.core.diagnostic.TerminalText.escape(o.refused().get()));
            }
        }
        return all;
    }
}
