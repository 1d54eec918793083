package film.slate.cli;

import film.slate.core.recipe.FixEdit;
import film.slate.core.recipe.Recipe;
import film.slate.engine.build.PlannedTake;
import film.slate.engine.fix.Lineage;
import film.slate.store.db.DecisionRecord;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slate history SHOT [DIR] [--format json]}: the version tree of each take of a shot
 * (renders, fixes and their parents, reuses), which versions are stale, and every verdict.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Show the version tree of each take of a shot: renders, fixes, approvals.")
final class HistoryCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    ShotArguments arguments;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format = Format.text;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Workspace ws = Workspace.lookAt(arguments.dir(), Rig.of(spec))) {
            String shot = ws.shot(arguments.shot);
            Lineage tree = Lineage.of(ws.store, shot, current(ws, shot));
            if (format == Format.json) {
                out.println(json(tree));
            } else {
                text(tree, out);
            }
            return ExitCode.OK;
        } catch (CommandError e) {
            err.println("slate history: " + e.getMessage());
            return e.exitCode();
        }
    }

    /** Each take's recipe compiled now, for the backend its versions were rendered with (none when it cannot compile). */
    private static Map<Integer, String> current(Workspace ws, String shot) {
        Map<Integer, String> out = new HashMap<>();
        Map<Integer, String> backends = new HashMap<>();
        for (var t : ws.store.takes().ofShot(shot)) {
            ws.store.recipes().get(t.recipe()).map(Recipe::backend).ifPresent(b -> backends.putIfAbsent(t.take(), b));
        }
        for (String backend : new java.util.TreeSet<>(backends.values())) {
            try {
                for (PlannedTake p : ws.plan(Optional.of(backend), Optional.of(shot), Optional.empty()).takes()) {
                    if (backend.equals(backends.get(p.recipe().take()))) {
                        out.put(p.recipe().take(), p.recipe().id());
                    }
                }
            } catch (CommandError e) {
                // a backend slate.yaml no longer has: its takes are shown without a current recipe
            }
        }
        return out;
    }

    private static void text(Lineage tree, PrintWriter out) {
        if (tree.takes().isEmpty()) {
            out.println(tree.shot() + ": no takes yet");
        }
        for (Lineage.Take t : tree.takes()) {
            out.println(tree.shot() + " take " + t.take() + t.current().map(c -> " (recipe now " + c.substring(0, 12) + ")")
                    .orElse(""));
            for (Lineage.Version v : t.versions()) {
                StringBuilder line = new StringBuilder("  " + "  ".repeat(v.depth(t.versions())));
                line.append('v').append(v.version()).append("  ").append(v.kind().word());
                v.parent().ifPresent(p -> line.append(" of v").append(p));
                line.append("  ").append(v.record().recipe(), 0, 12).append("  ").append(v.record().backend());
                v.fix().ifPresent(f -> line.append("  ").append(describe(f.edit())));
                if (v.stale()) {
                    line.append(v.fix().isPresent() ? "  stale: its parent's recipe changed (edit kept; slate build"
                            + " --reapply-fixes)" : "  stale");
                }
                if (v.approved()) {
                    line.append("  APPROVED");
                }
                out.println(safe(line.toString()));
                for (DecisionRecord d : v.decisions()) {
                    out.println(safe("  " + "  ".repeat(v.depth(t.versions())) + "    " + d.verdict().word()
                            + " by " + d.actor() + " at " + Instant.ofEpochMilli(d.at())
                            + d.reason().map(r -> ": " + r).orElse("")));
                }
            }
        }
    }

    private static String safe(String s) {
        return film.slate.core.diagnostic.TerminalText.escape(s);
    }

    /** {@code frames 10-30, mask 1a2b3c4d5e6f, feather 4, set time=DAY, prompt "..."}. */
    static String describe(FixEdit e) {
        StringBuilder b = new StringBuilder("frames " + e.frames() + ", mask " + e.mask().substring(0, 12));
        if (e.feather() > 0) {
            b.append(", feather ").append(e.feather());
        }
        e.set().forEach((k, v) -> b.append(", set ").append(k).append('=').append(v));
        e.prompt().ifPresent(p -> b.append(", prompt \"").append(p).append('"'));
        return b.toString();
    }

    private static String json(Lineage tree) {
        return film.slate.engine.fix.LineageJson.of(tree).toString();
    }
}
