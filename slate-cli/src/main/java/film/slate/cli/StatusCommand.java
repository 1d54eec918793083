package film.slate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.diagnostic.TerminalText;
import film.slate.core.lock.PictureLock;
import film.slate.engine.build.Status;
import film.slate.engine.build.TakeState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate status}: per shot, its takes and their state, and why a stale one is stale. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Per shot its takes and state: missing, queued, rendering, failed, rendered, stale.")
final class StatusCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir = Path.of(".");

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format = Format.text;

    @Option(names = "--backend", paramLabel = "NAME", description = "The backend whose takes to report (default: slate.yaml's).")
    String backend;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CachedPlan.Planned planned = CachedPlan.open(dir, Optional.ofNullable(backend), Optional.empty(),
                PlanCache.userCache(), Rig.of(spec))) {
            Workspace ws = planned.workspace();
            Map<String, List<TakeState>> shots = Status.of(planned.plan(), ws.store);
            PictureLock lock = ws.lock();
            if (format == Format.json) {
                var approved = ws.store.present() ? new film.slate.store.db.Decisions(ws.store.database()).approvals()
                        : Map.<String, film.slate.store.db.TakeVersion>of();
                ObjectMapper json = new ObjectMapper();
                ObjectNode root = json.createObjectNode();
                ArrayNode list = root.putArray("shots");
                shots.forEach((shot, takes) -> {
                    ObjectNode s = list.addObject().put("shot", shot).put("state", Status.shotState(takes));
                    lock.shot(shot).ifPresent(l -> s.putObject("locked").put("take", l.take()).put("version", l.version())
                            .put("recipe", l.recipe().id()).put("master", l.master()).put("by", l.by())
                            .put("at", l.at().toString()).put("reason", l.reason().orElse(null)));
                    ArrayNode ts = s.putArray("takes");
                    for (TakeState t : takes) {
                        ObjectNode o = ts.addObject().put("take", t.take()).put("version", t.version())
                                .put("recipe", t.recipe()).put("state", t.state())
                                .put("approved", new film.slate.store.db.TakeVersion(shot, t.take(), Math.max(1, t.version()))
                                        .equals(approved.get(shot)));
                        if (t.master().isPresent()) {
                            o.put("master", t.master().get());
                        } else {
                            o.putNull("master");
                        }
                        t.reason().ifPresent(r -> o.put("reason", r));
                        if (!t.changed().isEmpty()) {
                            ArrayNode why = o.putArray("why");
                            t.changed().forEach(why::add);
                        }
                    }
                });
                out.println(root);
            } else {
                shots.forEach((shot, takes) -> {
                    out.println(TerminalText.escape(String.format("%-12s %s", shot, Status.shotState(takes))
                            + lock.shot(shot).map(l -> "  locked on " + l.takeVersion()).orElse("")));
                    for (TakeState t : takes) {
                        out.println(TerminalText.escape(String.format("  take %d  %-9s v%d  %s%s", t.take(), t.state(),
                                t.version(), t.recipe().substring(0, 12),
                                t.changed().isEmpty() ? t.reason().map(r -> "  " + r).orElse("")
                                        : "  changed: " + String.join(", ", t.changed()))));
                    }
                });
            }
            out.flush();
            return ExitCode.OK;
        } catch (CommandError e) {
            spec.commandLine().getErr().println("slate status: " + e.getMessage());
            return e.exitCode();
        }
    }
}
