package film.slate.cli;

import film.slate.core.lock.LockedShotException;
import film.slate.engine.fix.FixOrder;
import film.slate.engine.fix.FixRefused;
import film.slate.engine.fix.Fixer;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.store.Actor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slate fix SHOT --take N [--version V] --frames A-B [--region x,y,w,h | --mask FILE.png |
 * --subject C] [--prompt TEXT] [--set FIELD=VALUE]... [--backend NAME] [--feather PX]}: a new version
 * of the take whose pixels change only inside the mask and the frame range.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = "Re-render a region and frame range of a take; every other pixel stays the parent's, bit for bit.")
final class FixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ShotArguments arguments;

    @Option(names = "--take", paramLabel = "N", required = true, description = "The take to fix.")
    int take;

    @Option(names = "--version", paramLabel = "V", description = "The version to fix (default: the latest).")
    Integer version;

    @Option(names = "--frames", paramLabel = "A-B", required = true,
            description = "Frames to fix, from 0 within the shot, both ends included.")
    String frames;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    static final class Where {
        @Option(names = "--region", paramLabel = "x,y,w,h", description = "A rectangle in pixels of the format.")
        String region;

        @Option(names = "--mask", paramLabel = "FILE.png", description = "A mask of the picture's size, white inside.")
        Path mask;

        @Option(names = "--subject", paramLabel = "CHARACTER", description = "The character's mask from previz.")
        String subject;
    }

    @Option(names = "--prompt", paramLabel = "TEXT", description = "The prompt the region is rendered with.")
    String prompt;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "A field to change: prompt, negative, action,"
            + " time, seed, color.CHARACTER.")
    List<String> set = List.of();

    @Option(names = "--backend", paramLabel = "NAME", description = "The backend that renders the region (default: the"
            + " take's).")
    String backend;

    @Option(names = "--feather", paramLabel = "PX", description = "Fade the mask's edge inward over PX pixels (default: 0).")
    int feather;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Workspace ws = Workspace.open(arguments.dir(), Rig.of(spec))) {
            FixOrder order = order(ws.shot(arguments.shot));
            ws.lock().refuse(order.shot(), "fix"); // a locked picture is final
            Fixer fixer = new Fixer(ws.store, ws.backends, ffmpeg(), Clock.systemUTC(), Actor.current());
            Fixer.Made made = fixer.fix(order);
            var v = made.version();
            out.println(v.label() + " v" + v.version() + ": fix " + made.fix().id().substring(0, 12) + " of recipe "
                    + made.fix().parent().substring(0, 12) + ", frames " + made.fix().edit().frames() + " by "
                    + made.fix().edit().backend().name() + (made.existed() ? "; made before, nothing rendered" : "")
                    + "; master " + v.master().orElse("?").substring(0, 12)
                    + made.composite().map(r -> String.format(java.util.Locale.ROOT, "; composite step %.1f ms for %d frames",
                            r.compositeNanos() / 1e6, r.changed())).orElse(""));
            return ExitCode.OK;
        } catch (CommandError e) {
            err.println("slate fix: " + e.getMessage());
            return e.exitCode();
        } catch (FixRefused e) {
            err.println("slate fix: " + e.getMessage());
            return e.exitCode();
        } catch (LockedShotException e) {
            err.println("slate fix: " + e.getMessage());
            return ExitCode.CANNOT_RUN;
        }
    }

    private static Ffmpeg ffmpeg() throws CommandError {
        try {
            return Ffmpeg.find();
        } catch (FfmpegException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage());
        }
    }

    /** The order, from the options; a malformed value is one sentence (exit 2). */
    private FixOrder order(String shot) throws CommandError {
        if (take < 1) {
            throw bad("--take " + take + " is not a take; takes count from 1");
        }
        int[] range = numbers("--frames", frames, "-", 2);
        FixOrder.Where w;
        if (where.region != null) {
            int[] r = numbers("--region", where.region, ",", 4);
            w = new FixOrder.Region(r[0], r[1], r[2], r[3]);
        } else if (where.mask != null) {
            w = new FixOrder.MaskFile(where.mask);
        } else {
            w = new FixOrder.Subject(where.subject);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String s : set) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw bad("--set " + s + " is not FIELD=VALUE, e.g. --set time=NIGHT");
            }
            fields.put(s.substring(0, eq), s.substring(eq + 1));
        }
        if (range[0] > range[1]) {
            throw bad("--frames " + frames + " ends before it starts; write A-B with A <= B");
        }
        if (feather < 0) {
            throw bad("--feather " + feather + " is negative; give 0 or more pixels");
        }
        return new FixOrder(shot, take, Optional.ofNullable(version), range[0], range[1], w, Optional.ofNullable(prompt),
                fields, Optional.ofNullable(backend), feather);
    }

    private static int[] numbers(String option, String text, String separator, int count) throws CommandError {
        String[] parts = text.split(java.util.regex.Pattern.quote(separator), -1);
        if (parts.length != count) {
            throw bad(option + " " + text + " is not " + count + " whole numbers separated by '" + separator + "'");
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw bad(option + " " + text + " is not " + count + " whole numbers separated by '" + separator + "'");
            }
        }
        return out;
    }

    private static CommandError bad(String sentence) {
        return new CommandError(ExitCode.CANNOT_RUN, sentence);
    }
}
