package film.slate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.fountain.Element;
import film.slate.core.finaldraft.FinalDraft;
import film.slate.core.fountain.FountainDocument;
import film.slate.core.fountain.FountainWriter;
import film.slate.core.screenplay.DialogueBlock;
import film.slate.core.screenplay.DialogueNumbers;
import film.slate.core.screenplay.Pagination;
import film.slate.core.screenplay.Screenplay;
import film.slate.core.screenplay.ScriptScene;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code slate script}: the parsed screenplay, for people (text) and for tools (JSON). */
@Command(name = "script", mixinStandardHelpOptions = true,
        description = {"Print the parsed screenplay (Fountain or Final Draft .fdx): the title page and every element"
                + " with its line; each scene's dialogue blocks are numbered as a shots file's 'lines:' counts them.",
            "Notes and boneyard are listed as elements; text keeps emphasis markers.",
            "--format fountain or fdx converts the screenplay to that format on the standard output.",
            "Exit codes: 0 done, 2 cannot run (no such file or folder, not a production, a Final Draft file that"
                    + " is not well-formed XML), 4 cannot read."})
public final class ScriptCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        text, json, fountain, fdx
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "DIR|FILE", defaultValue = ".",
            description = "A production folder (its slate.yaml names the screenplay) or a .fountain or .fdx file;"
                    + " default: the current folder.")
    Path path;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json, fountain or fdx (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FountainDocument document;
        try {
            document = ProductionFolder.open(path).screenplay();
        } catch (CommandError e) {
            err.println("slate: " + e.getMessage());
            return e.exitCode();
        }
        for (Diagnostic d : document.diagnostics()) {
            err.println(d);
        }
        switch (format) {
            case json -> out.println(json(document));
            case fountain -> out.print(FountainWriter.write(document));
            case fdx -> out.print(FinalDraft.write(document));
            case text -> text(document, out);
        }
        out.flush();
        return ExitCode.OK;
    }

    /**
     * The JSON of issue 6: {@code {"file", "title_page", "elements", "diagnostics"}}; a scene heading
     * also has {@code "scene"} (its number), a cue {@code "block"} (its dialogue block in the scene, what
     * a shot's {@code lines:} names), and {@code "scenes"} lists each scene's blocks.
     */
    static String json(FountainDocument document) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Screenplay screenplay = Screenplay.of(document);
        DialogueNumbers numbers = DialogueNumbers.of(screenplay);
        ObjectNode root = mapper.createObjectNode();
        root.put("file", document.file());
        ObjectNode title = root.putObject("title_page");
        document.titlePage().forEach(title::put);
        ArrayNode elements = root.putArray("elements");
        for (Element e : document.elements()) {
            ObjectNode o = elements.addObject();
            o.put("type", e.type().jsonName());
            o.put("text", e.text());
            o.put("line", e.position().line());
            o.put("column", e.position().column());
            e.sceneNumber().ifPresent(n -> o.put("scene_number", n));
            e.depth().ifPresent(d -> o.put("depth", d));
            e.dual().ifPresent(d -> o.put("dual", d));
            if (e.forced()) {
                o.put("forced", true);
            }
            e.name().ifPresent(n -> o.put("name", n));
            e.extension().ifPresent(x -> o.put("extension", x));
            numbers.scene(e).ifPresent(s -> o.put("scene", s.number()));
            numbers.block(e).ifPresent(b -> o.put("block", b.index()));
        }
        ArrayNode scenes = root.putArray("scenes");
        for (ScriptScene s : screenplay.scenes()) {
            ObjectNode o = scenes.addObject();
            o.put("number", s.number());
            o.put("heading", s.heading());
            o.put("line", s.position().line());
            ArrayNode blocks = o.putArray("dialogue");
            for (DialogueBlock b : s.dialogue()) {
                blocks.addObject().put("block", b.index()).put("character", b.character()).put("text", b.text())
                        .put("words", b.words()).put("line", b.position().line());
            }
        }
        ArrayNode diagnostics = root.putArray("diagnostics");
        for (Diagnostic d : document.diagnostics()) {
            ObjectNode o = diagnostics.addObject();
            o.put("rule", d.rule().id());
            o.put("severity", d.severity().word());
            o.put("file", d.position().file());
            o.put("line", d.position().line());
            o.put("column", d.position().column());
            o.put("message", d.message());
        }
        return root.toPrettyString();
    }

    private static void text(FountainDocument document, PrintWriter out) {
        Screenplay screenplay = Screenplay.of(document);
        DialogueNumbers numbers = DialogueNumbers.of(screenplay);
        for (Map.Entry<String, String> e : document.titlePage().entrySet()) {
            out.println(e.getKey() + ": " + e.getValue().replace("\n", "\n    "));
        }
        if (!document.titlePage().isEmpty()) {
            out.println();
        }
        for (Element e : document.elements()) {
            StringBuilder tags = new StringBuilder();
            numbers.scene(e).ifPresent(s -> tags.append(" scene ").append(s.number()));
            numbers.block(e).ifPresent(b -> tags.append(" block ").append(b.index()));
            e.sceneNumber().ifPresent(n -> tags.append(" #").append(n).append('#'));
            e.depth().ifPresent(d -> tags.append(" depth ").append(d));
            e.dual().ifPresent(d -> tags.append(" dual ").append(d));
            e.extension().ifPresent(x -> tags.append(" (").append(x).append(')'));
            if (e.forced()) {
                tags.append(" forced");
            }
            String where = e.position().line() + ":" + e.position().column();
            String head = String.format(Locale.ROOT, "%9s  %-14s", where, e.type().jsonName());
            out.println(head + e.text().replace("\n", "\n" + " ".repeat(head.length())) + (tags.length() > 0
                    ? "   [" + tags.toString().strip() + "]" : ""));
        }
        Pagination pages = Pagination.of(screenplay);
        out.println();
        out.println(document.file() + ": " + document.elements().size() + " elements, "
                + screenplay.scenes().size() + " scenes, " + pages.pageCount() + " pages ("
                + Pagination.formatEighths(pages.totalEighths()) + " in eighths)");
    }
}
