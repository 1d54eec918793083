package film.slate.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnostics in the three formats of {@code slate check}: compiler-style text, Slate's JSON
 * ({@code {"diagnostics":[...],"summary":{...}}}) and SARIF 2.1.0 for code-scanning tools.
 */
public final class DiagnosticReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Diagnostic> diagnostics;
    private final Map<Diagnostic, QuickFix> fixes;

    public DiagnosticReport(List<Diagnostic> diagnostics) {
        this(diagnostics, Map.of());
    }

    /** A report whose findings carry the suggested repairs {@code fixes} (text under the finding, SARIF {@code fixes}). */
    public DiagnosticReport(List<Diagnostic> diagnostics, Map<Diagnostic, QuickFix> fixes) {
        this.diagnostics = List.copyOf(diagnostics);
        this.fixes = Map.copyOf(fixes);
    }

    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        diagnostics.forEach(d -> counts.merge(d.severity(), 1, Integer::sum));
        return counts;
    }

    /** One line a finding, then a summary line. */
    public String text() {
        StringBuilder out = new StringBuilder();
        diagnostics.forEach(d -> {
            out.append(d).append('\n');
            if (fixes.containsKey(d)) {
                out.append("    fix: ").append(fixes.get(d).description()).append('\n');
            }
        });
        out.append(summary()).append('\n');
        return out.toString();
    }

    /** "2 errors, 1 warning, 0 infos". */
    public String summary() {
        Map<Severity, Integer> c = counts();
        return plural(c.get(Severity.ERROR), "error") + ", " + plural(c.get(Severity.WARNING), "warning") + ", "
                + plural(c.get(Severity.INFO), "info");
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            ObjectNode o = list.addObject();
            o.put("rule", d.rule().id());
            o.put("severity", d.severity().word());
            o.put("file", d.position().file());
            o.put("line", d.position().line());
            o.put("column", d.position().column());
            if (d.shot().isPresent()) {
                o.put("shot", d.shot().get());
            } else {
                o.putNull("shot");
            }
            o.put("message", d.message());
        }
        Map<Severity, Integer> c = counts();
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", c.get(Severity.ERROR));
        summary.put("warnings", c.get(Severity.WARNING));
        summary.put("infos", c.get(Severity.INFO));
        return write(root);
    }

    /** SARIF 2.1.0: one run, Slate as the tool driver with every rule described, one result a finding. */
    public String sarif(String version) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "slate");
        driver.put("version", version);
        ArrayNode rules = driver.putArray("rules");
        for (Rule r : Rule.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", r.id());
            rule.putObject("shortDescription").put("text", r.summary());
            rule.putObject("defaultConfiguration").put("level", level(r.severity()));
        }
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : diagnostics) {
            ObjectNode result = results.addObject();
            result.put("ruleId", d.rule().id());
            result.put("ruleIndex", d.rule().ordinal());
            result.put("level", level(d.severity()));
            result.putObject("message").put("text", d.message());
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", d.position().file()).put("uriBaseId", "%SRCROOT%");
            if (d.position().line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", d.position().line());
                region.put("startColumn", Math.max(1, d.position().column()));
            }
            d.shot().ifPresent(s -> result.putObject("properties").put("shot", s));
            if (fixes.containsKey(d)) {
                sarifFix(result.putArray("fixes").addObject(), fixes.get(d));
            }
        }
        return write(root);
    }

    /** A SARIF fix: its description and, per file, the replaced regions (end column exclusive) and their new text. */
    private static void sarifFix(ObjectNode fix, QuickFix quickFix) {
        fix.putObject("description").put("text", quickFix.description());
        ArrayNode changes = fix.putArray("artifactChanges");
        for (QuickFix.Edit e : quickFix.edits()) {
            ObjectNode change = changes.addObject();
            change.putObject("artifactLocation").put("uri", e.file()).put("uriBaseId", "%SRCROOT%");
            ObjectNode replacement = change.putArray("replacements").addObject();
            replacement.putObject("deletedRegion").put("startLine", e.line()).put("startColumn", e.column())
                    .put("endLine", e.line()).put("endColumn", e.column() + e.length());
            replacement.putObject("insertedContent").put("text", e.text());
        }
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
