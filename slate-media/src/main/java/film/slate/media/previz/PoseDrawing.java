package film.slate.media.previz;

import film.slate.core.model.Point;
import film.slate.core.stage.Body;
import film.slate.core.stage.Body.Joint;
import film.slate.core.stage.Vec3;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The pose pass: each figure's skeleton as OpenPose draws the COCO 18-keypoint body, which is what
 * pose ControlNets and pose-guided video models read. Black ground; each of the 17 limbs an ellipse
 * along its bone, {@link #stick} pixels thick, in its limb colour at 60%; then each visible joint a
 * disc of the same radius in its joint colour, centred on the joint's projection. Joints a camera
 * cannot see on a real person are left out as a detector would: the nose and eyes of a face turned
 * away, an ear or eye on the far side of a head in profile. Drawn without antialiasing, so every
 * pixel holds one of the layout's colours.
 */
final class PoseDrawing {
    /** The joint colours, in joint order (RGB): OpenPose's hue steps from red round to pink. */
    static final int[][] COLOURS = {{255, 0, 0}, {255, 85, 0}, {255, 170, 0}, {255, 255, 0}, {170, 255, 0},
        {85, 255, 0}, {0, 255, 0}, {0, 255, 85}, {0, 255, 170}, {0, 255, 255}, {0, 170, 255}, {0, 85, 255},
        {0, 0, 255}, {85, 0, 255}, {170, 0, 255}, {255, 0, 255}, {255, 0, 170}, {255, 0, 85}};
    /** The limbs OpenPose draws, as pairs of joints; limb {@code i} takes colour {@code i}. */
    static final Joint[][] LIMBS = {
        {Joint.NECK, Joint.RIGHT_SHOULDER}, {Joint.NECK, Joint.LEFT_SHOULDER},
        {Joint.RIGHT_SHOULDER, Joint.RIGHT_ELBOW}, {Joint.RIGHT_ELBOW, Joint.RIGHT_WRIST},
        {Joint.LEFT_SHOULDER, Joint.LEFT_ELBOW}, {Joint.LEFT_ELBOW, Joint.LEFT_WRIST},
        {Joint.NECK, Joint.RIGHT_HIP}, {Joint.RIGHT_HIP, Joint.RIGHT_KNEE}, {Joint.RIGHT_KNEE, Joint.RIGHT_ANKLE},
        {Joint.NECK, Joint.LEFT_HIP}, {Joint.LEFT_HIP, Joint.LEFT_KNEE}, {Joint.LEFT_KNEE, Joint.LEFT_ANKLE},
        {Joint.NECK, Joint.NOSE}, {Joint.NOSE, Joint.RIGHT_EYE}, {Joint.RIGHT_EYE, Joint.RIGHT_EAR},
        {Joint.NOSE, Joint.LEFT_EYE}, {Joint.LEFT_EYE, Joint.LEFT_EAR}};

    /**
     * The pose picture's palette as the pass videos take it ({@link film.slate.media.ffmpeg.PassVideoEncoder}):
     * black, the limb colours at 60%, the joint colours; every colour of the picture, each once.
     */
    private static final IndexColorModel PASS_PALETTE = passPalette();

    private PoseDrawing() {
    }

    private static IndexColorModel passPalette() {
        int size = 1 + LIMBS.length + COLOURS.length;
        byte[][] rgb = new byte[3][size];
        for (int i = 1; i < size; i++) {
            Color c = i <= LIMBS.length ? colour(i - 1, 0.6) : colour(i - 1 - LIMBS.length, 1);
            rgb[0][i] = (byte) c.getRed();
            rgb[1][i] = (byte) c.getGreen();
            rgb[2][i] = (byte) c.getBlue();
        }
        return new IndexColorModel(8, size, rgb[0], rgb[1], rgb[2]);
    }

    /** The pass palette's colours as {@code 0xRRGGBB}. */
    static int[] passPaletteRgb() {
        int[] out = new int[PASS_PALETTE.getMapSize()];
        for (int i = 0; i < out.length; i++) {
            out[i] = PASS_PALETTE.getRGB(i) & 0xffffff;
        }
        return out;
    }

    /** OpenPose's 4 pixels at 512, scaled with the picture's shorter side. */
    static int stick(int width, int height) {
        return Math.max(2, (int) Math.round(4.0 * Math.min(width, height) / 512));
    }

    /** Each body's keypoints ({@link #keypoints}), far to near by the neck's depth: the order they are drawn in. */
    static List<Point2D.Double[]> skeletons(FrameView view, Vec3 eye, List<Body> bodies) {
        List<Body> order = new ArrayList<>(bodies);
        order.sort(Comparator.comparingDouble((Body b) -> view.depth(b.joint(Joint.NECK))).reversed());
        List<Point2D.Double[]> out = new ArrayList<>();
        for (Body b : order) {
            out.add(keypoints(view, eye, b));
        }
        return out;
    }

    /** The skeletons (each one's 18 keypoints, null where left out), in order, on black. */
    static BufferedImage draw(List<Point2D.Double[]> skeletons, int width, int height) {
        return draw(skeletons, new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR)); // black
    }

    /**
     * The same picture as indices of the pass palette (one byte a pixel, a third of the colour
     * picture): what the pass videos are sent, the pixels {@link #draw} gives once looked up.
     */
    static byte[] drawIndexed(List<Point2D.Double[]> skeletons, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, PASS_PALETTE);
        return ((DataBufferByte) draw(skeletons, image).getRaster().getDataBuffer()).getData();
    }

    private static BufferedImage draw(List<Point2D.Double[]> skeletons, BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        Graphics2D g = image.createGraphics();
        try {
            FrameView.hints(g);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            int stick = stick(width, height);
            for (Point2D.Double[] at : skeletons) {
                for (int i = 0; i < LIMBS.length; i++) {
                    Point2D.Double p = at[LIMBS[i][0].ordinal()];
                    Point2D.Double q = at[LIMBS[i][1].ordinal()];
                    if (p != null && q != null) {
                        limb(g, p, q, stick, colour(i, 0.6));
                    }
                }
                for (int j = 0; j < at.length; j++) {
                    if (at[j] != null) {
                        g.setColor(colour(j, 1));
                        g.fill(new Ellipse2D.Double(at[j].x - stick, at[j].y - stick, 2.0 * stick, 2.0 * stick));
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Each joint's pixel, or null where it is behind the lens or a camera would not see it on a person. */
    static Point2D.Double[] keypoints(FrameView view, Vec3 eye, Body body) {
        Point2D.Double[] out = new Point2D.Double[Joint.values().length];
        // Which way the camera is, seen across the body: square to the spine (on the plan for an upright figure).
        Vec3 up = body.spine();
        Vec3 look = eye.minus(body.joint(Joint.NECK));
        look = look.minus(up.times(look.dot(up)));
        Vec3 toCamera = look.length() < 1e-9 ? body.front() : look.unit();
        double front = toCamera.dot(body.front());
        double right = toCamera.dot(body.across());
        for (Joint j : Joint.values()) {
            Vec3 p = body.joint(j);
            boolean hidden = switch (j) {
                case NOSE -> front < -0.1;
                case RIGHT_EYE -> front < -0.1 || right < -0.75;
                case LEFT_EYE -> front < -0.1 || right > 0.75;
                case RIGHT_EAR -> right < -0.5;
                case LEFT_EAR -> right > 0.5;
                default -> false;
            };
            if (!hidden && view.depth(p) > FrameView.NEAR) {
                out[j.ordinal()] = view.pixel(p);
            }
        }
        return out;
    }

    private static void limb(Graphics2D g, Point2D.Double p, Point2D.Double q, int stick, Color c) {
        double length = p.distance(q);
        if (!(length > 0) || !Double.isFinite(length)) {
            return;
        }
        AffineTransform before = g.getTransform();
        g.translate((p.x + q.x) / 2, (p.y + q.y) / 2);
        g.rotate(Math.atan2(q.y - p.y, q.x - p.x));
        g.setColor(c);
        g.fill(new Ellipse2D.Double(-length / 2, -stick, length, 2.0 * stick));
        g.setTransform(before);
    }

    private static Color colour(int i, double k) {
        int[] c = COLOURS[i];
        return new Color((int) (c[0] * k), (int) (c[1] * k), (int) (c[2] * k));
    }
}
