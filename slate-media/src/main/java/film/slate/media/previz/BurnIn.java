package film.slate.media.previz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;

/**
 * The slate burnt into a frame: title top left, scene, shot and take top right, timecode bottom
 * left, lens, framing and move bottom right. {@code recordStart} is the frame of the programme
 * where the shot begins (0 for a shot on its own), so an animatic's timecode runs on.
 */
public record BurnIn(long recordStart) {
    public static final BurnIn SHOT = new BurnIn(0);

    void draw(Graphics2D g, int width, int height, String title, String slate, Timecode timecode, String camera) {
        float size = Math.max(9f, height / 30f);
        Font font = PrevizFont.of(size);
        float pad = size * 0.6f;
        text(g, font, title, pad, pad, false, false);
        text(g, font, slate, width - pad, pad, true, false);
        text(g, font, timecode.toString(), pad, height - pad, false, true);
        text(g, font, camera, width - pad, height - pad, true, true);
    }

    private static void text(Graphics2D g, Font font, String s, float x, float y, boolean right, boolean bottom) {
        if (s.isEmpty()) {
            return;
        }
        GlyphVector glyphs = font.createGlyphVector(g.getFontRenderContext(), s);
        Rectangle2D box = glyphs.getLogicalBounds();
        float size = font.getSize2D();
        float left = right ? (float) (x - box.getWidth()) : x;
        float top = bottom ? (float) (y - box.getHeight()) : y;
        g.setColor(new Color(0, 0, 0, 170));
        g.fill(new Rectangle2D.Double(left - size * 0.3, top - size * 0.15, box.getWidth() + size * 0.6,
                box.getHeight() + size * 0.3));
        g.setColor(new Color(245, 245, 235));
        g.drawGlyphVector(glyphs, left, (float) (top - box.getY()));
    }
}
