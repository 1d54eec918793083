package film.slate.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The stand-in colour of a character without one, computed without AWT, is AWT's colour for every hue. */
class CharacterColourTest {
    @Test
    void everyHueTheIdCanGiveIsAwtsColour() {
        // colorOf takes the hue from two bytes of a hash: these are all the hues it can ask for
        for (int n = 0; n < 65536; n++) {
            float hue = n / 65536f;
            assertEquals(java.awt.Color.HSBtoRGB(hue, 0.65f, 0.85f) & 0xffffff, BibleReader.rgb(hue), "hue " + n + "/65536");
        }
    }

    @Test
    void theColourOfAnIdIsStable() {
        assertEquals(BibleReader.colorOf("MARA"), BibleReader.colorOf("MARA"));
        assertEquals(7, BibleReader.colorOf("TOM").length());
    }
}
