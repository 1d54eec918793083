package film.slate.media.previz;

import film.slate.core.model.Point;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Vec3;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The picture plane of one frame: set primitives clipped at a near plane and projected through
 * {@link CameraPose#project}, the projection the checker uses, into pixels.
 */
final class FrameView {
    /** Nothing closer to the lens than this is drawn (metres along the view axis). */
    static final double NEAR = 0.05;
    /** The depth picture's white: inverse depth {@code DEPTH_REFERENCE / depth}, clamped to 1 (white at 2 m or nearer). */
    static final double DEPTH_REFERENCE = 2.0;

    private final CameraPose pose;
    private final int width;
    private final int height;

    FrameView(CameraPose pose, int width, int height) {
        this.pose = pose;
        this.width = width;
        this.height = height;
    }

    /** Fixed hints: the same pixels on every machine and run. */
    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_ALPHA_INTERPOLATION, RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    /** Pixel position of a point in front of the near plane. */
    Point2D.Double pixel(Vec3 p) {
        Point q = pose.project(p).orElseThrow();
        double half = width / 2.0;
        return new Point2D.Double(half + q.x() * half, height / 2.0 - q.y() * half);
    }

    /** Pixels per metre at one metre of depth (the focal length in pixels). */
    double focalPixels() {
        return (width / 2.0) / Math.tan(Math.toRadians(pose.horizontalFov() / 2));
    }

    double depth(Vec3 p) {
        return pose.depth(p);
    }

    /** The part of a polygon in front of the near plane (Sutherland-Hodgman against one plane). */
    List<Vec3> clip(List<Vec3> polygon) {
        List<Vec3> out = new ArrayList<>();
        int n = polygon.size();
        for (int i = 0; i < n; i++) {
            Vec3 a = polygon.get(i);
            Vec3 b = polygon.get((i + 1) % n);
            double da = pose.depth(a) - NEAR;
            double db = pose.depth(b) - NEAR;
            if (da >= 0) {
                out.add(a);
            }
            if ((da >= 0) != (db >= 0)) {
                out.add(a.lerp(b, da / (da - db)));
            }
        }
        return out;
    }

    private Optional<Path2D.Double> outline(List<Vec3> clipped) {
        if (clipped.size() < 3) {
            return Optional.empty();
        }
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < clipped.size(); i++) {
            Point2D.Double p = pixel(clipped.get(i));
            if (!Double.isFinite(p.x) || !Double.isFinite(p.y)) {
                return Optional.empty();
            }
            if (i == 0) {
                path.moveTo(p.x, p.y);
            } else {
                path.lineTo(p.x, p.y);
            }
        }
        path.closePath();
        return Optional.of(path);
    }

    /** Whether the face turns towards the camera (its normal points at the eye). */
    boolean facesCamera(Face f) {
        return f.normal().dot(pose.eye().minus(f.centroid())) > 0;
    }

    void fill(Graphics2D g, Face f) {
        outline(clip(f.corners())).ifPresent(path -> {
            g.setColor(f.color());
            g.fill(path);
        });
    }

    void stroke(Graphics2D g, Segment s) {
        List<Vec3> clipped = clip(List.of(s.from(), s.to(), s.from()));
        if (clipped.size() < 2) {
            return;
        }
        Point2D.Double a = pixel(clipped.get(0));
        Point2D.Double b = pixel(clipped.get(1));
        g.setColor(s.color());
        g.setStroke(new BasicStroke((float) (s.pixels() * width / 1280.0), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.draw(new java.awt.geom.Line2D.Double(a, b));
    }

    void label(Graphics2D g, Label l) {
        double d = pose.depth(l.anchor());
        if (d < NEAR * 4) {
            return;
        }
        double px = focalPixels() * l.metres() / d;
        if (!(px >= 7)) {
            return; // too far (or too wide a lens) to read
        }
        px = Math.min(px, height / 14.0);
        Point2D.Double at = pixel(l.anchor());
        if (at.x < -width || at.x > 2 * width || at.y < -height || at.y > 2 * height) {
            return;
        }
        Font font = PrevizFont.of((float) px);
        GlyphVector glyphs = font.createGlyphVector(g.getFontRenderContext(), l.text());
        Rectangle2D box = glyphs.getVisualBounds();
        float x = (float) (at.x - box.getWidth() / 2 - box.getX());
        float y = (float) (at.y - box.getHeight() / 2 - box.getY());
        g.setColor(new Color(0, 0, 0, 150));
        g.fill(new java.awt.geom.RoundRectangle2D.Double(x + box.getX() - px * 0.25, y + box.getY() - px * 0.15,
                box.getWidth() + px * 0.5, box.getHeight() + px * 0.3, px * 0.4, px * 0.4));
        g.setColor(l.color());
        g.drawGlyphVector(glyphs, x, y);
    }

    /**
     * Fills a face with its inverse depth: for a plane, {@code 1/depth} is affine across the
     * picture, so a linear gradient through three corners gives the exact value at every pixel.
     */
    void fillDepth(Graphics2D g, Face f) {
        List<Vec3> clipped = clip(f.corners());
        Optional<Path2D.Double> path = outline(clipped);
        if (path.isEmpty()) {
            return;
        }
        int n = clipped.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] vs = new double[n];
        for (int i = 0; i < n; i++) {
            Point2D.Double p = pixel(clipped.get(i));
            xs[i] = p.x;
            ys[i] = p.y;
            vs[i] = DEPTH_REFERENCE / pose.depth(clipped.get(i));
        }
        int[] widest = widestTriangle(xs, ys);
        int bj = widest[0];
        int bk = widest[1];
        double best = n < 3 ? 0 : Math.abs((xs[bj] - xs[0]) * (ys[bk] - ys[0]) - (xs[bk] - xs[0]) * (ys[bj] - ys[0]));
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : vs) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double lo = clamp01(min);
        double hi = clamp01(max);
        if (best < 1e-6 || hi - lo < 1.0 / 512) {
            g.setColor(grey((lo + hi) / 2));
            g.fill(path.get());
            return;
        }
        // v = a x + b y + c through corners 0, bj, bk.
        double x1 = xs[bj] - xs[0];
        double y1 = ys[bj] - ys[0];
        double x2 = xs[bk] - xs[0];
        double y2 = ys[bk] - ys[0];
        double v1 = vs[bj] - vs[0];
        double v2 = vs[bk] - vs[0];
        double det = x1 * y2 - x2 * y1;
        double a = (v1 * y2 - v2 * y1) / det;
        double b = (x1 * v2 - x2 * v1) / det;
        double g2 = a * a + b * b;
        if (!(g2 > 0) || !Double.isFinite(g2)) {
            g.setColor(grey((lo + hi) / 2));
            g.fill(path.get());
            return;
        }
        // Points on the gradient line through corner 0 where v reaches lo and hi.
        double kLo = (lo - vs[0]) / g2;
        double kHi = (hi - vs[0]) / g2;
        Point2D.Float pLo = new Point2D.Float((float) (xs[0] + a * kLo), (float) (ys[0] + b * kLo));
        Point2D.Float pHi = new Point2D.Float((float) (xs[0] + a * kHi), (float) (ys[0] + b * kHi));
        g.setPaint(new GradientPaint(pLo, grey(lo), pHi, grey(hi), false));
        g.fill(path.get());
    }

    /** The two corners that make the widest triangle with corner 0: they fix the plane of values best. */
    private static int[] widestTriangle(double[] xs, double[] ys) {
        int[] widest = {1, 2};
        double best = 0;
        for (int j = 1; j < xs.length; j++) {
            for (int k = j + 1; k < xs.length; k++) {
                double area = Math.abs((xs[j] - xs[0]) * (ys[k] - ys[0]) - (xs[k] - xs[0]) * (ys[j] - ys[0]));
                if (area > best) {
                    best = area;
                    widest[0] = j;
                    widest[1] = k;
                }
            }
        }
        return widest;
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static Color grey(double v) {
        int c = (int) Math.round(clamp01(v) * 255);
        return new Color(c, c, c);
    }
}
