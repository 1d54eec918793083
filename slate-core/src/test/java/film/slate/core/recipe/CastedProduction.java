package film.slate.core.recipe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A seeded random production whose every character, wardrobe, location and prop may have a
 * reference image, and a ComfyUI backend binding a random set of reference keys. It keeps its own
 * model of who is in which shot wearing what, so a test can say which file each key binds without
 * asking the compiler.
 */
final class CastedProduction {
    static final List<String> CHARACTERS = List.of("ANNA", "BRUNO", "CLEO", "DMITRI");
    static final List<String> LOCATIONS = List.of("HALL", "YARD");
    static final List<String> PROPS = List.of("CUP", "BOOK");

    /** One shot as generated: its id, location, subjects in order and each cast member's wardrobe and holds. */
    record ShotModel(String id, String location, List<String> subjects, Map<String, String> wardrobe,
            Map<String, List<String>> holds) {
    }

    final List<String> cast;
    /** Every reference file by what it belongs to: "ANNA", "ANNA/b" (a wardrobe), "HALL", "CUP". */
    final Map<String, String> refs = new LinkedHashMap<>();
    final List<ShotModel> shots = new ArrayList<>();
    final List<String> keys = new ArrayList<>();
    final int listLength;

    CastedProduction(Random r) {
        List<String> people = new ArrayList<>(CHARACTERS);
        Collections.shuffle(people, r);
        cast = List.copyOf(people.subList(0, 2 + r.nextInt(3)));
        for (String c : cast) {
            if (r.nextInt(5) > 0) {
                refs.put(c, "refs/" + c.toLowerCase() + ".png");
            }
            if (r.nextBoolean()) {
                refs.put(c + "/b", "refs/" + c.toLowerCase() + "_b.png");
            }
        }
        LOCATIONS.stream().filter(l -> r.nextInt(4) > 0).forEach(l -> refs.put(l, "refs/" + l.toLowerCase() + ".png"));
        PROPS.stream().filter(p -> r.nextInt(4) > 0).forEach(p -> refs.put(p, "refs/" + p.toLowerCase() + ".png"));
        int scenes = 2 + r.nextInt(3);
        for (int s = 1; s <= scenes; s++) {
            String location = LOCATIONS.get(r.nextInt(LOCATIONS.size()));
            Map<String, String> wardrobe = new LinkedHashMap<>();
            Map<String, List<String>> holds = new LinkedHashMap<>();
            List<String> inScene = new ArrayList<>(cast.stream().filter(c -> r.nextInt(4) > 0).toList());
            if (inScene.isEmpty()) {
                inScene.add(cast.get(0));
            }
            for (String c : inScene) {
                wardrobe.put(c, r.nextBoolean() ? "a" : "b");
                holds.put(c, List.of());
            }
            String holder = inScene.get(r.nextInt(inScene.size()));
            if (r.nextBoolean()) {
                holds.put(holder, List.of(PROPS.get(r.nextInt(PROPS.size()))));
            }
            int n = 2 + r.nextInt(3);
            for (int k = 1; k <= n; k++) {
                List<String> subjects = new ArrayList<>(inScene);
                Collections.shuffle(subjects, r);
                shots.add(new ShotModel(s + "/S" + k, location, List.copyOf(subjects.subList(0, 1 + r.nextInt(subjects.size()))),
                        wardrobe, holds));
            }
        }
        List<String> all = new ArrayList<>();
        CHARACTERS.forEach(c -> all.add("reference." + c));
        all.addAll(List.of("reference.1", "reference.2", "location_reference"));
        PROPS.forEach(p -> all.add("prop_reference." + p));
        all.stream().filter(k -> r.nextInt(3) == 0 && (!k.startsWith("reference.") || !k.matches("reference\\.[A-Z]+")
                || cast.contains(k.substring(10)))).forEach(keys::add);
        listLength = r.nextInt(3);
        if (keys.isEmpty() && listLength == 0) {
            keys.add("location_reference");
        }
    }

    /** The reference file (production path) that {@code key} binds in {@code shot}; empty for a blank. */
    Optional<String> binds(ShotModel shot, String key) {
        if (key.equals("location_reference")) {
            return file(shot.location());
        }
        if (key.startsWith("prop_reference.")) {
            String prop = key.substring("prop_reference.".length());
            boolean seen = shot.subjects().stream().anyMatch(s -> shot.holds().get(s).contains(prop));
            return seen ? file(prop) : Optional.empty();
        }
        String who = key.substring("reference.".length());
        if (who.matches("[0-9]+")) {
            int n = Integer.parseInt(who);
            return n <= shot.subjects().size() ? person(shot, shot.subjects().get(n - 1)) : Optional.empty();
        }
        return shot.subjects().contains(who) ? person(shot, who) : Optional.empty();
    }

