package film.slate.media.previz;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The one typeface previz draws with, shipped in the jar (DejaVu Sans Condensed Bold, Bitstream Vera licence): never a system font. */
public final class PrevizFont {
    private static final String RESOURCE = "/film/slate/media/font/DejaVuSansCondensed-Bold.ttf";
    private static final Font BASE = load();

    private PrevizFont() {
    }

    private static Font load() {
        try (InputStream in = PrevizFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the previz font is missing from the jar: " + RESOURCE);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the previz font does not load", e);
        }
    }

    /** The font at {@code pixels} size. */
    public static Font of(float pixels) {
        return BASE.deriveFont(pixels);
    }
}
