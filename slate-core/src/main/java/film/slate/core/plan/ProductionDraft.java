package film.slate.core.plan;

import film.slate.core.fountain.Element;
import film.slate.core.fountain.ElementType;
import film.slate.core.model.CastMember;
import film.slate.core.screenplay.DialogueBlock;
import film.slate.core.screenplay.Screenplay;
import film.slate.core.screenplay.ScriptScene;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code slate init}: a new production drafted from a screenplay, as production-relative file
 * texts. Characters are everyone who speaks and everyone the action introduces in capitals (the
 * screenplay convention: "TOM ASHBY (20s) hauls a bag"); locations are the headings' settings;
 * each scene gets a shots file with its cast on default marks, an action line between its first
 * two speakers and its dialogue blocks numbered in comments, and no shots yet, so that {@code
 * slate plan N --write} can fill it. Stubs say TODO where a person must write.
 */
public final class ProductionDraft {
    /** A run of capitalised words in action, with an optional age or note in brackets after it. */
    private static final Pattern INTRODUCED = Pattern.compile("\\b([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+){0,2})\\s*\\((\\d+s?|[^)]{1,12})\\)");
    /** Rooms of this size until someone measures them. */
    static final double ROOM = 8;

    private ProductionDraft() {
    }

    /** The files of the draft, by production-relative path, in the order to write them. */
    public static Map<String, String> of(Screenplay screenplay, String id, String title, String screenplayFile) {
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> characters = characters(screenplay);
        Map<String, String> locations = new LinkedHashMap<>();
        for (ScriptScene s : screenplay.scenes()) {
            locations.putIfAbsent(locationId(s.setting()), s.setting());
        }
        files.put("slate.yaml", "title: " + ShotsText.quoted(title) + "\nid: " + id + "\nscreenplay: " + screenplayFile
                + "\ndelivery: { use: personal }\n");
        files.put("bible/characters.yaml", characterStubs(characters));
        files.put("bible/locations.yaml", locationStubs(locations));
        files.put("bible/props.yaml", "# Props that must stay the same from shot to shot, e.g.\n"
                + "# LANTERN: { description: dented brass storm lantern }\n{}\n");
        files.put("bible/style.yaml", "prompt: \"{framing} of {subjects}, {action}, in {location}, {time}. {look}\"\n"
                + "look: \"TODO: the film's look\"\n");
        StringBuilder rights = new StringBuilder("# Likenesses to clear before delivery: one signed consent per performer.\nlikeness:\n");
        characters.keySet().forEach(c -> rights.append("  ").append(c).append(": { holder: \"TODO: performer's legal name\","
                + " consent: pending }\n"));
        files.put("rights.yaml", characters.isEmpty() ? "likeness: {}\n" : rights.toString());
        for (ScriptScene s : screenplay.scenes()) {
            files.put("shots/" + fileName(s.number()) + ".yaml", scene(s, characters));
        }
        return files;
    }

    /** Speakers by their cue, then characters introduced in capitals under their first word when that is a cue. */
    static Map<String, String> characters(Screenplay screenplay) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ScriptScene s : screenplay.scenes()) {
            for (DialogueBlock b : s.dialogue()) {
                out.putIfAbsent(b.character(), "speaks in scene " + s.number());
            }
        }
        for (ScriptScene s : screenplay.scenes()) {
            for (String who : introduced(s)) {
                if (!out.containsKey(who)) {
                    out.put(who, "introduced in scene " + s.number());
                }
            }
        }
        return out;
    }

    private static List<String> introduced(ScriptScene s) {
        List<String> out = new ArrayList<>();
        Set<String> cues = new LinkedHashSet<>();
        s.dialogue().forEach(b -> cues.add(b.character()));
        for (Element e : s.elements()) {
            if (e.type() != ElementType.ACTION) {
                continue;
            }
            Matcher m = INTRODUCED.matcher(e.text());
            while (m.find()) {
                String name = m.group(1);
                String first = name.split(" ")[0];
                out.add(cues.contains(first) ? first : name.replace(' ', '_'));
            }
        }
        return out;
    }

    private static String scene(ScriptScene s, Map<String, String> characters) {
        List<String> cast = new ArrayList<>();
        s.dialogue().forEach(b -> {
            if (!cast.contains(b.character())) {
                cast.add(b.character());
            }
        });
        introduced(s).stream().filter(characters::containsKey).filter(c -> !cast.contains(c)).forEach(cast::add);
        StringBuilder y = new StringBuilder("# ").append(ShotsText.oneLine(s.heading())).append('\n');
        y.append("# Marks are defaults at the middle of the room: block the scene, then 'slate plan ")
                .append(s.number()).append(" --write'.\n");
        y.append("scene: ").append(s.number()).append('\n');
        y.append("location: ").append(locationId(s.setting())).append('\n');
        if (!s.time().isEmpty()) {
            y.append("time: ").append(s.time()).append('\n');
        }
        if (cast.size() >= 2) {
            y.append("axis: [").append(cast.get(0)).append(", ").append(cast.get(1)).append("]\n");
        }
        if (!cast.isEmpty()) {
            y.append("cast:\n");
            for (CastMember m : SceneSetup.defaultMarks(cast, ROOM, ROOM).values()) {
                y.append("  ").append(m.character()).append(": { at: ").append(m.at()).append(", facing: ")
                        .append(Explain.fmt(m.facing())).append(" }\n");
            }
        }
        if (!s.dialogue().isEmpty()) {
            y.append("# Dialogue blocks, for the 'lines' of each shot:\n");
            for (DialogueBlock b : s.dialogue()) {
                String text = ShotsText.oneLine(b.text());
                y.append("#   ").append(b.index()).append(' ').append(b.character()).append(": ")
                        .append(text.length() > 100 ? text.substring(0, 97) + "..." : text).append('\n');
            }
        }
        return y.toString();
    }

    private static String characterStubs(Map<String, String> characters) {
        if (characters.isEmpty()) {
            return "{}\n";
        }
        StringBuilder y = new StringBuilder();
        characters.forEach((id, why) -> y.append(id).append(":   # ").append(why).append("\n  description: \"TODO: who ")
                .append(id).append(" is and how they look\"\n  height: 1.75\n"));
        return y.toString();
    }

    private static String locationStubs(Map<String, String> locations) {
        if (locations.isEmpty()) {
            return "{}\n";
        }
        StringBuilder y = new StringBuilder();
        locations.forEach((id, heading) -> y.append(id).append(":\n  heading: ").append(ShotsText.quoted(heading))
                .append("\n  description: \"TODO: what the place looks like\"\n  size: [")
                .append((int) ROOM).append(", ").append((int) ROOM).append("]   # TODO: measure the floor, metres\n"));
        return y.toString();
    }

    /** A location id from a heading's setting: {@code INT. LIGHTHOUSE - LAMP ROOM} gives {@code LIGHTHOUSE_LAMP_ROOM}. */
    static String locationId(String setting) {
        String place = setting.replaceFirst("^(?i)(INT\\./EXT\\.|INT/EXT\\.?|I/E\\.?|INT\\.?|EXT\\.?|EST\\.?)\\s*", "");
        String id = place.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return id.isEmpty() ? "PLACE" : id;
    }

    static String fileName(String number) {
        return number.matches("\\d+") ? String.format(Locale.ROOT, "%03d", Integer.parseInt(number))
                : number.replaceAll("[^A-Za-z0-9.-]", "_");
    }
}
