package film.slate.media;

import film.slate.core.read.NotAProductionException;
import film.slate.core.read.ProductionReader;
import film.slate.core.read.ReadProduction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small productions written into a test's folder: a lamp room with Mara and Tom, and any shot list. */
public final class TestFilm {
    public static final String MANIFEST = """
            title: Test Reel
            id: testreel
            format: { fps: %d, width: %d, height: %d }
            screenplay: screenplay.fountain
            """;
    public static final String SCREENPLAY = """
            Title: Test Reel

            INT. LIGHTHOUSE - LAMP ROOM - NIGHT

            Mara and Tom by the great lens.

            MARA
            The light has to burn tonight.

            TOM
            Then we keep it burning.
            """;
    public static final String CHARACTERS = """
            MARA:
              name: Mara Quell
              description: woman in her forties
              height: 1.70
              color: "#d02020"
              wardrobe: { oilskin: yellow oilskin }
            TOM:
              name: Tom Quell
              description: her brother
              height: 1.80
              color: "#2040d0"
              wardrobe: { sweater: grey sweater }
            """;
    public static final String LOCATIONS = """
            LAMP_ROOM:
              heading: INT. LIGHTHOUSE - LAMP ROOM
              description: round iron room
              size: [6, 6]
            """;
    public static final String PROPS = """
            LANTERN: { description: dented brass storm lantern }
            """;
    /** Two shots on the same side of the Mara-Tom line, with the lantern put down in the first. */
    public static final String SHOTS = """
            scene: 1
            location: LAMP_ROOM
            time: NIGHT
            axis: [MARA, TOM]
            cast:
              MARA: { wardrobe: oilskin, at: [2, 3], facing: 90, holds: [LANTERN] }
              TOM:  { wardrobe: sweater, at: [4, 3], facing: 270 }
            shots:
              - id: 1A
                framing: WS
                subjects: [MARA, TOM]
                camera: { at: [3, -2], height: 1.6, lens: 24, look_at: [3, 3] }
                move: { type: dolly, to: [3, -1] }
                duration: 2.0
                action: Mara sets the lantern down.
                lines: [1]
                blocking: { MARA: { to: [2.5, 3] } }
                events: [ { character: MARA, puts_down: LANTERN } ]
              - id: 1B
                framing: MCU
                subjects: [TOM]
                camera: { at: [2.2, 1.0], height: 1.7, lens: 50, look_at: TOM }
                move: { type: handheld, amplitude: 0.02 }
                duration: 1.0
                action: Tom answers.
                lines: [2]
            """;

    private TestFilm() {
    }

    /** Writes the film with {@code shots} as scene 1's plan at {@code width} x {@code height}. */
    public static Path write(Path dir, String shots, int fps, int width, int height) {
        try {
            Files.createDirectories(dir.resolve("bible"));
            Files.createDirectories(dir.resolve("shots"));
            Files.writeString(dir.resolve("slate.yaml"), String.format(MANIFEST, fps, width, height));
            Files.writeString(dir.resolve("screenplay.fountain"), SCREENPLAY);
            Files.writeString(dir.resolve("bible/characters.yaml"), CHARACTERS);
            Files.writeString(dir.resolve("bible/locations.yaml"), LOCATIONS);
            Files.writeString(dir.resolve("bible/props.yaml"), PROPS);
            Files.writeString(dir.resolve("shots/001.yaml"), shots);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same, with the lamp room's set pieces {@code set} (flow-map entries: {@code TABLE: { at: [3, 3], ... }}). */
    public static Path write(Path dir, String shots, int fps, int width, int height, String set) {
        write(dir, shots, fps, width, height);
        try {
            Files.writeString(dir.resolve("bible/locations.yaml"), LOCATIONS + "  set: { " + set + " }\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path dir) {
        return write(dir, SHOTS, 24, 320, 180);
    }

    public static ReadProduction read(Path dir) {
        try {
            return ProductionReader.read(dir);
        } catch (NotAProductionException e) {
            throw new IllegalStateException(e);
        }
    }
}
