package film.slate.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a production folder for tests and benchmarks: two characters with two wardrobes each,
 * two props, two locations, a screenplay whose scenes each have two speeches, and one shots file
 * per scene. Scene {@code s} shot {@code k} alternates subjects so that some shots see Mara only,
 * some Tom only and some both. Deterministic: the same arguments give the same bytes.
 */
public final class SyntheticProduction {
    private SyntheticProduction() {
    }

    public static Path write(Path dir, int scenes, int shotsPerScene) {
        return write(dir, scenes, shotsPerScene, "previz", "");
    }

    /** {@code backendSettings} is extra YAML (indented by 4) for the default backend {@code main}. */
    public static Path write(Path dir, int scenes, int shotsPerScene, String backendType, String backendSettings) {
        try {
            Files.createDirectories(dir.resolve("bible/refs"));
            Files.createDirectories(dir.resolve("shots"));
            write(dir, "slate.yaml", """
                    title: Synthetic
                    id: synthetic
                    format: { fps: 12, width: 64, height: 36 }
                    screenplay: screenplay.fountain
                    delivery: { use: personal }
                    backend: main
                    backends:
                      main:
                        type: %s
                    %s
                    """.formatted(backendType, backendSettings.isEmpty() ? "" : backendSettings.indent(4)));
            Files.write(dir.resolve("bible/refs/mara.png"), new byte[] {1, 2, 3, 4});
            Files.write(dir.resolve("bible/refs/room.png"), new byte[] {5, 6, 7, 8});
            write(dir, "bible/characters.yaml", """
                    MARA:
                      name: Mara Quell
                      description: woman in her forties, weathered face
                      height: 1.68
                      refs: [refs/mara.png]
                      wardrobe:
                        oilskin: yellow oilskin coat
                        sweater: grey cable-knit sweater
                    TOM:
                      name: Tom Quell
                      description: boy of twelve, freckles
                      height: 1.45
                      wardrobe:
                        oilskin: small blue oilskin
                        sweater: brown sweater
                    """);
            write(dir, "bible/locations.yaml", """
                    LAMP_ROOM:
                      heading: INT. LIGHTHOUSE - LAMP ROOM
                      description: round iron room, great Fresnel lens
                      size: [6, 6]
                      refs: [refs/room.png]
                    SHORE:
                      heading: EXT. SHORE
                      description: black rocks and surf
                      size: [20, 20]
                    """);
            write(dir, "bible/props.yaml", """
                    LANTERN: { description: dented brass storm lantern }
                    LOGBOOK: { description: leather logbook }
                    """);
            write(dir, "bible/style.yaml", """
                    prompt: "{framing} of {subjects}, {action}, in {location}, {time}. {dialogue} {look}"
                    look: 35mm film, muted teal and amber palette
                    negative: text, watermark
                    """);
            StringBuilder script = new StringBuilder("Title: Synthetic\n\n");
            for (int s = 1; s <= scenes; s++) {
                boolean inside = s % 2 == 1;
                script.append(inside ? "INT. LIGHTHOUSE - LAMP ROOM - NIGHT" : "EXT. SHORE - DAY").append("\n\n")
                        .append("Mara and Tom in scene ").append(s).append(".\n\n")
                        .append("MARA\nKeep the light burning, scene ").append(s).append(".\n\n")
                        .append("TOM\nAlways, in scene ").append(s).append(".\n\n");
                List<String> shots = new ArrayList<>();
                for (int k = 1; k <= shotsPerScene; k++) {
                    String subjects = switch (k % 3) {
                        case 1 -> "[MARA, TOM]";
                        case 2 -> "[MARA]";
                        default -> "[TOM]";
                    };
                    String lines = k == 1 ? "[1, 2]" : k % 3 == 2 ? "[1]" : k % 3 == 0 ? "[2]" : "[]";
                    double camX = 2 + (k % 2);
                    shots.add("""
                              - id: %dS%d
                                framing: %s
                                subjects: %s
                                camera: { at: [%s, -2], lens: %d, look_at: [3, 3] }
                                duration: 1
                                action: Beat %d of scene %d.
                                lines: %s
                                takes: %d
                            """.formatted(s, k, k % 2 == 1 ? "WS" : "MCU", subjects, camX, 24 + 10 * (k % 3), k, s,
                            lines, k % 4 == 0 ? 2 : 1));
                }
                write(dir, "shots/%04d.yaml".formatted(s), """
                        scene: %d
                        location: %s
                        time: %s
                        axis: [MARA, TOM]
                        cast:
                          MARA: { wardrobe: %s, at: [2, 3], facing: 90, holds: [%s] }
                          TOM: { wardrobe: %s, at: [4, 3], facing: 270 }
                        shots:
                        %s""".formatted(s, inside ? "LAMP_ROOM" : "SHORE", inside ? "NIGHT" : "DAY",
                        s % 3 == 0 ? "sweater" : "oilskin", s % 2 == 0 ? "LOGBOOK" : "LANTERN",
                        s % 4 == 0 ? "sweater" : "oilskin", String.join("", shots)));
            }
            write(dir, "screenplay.fountain", script.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }
}
