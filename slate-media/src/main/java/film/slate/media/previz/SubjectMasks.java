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

    /** An empty mask of {@code width} x {@code height}: a character who is not in the scene. */
    public static BufferedImage blank(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    }

    /** {@code character}'s mask: white (255) where previz draws them, black elsewhere; all black when absent. */
    public BufferedImage mask(String character) {
        BufferedImage out = blank(width, height);
        byte id = (byte) (cast.indexOf(character) + 1);
        if (id == 0) {
            return out;
        }
        byte[] px = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < owners.length; i++) {
            if (owners[i] == id) {
                px[i] = (byte) 255;
            }
        }
        return out;
    }

    /**
     * The masks of those of {@code characters} who are in some pixel, from one pass over the owners
     * (each as {@link #mask} gives it); a character in no pixel has no entry.
     */
    public java.util.Map<String, BufferedImage> shown(List<String> characters) {
        byte[][] px = new byte[cast.size() + 1][];
        BufferedImage[] images = new BufferedImage[cast.size() + 1];
        boolean[] wanted = new boolean[cast.size() + 1];
        for (String c : characters) {
            wanted[cast.indexOf(c) + 1] = true;
        }
        wanted[0] = false; // the set, and characters outside the cast
        for (int i = 0; i < owners.length; i++) {
            int id = owners[i] & 0xff;
            if (wanted[id]) {
                if (px[id] == null) {
                    images[id] = blank(width, height);
                    px[id] = ((DataBufferByte) images[id].getRaster().getDataBuffer()).getData();
                }
                px[id][i] = (byte) 255;
            }
        }
        java.util.Map<String, BufferedImage> out = new java.util.LinkedHashMap<>();
        for (String c : characters) {
            int id = cast.indexOf(c) + 1;
            if (id > 0 && images[id] != null) {
                out.put(c, images[id]);
            }
        }
        return out;
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