    private Optional<String> person(ShotModel shot, String who) {
        return shot.wardrobe().get(who).equals("b") && refs.containsKey(who + "/b") ? file(who + "/b") : file(who);
    }

    private Optional<String> file(String owner) {
        return Optional.ofNullable(refs.get(owner)).map(p -> "bible/" + p);
    }

    /** Every key the backend binds, the list bind's items included. */
    List<String> allKeys() {
        List<String> out = new ArrayList<>(keys);
        for (int i = 1; i <= listLength; i++) {
            out.add("reference." + i);
        }
        return out;
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("bible/refs"));
        Files.createDirectories(dir.resolve("shots"));
        StringBuilder bind = new StringBuilder();
        keys.forEach(k -> bind.append("      ").append(k).append(": /1/inputs/image\n"));
        if (listLength > 0) {
            bind.append("      references: [").append(String.join(", ", Collections.nCopies(listLength, "/2/inputs/image")))
                    .append("]\n");
        }
        write(dir, "slate.yaml", """
                title: Casted
                id: casted
                format: { fps: 12, width: 64, height: 36 }
                backend: previz
                backends:
                  previz: { type: previz }
                  gen:
                    type: comfyui
                    url: http://127.0.0.1:8188
                    workflow: w.json
                    bind:
                """ + bind);
        for (Map.Entry<String, String> e : refs.entrySet()) {
            Files.write(dir.resolve("bible").resolve(e.getValue()), e.getKey().getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder ch = new StringBuilder();
        for (String c : cast) {
            ch.append(c).append(":\n  description: person called ").append(c.toLowerCase()).append('\n');
            Optional.ofNullable(refs.get(c)).ifPresent(p -> ch.append("  refs: [").append(p).append("]\n"));
            ch.append("  wardrobe:\n    a: plain clothes\n");
            String b = refs.get(c + "/b");
            ch.append(b == null ? "    b: a long coat\n" : "    b: { description: a long coat, refs: [" + b + "] }\n");
        }
        write(dir, "bible/characters.yaml", ch.toString());
        StringBuilder loc = new StringBuilder();
        for (String l : LOCATIONS) {
            loc.append(l).append(":\n  heading: INT. ").append(l).append("\n  description: the ").append(l.toLowerCase())
                    .append("\n  size: [8, 8]\n");
            Optional.ofNullable(refs.get(l)).ifPresent(p -> loc.append("  refs: [").append(p).append("]\n"));
        }
        write(dir, "bible/locations.yaml", loc.toString());
        StringBuilder props = new StringBuilder();
        for (String p : PROPS) {
            props.append(p).append(": { description: a ").append(p.toLowerCase())
                    .append(Optional.ofNullable(refs.get(p)).map(f -> ", refs: [" + f + "]").orElse("")).append(" }\n");
        }
        write(dir, "bible/props.yaml", props.toString());
        writeScenes(dir);
        return dir;
    }

    private void writeScenes(Path dir) throws IOException {
        Map<String, List<ShotModel>> byScene = new LinkedHashMap<>();
        shots.forEach(s -> byScene.computeIfAbsent(s.id().substring(0, s.id().indexOf('/')), k -> new ArrayList<>()).add(s));
        for (Map.Entry<String, List<ShotModel>> e : byScene.entrySet()) {
            ShotModel first = e.getValue().get(0);
            StringBuilder y = new StringBuilder("scene: " + e.getKey() + "\nlocation: " + first.location()
                    + "\ntime: NIGHT\ncast:\n");
            int x = 1;
            for (String c : first.wardrobe().keySet()) {
                y.append("  ").append(c).append(": { wardrobe: ").append(first.wardrobe().get(c)).append(", at: [")
                        .append(x++).append(", 4], facing: 180, holds: ").append(first.holds().get(c)).append(" }\n");
            }
            y.append("shots:\n");
            for (ShotModel s : e.getValue()) {
                y.append("  - id: ").append(s.id().substring(s.id().indexOf('/') + 1)).append("\n    framing: WS\n")
                        .append("    subjects: ").append(s.subjects()).append('\n')
                        .append("    camera: { at: [2, -2], lens: 24, look_at: [2, 4] }\n    duration: 1\n")
                        .append("    action: A beat.\n");
            }
            write(dir, "shots/%03d.yaml".formatted(Integer.parseInt(e.getKey())), y.toString());
        }
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }
}
