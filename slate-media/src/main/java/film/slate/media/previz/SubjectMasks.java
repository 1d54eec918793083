package film.slate.media.previz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.util.List;

/**
 * Who previz draws at each pixel of one frame: the figures' faces (and the props in their hands)
 * filled in previz's own painter's order, each in its owner's number, without antialiasing, so a
 * pixel belongs to the character whose surface covers its centre in the picture. The convention is
 * the visible one: a character hidden behind another is in neither's mask where hidden but in the
 * nearer one's, so two masks never overlap and each is what the camera sees of that character.
 */
public final class SubjectMasks {
    private final int width;
    private final int height;
    private final List<String> cast;
    private final byte[] owners;

    private SubjectMasks(int width, int height, List<String> cast, byte[] owners) {
        this.width = width;
        this.height = height;
        this.cast = List.copyOf(cast);
        this.owners = owners;
    }

    /** Fills {@code faces} (already in drawing order) by owner: 0 for the set, 1 + the owner's place in {@code cast}. */
    static SubjectMasks draw(FrameView view, List<Face> faces, List<String> cast, int width, int height) {
        // One palette entry per owner, so a fill in the owner's colour writes the owner's number.
        byte[] ramp = new byte[256];
        for (int i = 0; i < 256; i++) {
            ramp[i] = (byte) i;
        }
        BufferedImage ids = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, ramp, ramp, ramp));
        Graphics2D g = ids.createGraphics();
        try {
            FrameView.hints(g);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            for (Face f : faces) {
                int id = f.owner().isEmpty() ? 0 : cast.indexOf(f.owner()) + 1;
                view.fill(g, f.in(new Color(id, id, id)));
            }
        } finally {
            g.dispose();
        }
        return new SubjectMasks(width, height, cast, ((DataBufferByte) ids.getRaster().getDataBuffer()).getData());
    }

    /**
     * The ID matte of the frame: one grey byte a pixel holding its owner's number (0 for the set,
     * 1 + the owner's place in the cast), the form the pass stores every mask in at once. It shares
     * this frame's owners, which are never changed once drawn.
     */
    BufferedImage matte() {
        var raster = java.awt.image.Raster.createInterleavedRaster(new DataBufferByte(owners, owners.length), width,
                height, width, 1, new int[] {0}, null);
        BufferedImage out = blank(1, 1);
        return new BufferedImage(out.getColorModel(), raster, false, null);
    }

    /** The owners, a byte a pixel row by row: the ID matte's bytes, never changed once drawn. */
    byte[] owners() {
        return owners;
    }

    /**
     * {@code id}'s mask (255 where {@code matte} holds {@code id}, 0 elsewhere) split from an ID
     * matte, as {@link #mask} gives it for the frame the matte was made of.
     */
    public static BufferedImage fromMatte(BufferedImage matte, int id) {
        byte[] owners = ((DataBufferByte) matte.getRaster().getDataBuffer()).getData();
        BufferedImage out = blank(matte.getWidth(), matte.getHeight());
        byte[] px = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        byte b = (byte) id;
        for (int i = 0; i < owners.length; i++) {
            if (owners[i] == b) {
                px[i] = (byte) 255;
            }
        }
        return out;
    }

    /** An empty mask of {@code width} x {@code height}: a character who is not in the scene. */
    public static BufferedImage blank(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    }

    /** {@code character}'s mask: white (255) where previz draws them, black elsewhere; all black when absent. */
    public BufferedImage mask(String character) {
        int id = cast.indexOf(character) + 1;
        return id == 0 ? blank(width, height) : fromMatte(matte(), id);
    }

    /** Each character's pixels in their colour ({@code colours} in cast order), black elsewhere. */
    BufferedImage colours(List<Color> colours) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < owners.length; i++) {
            int id = owners[i] & 0xff;
            if (id != 0) {
                Color c = colours.get(id - 1);
                bgr[3 * i] = (byte) c.getBlue();
                bgr[3 * i + 1] = (byte) c.getGreen();
                bgr[3 * i + 2] = (byte) c.getRed();
            }
        }
        return out;
    }

    /** Whether {@code character} is in any pixel. */
    public boolean shows(String character) {
        byte id = (byte) (cast.indexOf(character) + 1);
        if (id != 0) {
            for (byte b : owners) {
                if (b == id) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whose pixel {@code (x, y)} is: a character id, or empty for the set. */
    public String owner(int x, int y) {
        int id = owners[y * width + x] & 0xff;
        return id == 0 ? "" : cast.get(id - 1);
    }
}
