package film.slate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import film.slate.core.model.Production;
import film.slate.core.plan.CameraIntents;
import film.slate.core.plan.Plan;
import film.slate.core.plan.PlanProblem;
import film.slate.core.plan.PlanStyle;
import film.slate.core.plan.PlannedShot;
import film.slate.core.plan.ScenePlanner;
import film.slate.core.read.NotAProductionException;
import film.slate.core.read.ProductionReader;
import film.slate.media.file.WholeFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate plan}: drafts the coverage of a scene as a shots file that checks clean. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Draft a shot list for a scene from its screenplay and blocking: a wide master, over-the-shoulders"
                + " and singles for each pair in dialogue, reactions; every camera on one side of the action line,"
                + " sized by lens and distance, timed by the dialogue.",
            "Prints the shots file (or writes it with --out FILE, or into the scene's own shots file with --write when"
                    + " the scene has no shots yet). --explain SHOT says where that shot's camera stands and why: a"
                    + " camera by intent in the shots file where the solver placed it, else the drafted one.",
            "Exit codes: 0 done, 2 cannot run (no such scene or folder, bad options, --write over shots),"
                    + " 3 the scene cannot be covered (the sentence names the constraint), 4 cannot write."})
public final class PlanCommand implements Callable<Integer> {

    enum Format { yaml, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENE", description = "The scene number (as the screenplay numbers it).")
    String scene;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path dir;

    @Option(names = "--style", paramLabel = "STYLE", description = "classic (default), intimate or kinetic.")
    String style = "classic";

    @Option(names = "--shots", paramLabel = "N", description = "At most N shots.")
    Integer shots;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the shots file to FILE.")
    Path out;

    @Option(names = "--write", description = "Write the scene's own shots file; only when it has no shots yet.")
    boolean write;

    @Option(names = "--format", paramLabel = "FORMAT", description = "yaml (default) or json.")
    Format format = Format.yaml;

    @Option(names = "--explain", paramLabel = "SHOT", description = "Say where the camera of SHOT (1/1B) stands and why: solved from its"
            + " intent, or as drafted.")
    String explain;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(err);
        } catch (CommandError e) {
            err.println("slate plan: " + e.getMessage());
            return e.exitCode();
        }
    }

    private int run(PrintWriter err) throws CommandError {
        if (explain != null && dir == null && scene != null) {
            dir = Path.of(scene); // 'slate plan --explain 1/1B DIR'
            scene = null;
        }
        Path folder = dir == null ? Path.of(".") : dir;
        String number = explain != null ? explain.contains("/") ? explain.substring(0, explain.indexOf('/')) : explain : scene;
        if (number == null || number.isBlank()) {
            throw new CommandError(ExitCode.CANNOT_RUN, "name the scene to plan, e.g. 'slate plan 1', or a shot to explain,"
                    + " e.g. 'slate plan --explain 1/1B'");
        }
        if (out != null && write) {
            throw new CommandError(ExitCode.CANNOT_RUN, "--out and --write both say where to write; give one of them");
        }
        CameraIntents.Solved solved = read(folder);
        if (explain != null && solved.why().containsKey(explain)) { // a camera by intent in the shots file: its solution
            spec.commandLine().getOut().println(explain + ": " + solved.why().get(explain));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
        Production production = solved.read().production();
        Plan plan;
        try {
            plan = ScenePlanner.plan(production, number, new ScenePlanner.Options(style(),
                    shots == null ? OptionalInt.empty() : OptionalInt.of(shots)));
        } catch (PlanProblem e) {
            throw new CommandError(e.badInput() ? ExitCode.CANNOT_RUN : ExitCode.INVALID_PRODUCTION, e.getMessage());
        }
        for (String note : plan.notes()) {
            err.println("slate plan: note: " + note);
        }
        if (explain != null) {
            return explain(plan);
        }
        String text = format == Format.json ? json(plan) : plan.yaml();
        if (write) {
            writeScene(folder, plan, text);
        } else if (out != null) {
            save(out, text);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return ExitCode.OK;
    }

    private PlanStyle style() throws CommandError {
        try {
            return PlanStyle.valueOf(style.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, "--style is '" + style + "'; use classic, intimate or kinetic");
        }
    }

    private static CameraIntents.Solved read(Path folder) throws CommandError {
        if (!Files.isDirectory(folder)) {
            throw new CommandError(ExitCode.CANNOT_RUN, folder + " is not a folder; name the production folder");
        }
        try {
            return CameraIntents.solved(ProductionReader.read(folder));
        } catch (NotAProductionException e) {
            throw new CommandError(ExitCode.CANNOT_RUN, e.getMessage());
        }
    }

    private int explain(Plan plan) throws CommandError {
        PlannedShot shot = plan.shot(explain).orElseThrow(() -> new CommandError(ExitCode.CANNOT_RUN, "the plan of scene "
                + plan.scene() + " has no shot " + explain + "; its shots are "
                + String.join(", ", plan.shots().stream().map(s -> plan.scene() + "/" + s.id()).toList())));
        PrintWriter o = spec.commandLine().getOut();
        o.println(plan.scene() + "/" + shot.id() + ": " + shot.why());
        o.flush();
        return ExitCode.OK;
    }

    private void writeScene(Path folder, Plan plan, String text) throws CommandError {
        if (plan.existingShots() > 0) {
            throw new CommandError(ExitCode.CANNOT_RUN, "scene " + plan.scene() + " already has " + plan.existingShots()
                    + " shots in " + plan.file().orElse("its shots file") + "; --write only fills a scene with no shots,"
                    + " so use --out FILE to write the draft beside it");
        }
        String file = plan.file().orElse("shots/" + (plan.scene().matches("\\d+")
                ? String.format(Locale.ROOT, "%03d", Integer.parseInt(plan.scene())) : plan.scene()) + ".yaml");
        Path target = folder.resolve(file);
        if (plan.file().isEmpty() && Files.exists(target)) {
            throw new CommandError(ExitCode.CANNOT_RUN, file + " already exists and plans another scene; use --out FILE");
        }
        save(target, text);
        spec.commandLine().getErr().println("slate plan: wrote " + file + " (" + plan.shots().size() + " shots)");
    }

    private static void save(Path target, String text) throws CommandError {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            WholeFile.text(target, text);
        } catch (IOException e) {
            throw new CommandError(ExitCode.IO, "cannot write " + target + " (" + e.getMessage() + "); choose another file");
        }
    }

    /** The plan as JSON: each shot with its idiom, camera and reason, and the shots file text. */
    static String json(Plan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scene", plan.scene());
        root.put("style", plan.style().word());
        root.put("notes", plan.notes());
        List<Map<String, Object>> shots = plan.shots().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", plan.scene() + "/" + s.id());
            m.put("idiom", s.idiom().name().toLowerCase(Locale.ROOT));
            m.put("framing", s.framing().name());
            m.put("subjects", s.subjects());
            Map<String, Object> camera = new LinkedHashMap<>();
            camera.put("at", List.of(s.at().x(), s.at().y()));
            camera.put("height", s.height());
            camera.put("lens", s.lens());
            camera.put("look_at", s.lookAt().character().isPresent() ? s.lookAt().character().get()
                    : List.of(s.lookAt().point().orElseThrow().x(), s.lookAt().point().orElseThrow().y(),
                            s.lookAt().z().orElse(s.height())));
            m.put("camera", camera);
            m.put("duration", s.duration());
            m.put("lines", s.lines());
            m.put("action", s.action());
            m.put("why", s.why());
            return m;
        }).toList();
        root.put("shots", shots);
        root.put("yaml", plan.yaml());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
