package film.slate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.breakdown.Breakdown;
import film.slate.core.breakdown.CastMember;
import film.slate.core.screenplay.Pagination;
import java.util.List;
import java.util.Locale;

/**
 * {@code slate breakdown --report cast}: per cast member, in billing order, the scenes they are in,
 * their pages in eighths, and their first and last appearance; as text, JSON, CSV and HTML.
 */
final class BreakdownCastReport {
    private BreakdownCastReport() {
    }

    static String text(Breakdown b) {
        StringBuilder o = new StringBuilder();
        o.append("Cast by scene of ").append(title(b)).append("\n\n");
        o.append(String.format(Locale.ROOT, "%4s  %-20s %6s %9s %7s %7s  %s%n", "No.", "Character", "Scenes",
                "Pages", "First", "Last", "Scenes in"));
        for (CastMember c : b.totals().cast()) {
            o.append(String.format(Locale.ROOT, "%4d  %-20s %6d %9s %7s %7s  %s%n", c.number(), c.character(),
                    c.scenes(), Pagination.formatEighths(c.eighths()), c.firstScene(), c.lastScene(),
                    String.join(", ", c.sceneNumbers())));
        }
        return o.toString();
    }

    static String json(Breakdown b) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("title", b.title());
        root.put("file", b.file());
        ArrayNode cast = root.putArray("cast");
        for (CastMember c : b.totals().cast()) {
            ObjectNode o = cast.addObject();
            o.put("number", c.number());
            o.put("character", c.character());
            o.put("scenes", c.scenes());
            o.put("speaking_scenes", c.speakingScenes());
            o.put("eighths", c.eighths());
            o.put("pages", Pagination.formatEighths(c.eighths()));
            o.put("first_scene", c.firstScene());
            o.put("last_scene", c.lastScene());
            o.put("words", c.words());
            ArrayNode in = o.putArray("scene_numbers");
            c.sceneNumbers().forEach(in::add);
        }
        return root.toPrettyString() + "\n";
    }

    static String csv(Breakdown b) {
        StringBuilder o = new StringBuilder();
        BreakdownReport.row(o, List.of("number", "character", "scenes", "speaking_scenes", "eighths", "pages",
                "first_scene", "last_scene", "words", "scene_numbers"));
        for (CastMember c : b.totals().cast()) {
            BreakdownReport.row(o, List.of(String.valueOf(c.number()), c.character(), String.valueOf(c.scenes()),
                    String.valueOf(c.speakingScenes()), String.valueOf(c.eighths()),
                    Pagination.formatEighths(c.eighths()), c.firstScene(), c.lastScene(), String.valueOf(c.words()),
                    String.join(";", c.sceneNumbers())));
        }
        return o.toString();
    }

    static String html(Breakdown b) {
        String title = BreakdownHtml.esc(title(b));
        StringBuilder o = new StringBuilder(4096);
        o.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Cast by scene: ")
                .append(title).append("</title>\n<style>\n")
                .append("body { font: 12px/1.35 \"Courier New\", Courier, monospace; margin: 1.5em; }\n")
                .append("table { border-collapse: collapse; width: 100%; }\n")
                .append("th, td { border: 1px solid #555; padding: 3px 6px; text-align: left; vertical-align: top; }\n")
                .append("th { background: #ddd; } td.num { text-align: right; white-space: nowrap; }\n")
                .append("</style>\n</head>\n<body>\n<h1>Cast by scene: ").append(title).append("</h1>\n<table>\n")
                .append("<thead><tr><th>No.</th><th>Character</th><th>Scenes</th><th>Pages</th><th>First</th>"
                        + "<th>Last</th><th>Scenes in</th></tr></thead>\n<tbody>\n");
        for (CastMember c : b.totals().cast()) {
            o.append("<tr><td class=\"num\">").append(c.number()).append("</td><td>")
                    .append(BreakdownHtml.esc(c.character())).append("</td><td class=\"num\">").append(c.scenes())
                    .append("</td><td class=\"num\">").append(Pagination.formatEighths(c.eighths()))
                    .append("</td><td>").append(BreakdownHtml.esc(c.firstScene())).append("</td><td>")
                    .append(BreakdownHtml.esc(c.lastScene())).append("</td><td>")
                    .append(BreakdownHtml.esc(String.join(", ", c.sceneNumbers()))).append("</td></tr>\n");
        }
        o.append("</tbody>\n</table>\n</body>\n</html>\n");
        return o.toString();
    }

    private static String title(Breakdown b) {
        return b.title().isBlank() ? b.file() : b.title().replace('\n', ' ');
    }
}
