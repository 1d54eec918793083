package film.slate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.breakdown.Breakdown;
import film.slate.core.breakdown.BreakdownTotals;
import film.slate.core.breakdown.CastMember;
import film.slate.core.breakdown.SceneBreakdown;
import film.slate.core.diagnostic.TerminalText;
import film.slate.core.screenplay.Pagination;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The breakdown as text, JSON and CSV. */
final class BreakdownReport {
    private BreakdownReport() {
    }

    /** {@code m:ss} or {@code h:mm:ss}. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String words(Map<String, Integer> words) {
        return words.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    static String text(Breakdown b) {
        StringBuilder o = new StringBuilder();
        o.append("Breakdown of ").append(b.title().isBlank() ? b.file() : b.title().replace('\n', ' ') + " ("
                + b.file() + ")").append("\n\n");
        for (SceneBreakdown s : b.scenes()) {
            o.append(String.format(Locale.ROOT, "Scene %-5s %s%n", s.number(), s.heading()));
            o.append(String.format(Locale.ROOT, "  %s %s, %s, %s pages, about %s (line %d)%n",
                    s.interior().isEmpty() ? "-" : s.interior(), s.timeAsRead().isEmpty() ? "-" : s.timeAsRead(),
                    s.location(), Pagination.formatEighths(s.eighths()), clock(s.screenSeconds()),
                    s.position().line()));
            if (!s.speakingCast().isEmpty()) {
                o.append("  speaking (words): ").append(words(s.words())).append('\n');
            }
            if (!s.castNumbers().isEmpty()) {
                o.append("  cast: ").append(s.castNumbers().stream().map(String::valueOf)
                        .collect(Collectors.joining(", "))).append('\n');
            }
            if (!s.nonSpeakingCast().isEmpty()) {
                o.append("  named in action: ").append(String.join(", ", s.nonSpeakingCast())).append('\n');
            }
            if (!s.props().isEmpty()) {
                o.append("  props: ").append(String.join(", ", s.props())).append('\n');
            }
            s.shots().ifPresent(p -> o.append(String.format(Locale.ROOT, "  shots planned: %d, %s%n", p.count(),
                    clock(p.seconds()))));
        }
        BreakdownTotals t = b.totals();
        o.append('\n').append(String.format(Locale.ROOT, "Totals: %d pages (%s in eighths), %d scenes, running time"
                + " about %s%n", t.pages(), Pagination.formatEighths(t.eighths()), t.scenes(),
                clock(t.runningSeconds())));
        if (t.plannedShots() > 0) {
            o.append(String.format(Locale.ROOT, "Shots planned: %d, %s%n", t.plannedShots(),
                    clock(t.plannedSeconds())));
        }
        o.append(String.format(Locale.ROOT, "Day %d, night %d, no time %d; INT %d, EXT %d, INT/EXT %d, neither %d%n",
                t.day(), t.night(), t.unknownTime(), t.interior(), t.exterior(), t.interiorExterior(),
                t.unknownInterior()));
        if (!t.cast().isEmpty()) {
            o.append("Cast:\n");
            for (CastMember c : t.cast()) {
                o.append(String.format(Locale.ROOT, "  %3d %-20s %3d scenes (%d speaking), first in %s, %d words%n",
                        c.number(), c.character(), c.scenes(), c.speakingScenes(), c.firstScene(), c.words()));
            }
        }
        return TerminalText.escapeKeepingLines(o.toString()); // read in a terminal, also when written with --out
    }

    static String json(Breakdown b) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("title", b.title());
        root.put("file", b.file());
        ArrayNode scenes = root.putArray("scenes");
        for (SceneBreakdown s : b.scenes()) {
            ObjectNode o = scenes.addObject();
            o.put("number", s.number());
            o.put("ordinal", s.ordinal());
            o.put("heading", s.heading());
            o.put("int_ext", s.interior());
            o.put("location", s.location());
            o.put("time", s.time());
            if (!s.carriedOver().isEmpty()) {
                o.put("time_carried_over", s.carriedOver());
            }
            o.put("line", s.position().line());
            o.put("eighths", s.eighths());
            o.put("pages", Pagination.formatEighths(s.eighths()));
            o.put("screen_seconds", s.screenSeconds());
            strings(o.putArray("speaking_cast"), s.speakingCast());
            strings(o.putArray("non_speaking_cast"), s.nonSpeakingCast());
            ArrayNode numbers = o.putArray("cast_numbers");
            s.castNumbers().forEach(numbers::add);
            strings(o.putArray("props"), s.props());
            ObjectNode words = o.putObject("words");
            s.words().forEach(words::put);
            s.shots().ifPresent(p -> {
                ObjectNode shots = o.putObject("shots");
                shots.put("count", p.count());
                shots.put("seconds", p.seconds());
            });
            o.put("strip", s.stripColour());
        }
        totals(root.putObject("totals"), b.totals());
        return root.toPrettyString() + "\n";
    }

    private static void totals(ObjectNode totals, BreakdownTotals t) {
        totals.put("pages", t.pages());
        totals.put("eighths", t.eighths());
        totals.put("scenes", t.scenes());
        totals.put("running_seconds", t.runningSeconds());
        totals.put("planned_shots", t.plannedShots());
        totals.put("planned_seconds", t.plannedSeconds());
        ObjectNode dn = totals.putObject("day_night");
        dn.put("day", t.day());
        dn.put("night", t.night());
        dn.put("unknown", t.unknownTime());
        ObjectNode ie = totals.putObject("int_ext");
        ie.put("int", t.interior());
        ie.put("ext", t.exterior());
        ie.put("int_ext", t.interiorExterior());
        ie.put("unknown", t.unknownInterior());
        ArrayNode cast = totals.putArray("cast");
        for (CastMember c : t.cast()) {
            ObjectNode o = cast.addObject();
            o.put("number", c.number());
            o.put("character", c.character());
            o.put("scenes", c.scenes());
            o.put("speaking_scenes", c.speakingScenes());
            o.put("first_scene", c.firstScene());
            o.put("words", c.words());
        }
    }

    private static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }

    static String csv(Breakdown b) {
        StringBuilder o = new StringBuilder();
        row(o, List.of("scene", "heading", "int_ext", "location", "time", "eighths", "pages", "screen_seconds",
                "speaking_cast", "non_speaking_cast", "props", "words", "shots", "shot_seconds", "line", "cast_numbers",
                "time_carried_over"));
        for (SceneBreakdown s : b.scenes()) {
            List<String> cells = new ArrayList<>(List.of(s.number(), s.heading(), s.interior(), s.location(), s.time(),
                    String.valueOf(s.eighths()), Pagination.formatEighths(s.eighths()),
                    number(s.screenSeconds()), String.join(";", s.speakingCast()),
                    String.join(";", s.nonSpeakingCast()), String.join(";", s.props()),
                    s.words().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                            .collect(Collectors.joining(";"))));
            cells.add(s.shots().map(p -> String.valueOf(p.count())).orElse(""));
            cells.add(s.shots().map(p -> number(p.seconds())).orElse(""));
            cells.add(String.valueOf(s.position().line()));
            cells.add(s.castNumbers().stream().map(String::valueOf).collect(Collectors.joining(";")));
            cells.add(s.carriedOver());
            row(o, cells);
        }
        return o.toString();
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** One RFC 4180 row, CRLF-terminated. */
    static void row(StringBuilder o, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                o.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                o.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                o.append(c);
            }
        }
        o.append("\r\n");
    }
}
