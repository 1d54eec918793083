package film.slate.cli;

import film.slate.core.breakdown.Breakdown;
import film.slate.core.breakdown.BreakdownTotals;
import film.slate.core.breakdown.CastMember;
import film.slate.core.breakdown.SceneBreakdown;
import film.slate.core.screenplay.Pagination;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The breakdown as a printable stripboard: one strip per scene in the industry colours, a button to
 * sort by location (and back to script order), cast numbers on each strip (names on hover), totals and the
 * numbered cast list. One self-contained page.
 */
final class BreakdownHtml {
    private static final String STYLE = """
            body { font: 12px/1.35 "Courier New", Courier, monospace; margin: 1.5em; color: #111; }
            h1 { font-size: 16px; margin: 0 0 .5em; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #555; padding: 3px 6px; text-align: left; vertical-align: top; }
            th { background: #ddd; }
            tr.white td { background: #ffffff; }
            tr.yellow td { background: #fff59d; }
            tr.blue td { background: #90caf9; }
            tr.green td { background: #a5d6a7; }
            tr.grey td { background: #e0e0e0; }
            td.num { text-align: right; white-space: nowrap; }
            .legend span { display: inline-block; border: 1px solid #555; padding: 0 6px; margin-right: 4px; }
            button { margin: 0 .5em .5em 0; }
            @media print { button { display: none; } tr { break-inside: avoid; }
              td { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
            """;
    private static final String SCRIPT = """
            function sortStrips(by) {
              const body = document.getElementById('strips');
              const rows = Array.from(body.rows);
              rows.sort((a, b) => by === 'location'
                ? a.dataset.location.localeCompare(b.dataset.location) || a.dataset.ordinal - b.dataset.ordinal
                : a.dataset.ordinal - b.dataset.ordinal);
              rows.forEach(r => body.appendChild(r));
            }
            """;

    private BreakdownHtml() {
    }

    static String render(Breakdown b) {
        StringBuilder o = new StringBuilder(8192);
        String title = b.title().isBlank() ? b.file() : b.title().replace('\n', ' ');
        o.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Stripboard: ")
                .append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n<script>\n")
                .append(SCRIPT).append("</script>\n</head>\n<body>\n<h1>Stripboard: ").append(esc(title))
                .append("</h1>\n<p class=\"legend\"><span style=\"background:#fff\">INT DAY</span>"
                        + "<span style=\"background:#fff59d\">EXT DAY</span>"
                        + "<span style=\"background:#90caf9\">INT NIGHT</span>"
                        + "<span style=\"background:#a5d6a7\">EXT NIGHT</span>"
                        + "<span style=\"background:#e0e0e0\">other</span></p>\n")
                .append("<p><button type=\"button\" onclick=\"sortStrips('location')\">Sort by location</button>"
                        + "<button type=\"button\" onclick=\"sortStrips('scene')\">Script order</button></p>\n")
                .append("<table>\n<thead><tr><th>Scene</th><th>I/E</th><th>Location</th><th>Time</th>"
                        + "<th>Pages</th><th>Est.</th><th>Cast</th><th>Props</th><th>Shots</th></tr></thead>\n"
                        + "<tbody id=\"strips\">\n");
        for (SceneBreakdown s : b.scenes()) {
            String cast = String.join(", ", s.speakingCast());
            if (!s.nonSpeakingCast().isEmpty()) {
                cast += (cast.isEmpty() ? "" : "; ") + "(" + String.join(", ", s.nonSpeakingCast()) + ")";
            }
            String numbers = s.castNumbers().stream().map(String::valueOf).collect(Collectors.joining(", "));
            o.append("<tr class=\"").append(s.stripColour()).append("\" data-ordinal=\"").append(s.ordinal())
                    .append("\" data-location=\"").append(esc(s.location())).append("\">")
                    .append("<td class=\"num\">").append(esc(s.number())).append("</td>")
                    .append("<td>").append(esc(s.interior())).append("</td>")
                    .append("<td>").append(esc(s.location())).append("</td>")
                    .append("<td>").append(esc(s.timeAsRead())).append("</td>")
                    .append("<td class=\"num\">").append(Pagination.formatEighths(s.eighths())).append("</td>")
                    .append("<td class=\"num\">").append(BreakdownReport.clock(s.screenSeconds())).append("</td>")
                    .append("<td class=\"cast\" title=\"").append(esc(cast)).append("\">").append(esc(numbers))
                    .append("</td>")
                    .append("<td>").append(esc(String.join(", ", s.props()))).append("</td>")
                    .append("<td class=\"num\">").append(s.shots().map(p -> p.count() + " / "
                            + BreakdownReport.clock(p.seconds())).orElse("")).append("</td></tr>\n");
        }
        BreakdownTotals t = b.totals();
        o.append("</tbody>\n</table>\n<h2>Totals</h2>\n<p>").append(String.format(Locale.ROOT,
                "%d pages (%s in eighths), %d scenes, running time about %s. Day %d, night %d, no time %d."
                        + " INT %d, EXT %d, INT/EXT %d.", t.pages(), Pagination.formatEighths(t.eighths()),
                t.scenes(), BreakdownReport.clock(t.runningSeconds()), t.day(), t.night(), t.unknownTime(),
                t.interior(), t.exterior(), t.interiorExterior()));
        if (t.plannedShots() > 0) {
            o.append(" Shots planned: ").append(t.plannedShots()).append(", ")
                    .append(BreakdownReport.clock(t.plannedSeconds())).append('.');
        }
        o.append("</p>\n<h2>Cast</h2>\n<table>\n<thead><tr><th>No.</th><th>Character</th><th>Scenes</th>"
                + "<th>Speaking</th><th>First scene</th><th>Words</th></tr></thead>\n<tbody>\n");
        for (CastMember c : t.cast()) {
            o.append("<tr><td class=\"num\">").append(c.number()).append("</td><td>").append(esc(c.character()))
                    .append("</td><td class=\"num\">").append(c.scenes())
                    .append("</td><td class=\"num\">").append(c.speakingScenes()).append("</td><td>")
                    .append(esc(c.firstScene())).append("</td><td class=\"num\">").append(c.words())
                    .append("</td></tr>\n");
        }
        o.append("</tbody>\n</table>\n</body>\n</html>\n");
        return o.toString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
