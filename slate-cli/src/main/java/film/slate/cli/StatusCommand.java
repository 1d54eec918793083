package film.slate.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import film.slate.core.diagnostic.TerminalText;
import film.slate.core.lock.LockedShot;
import film.slate.core.lock.PictureLock;
import film.slate.engine.build.Status;
import film.slate.engine.build.TakeState;
import film.slate.store.db.Decisions;
import film.slate.store.db.TakeVersion;
import java.io.IOException;
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

    private static final JsonFactory JSON = new JsonFactory();

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
                json(out, shots, lock, ws.store.present() ? new Decisions(ws.store.database()).approvals() : Map.of());
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
        } catch (IOException e) {
            spec.commandLine().getErr().println("slate status: cannot write the answer (" + e.getMessage() + ")");
            return ExitCode.IO;
        }
    }

    /**
     * The JSON answer, one line, written as it is made: the same text a tree of nodes printed, without
     * first building a node for each of the thousands of takes of a feature.
     */
    static void json(PrintWriter out, Map<String, List<TakeState>> shots, PictureLock lock,
            Map<String, TakeVersion> approved) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeArrayFieldStart("shots");
            for (Map.Entry<String, List<TakeState>> s : shots.entrySet()) {
                String shot = s.getKey();
                g.writeStartObject();
                g.writeStringField("shot", shot);
                g.writeStringField("state", Status.shotState(s.getValue()));
                Optional<LockedShot> locked = lock.shot(shot);
                if (locked.isPresent()) {
                    LockedShot l = locked.get();
                    g.writeObjectFieldStart("locked");
                    g.writeNumberField("take", l.take());
                    g.writeNumberField("version", l.version());
                    g.writeStringField("recipe", l.recipe().id());
                    g.writeStringField("master", l.master());
                    g.writeStringField("by", l.by());
                    g.writeStringField("at", l.at().toString());
                    g.writeStringField("reason", l.reason().orElse(null));
                    g.writeEndObject();
                }
                g.writeArrayFieldStart("takes");
                for (TakeState t : s.getValue()) {
                    take(g, t, new TakeVersion(shot, t.take(), Math.max(1, t.version())).equals(approved.get(shot)));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }

    private static void take(JsonGenerator g, TakeState t, boolean approved) throws IOException {
        g.writeStartObject();
        g.writeNumberField("take", t.take());
        g.writeNumberField("version", t.version());
        g.writeStringField("recipe", t.recipe());
        g.writeStringField("state", t.state());
        g.writeBooleanField("approved", approved);
        g.writeStringField("master", t.master().orElse(null));
        if (t.reason().isPresent()) {
            g.writeStringField("reason", t.reason().get());
        }
        if (!t.changed().isEmpty()) {
            g.writeArrayFieldStart("why");
            for (String c : t.changed()) {
                g.writeString(c);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
