package film.slate.media.board;

import static film.slate.media.board.Html.esc;
import static film.slate.media.board.Html.num;

import film.slate.core.check.ActionLine;
import film.slate.core.model.Location;
import film.slate.core.model.Point;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.SetPiece;
import film.slate.core.model.Shot;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Sight;
import film.slate.core.stage.Staging;
import film.slate.media.previz.Previz;
import film.slate.media.previz.PrevizShot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A scene's floor plan, seen from above with north up: the room and its metre grid, its set pieces and
 * the props resting on them or on the floor, each
 * character's opening mark and every move they make shot by shot, every camera with its field of
 * view and shot label (and its own move), and the action line as the checker draws it at the
 * first shot's start. Drawn from the same {@link Staging} previz renders.
 */
public final class FloorPlan {
    /** Pixels per metre. */
    static final double SCALE = 50;
    private static final double MARGIN = 1.0;

    private final Previz previz;
    private final ScenePlan scene;
    private final List<PrevizShot> shots = new ArrayList<>();
    private final Optional<Location> location;
    private final double width;
    private final double depth;
    private double minX;
    private double minY;
    private double maxX;
    private double maxY;

    public FloorPlan(Previz previz, ScenePlan scene) {
        this.previz = previz;
        this.scene = scene;
        this.location = Optional.ofNullable(previz.production().bible().locations().get(scene.location()));
        this.width = location.map(Location::width).orElse(8.0);
        this.depth = location.map(Location::depth).orElse(8.0);
        for (Shot s : scene.shots()) {
            previz.shot(s.fullId(), 1).ifPresent(shots::add);
        }
        minX = 0;
        minY = 0;
        maxX = width;
        maxY = depth;
        for (PrevizShot s : shots) {
            for (double t : new double[] {0, 1}) {
                include(s.staging().camera(t).eye().plan());
                for (String c : s.staging().cast()) {
                    s.staging().position(c, t).ifPresent(this::include);
                }
            }
        }
        minX -= MARGIN;
        minY -= MARGIN;
        maxX += MARGIN;
        maxY += MARGIN;
    }

    private void include(Point p) {
        minX = Math.min(minX, p.x());
        minY = Math.min(minY, p.y());
        maxX = Math.max(maxX, p.x());
        maxY = Math.max(maxY, p.y());
    }

    double sx(double x) {
        return (x - minX) * SCALE;
    }

    double sy(double y) {
        return (maxY - y) * SCALE;
    }

    /** The plan point under SVG coordinates {@code (x, y)}: the inverse of the drawing transform. */
    public Point toPlan(double x, double y) {
        return new Point(x / SCALE + minX, maxY - y / SCALE);
    }

    /** The action line the plan draws (the checker's, at the first shot's first frame), if the scene has one. */
    public Optional<ActionLine> actionLine() {
        if (scene.axis().isEmpty() || shots.isEmpty()) {
            return Optional.empty();
        }
        return ActionLine.of(scene.axis().get(), shots.get(0).staging(), 0);
    }

    /** The plan as a standalone SVG element. */
    public String svg() {
        StringBuilder b = new StringBuilder();
        double w = (maxX - minX) * SCALE;
        double h = (maxY - minY) * SCALE;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plan\" viewBox=\"0 0 ").append(num(w)).append(' ')
                .append(num(h)).append("\" width=\"").append(num(Math.min(w, 640))).append("\">\n");
        b.append("<defs><marker id=\"arrow-s").append(esc(scene.scene())).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\""
                + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/></marker></defs>\n");
        b.append("<rect x=\"0\" y=\"0\" width=\"").append(num(w)).append("\" height=\"").append(num(h)).append("\" fill=\"#f4f1ea\"/>\n");
        for (int x = 0; x <= (int) Math.floor(width); x++) {
            line(b, x, 0, x, depth, "#d8d2c4", 1, "");
        }
        for (int y = 0; y <= (int) Math.floor(depth); y++) {
            line(b, 0, y, width, y, "#d8d2c4", 1, "");
        }
        b.append("<rect class=\"room\" x=\"").append(num(sx(0))).append("\" y=\"").append(num(sy(depth))).append("\" width=\"")
                .append(num(width * SCALE)).append("\" height=\"").append(num(depth * SCALE))
                .append("\" fill=\"none\" stroke=\"#3a342c\" stroke-width=\"3\"/>\n");
        location.ifPresent(l -> l.set().forEach(piece -> drawPiece(b, piece)));
        drawProps(b);
        actionLine().ifPresent(l -> drawActionLine(b, l));
        String marker = "url(#arrow-s" + esc(scene.scene()) + ")";
        for (PrevizShot s : shots) {
            Staging st = s.staging();
            for (String c : st.cast()) {
                Point a = st.position(c, 0).orElseThrow();
                Point z = st.position(c, 1).orElseThrow();
                if (a.distance(z) > 1e-3) {
                    b.append("<line class=\"walk\" x1=\"").append(num(sx(a.x()))).append("\" y1=\"").append(num(sy(a.y())))
                            .append("\" x2=\"").append(num(sx(z.x()))).append("\" y2=\"").append(num(sy(z.y())))
                            .append("\" stroke=\"").append(colour(c)).append("\" stroke-width=\"2.5\" marker-end=\"").append(marker)
                            .append("\"><title>").append(esc(c + " in " + s.shot().fullId())).append("</title></line>\n");
                }
            }
        }
        if (!shots.isEmpty()) {
            Staging first = shots.get(0).staging();
            for (String c : first.cast()) {
                Point p = first.position(c, 0).orElseThrow();
                double facing = first.facing(c, 0);
                Point nose = p.plus(Point.ofBearing(facing).times(0.45));
                b.append("<g class=\"mark\"><circle cx=\"").append(num(sx(p.x()))).append("\" cy=\"").append(num(sy(p.y())))
                        .append("\" r=\"").append(num(0.25 * SCALE)).append("\" fill=\"").append(colour(c))
                        .append("\" stroke=\"#222\" stroke-width=\"1.5\"/>");
                line(b, p.x(), p.y(), nose.x(), nose.y(), "#222", 3, "");
                b.append("<text x=\"").append(num(sx(p.x()))).append("\" y=\"").append(num(sy(p.y()) - 0.35 * SCALE))
                        .append("\" text-anchor=\"middle\" class=\"name\">").append(esc(c + posture(first, c)))
                        .append("</text></g>\n");
            }
        }
        for (PrevizShot s : shots) {
            drawCamera(b, s, marker);
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /** A set piece as the block it is, seen from above, with its name. */
    private void drawPiece(StringBuilder b, SetPiece piece) {
        StringBuilder points = new StringBuilder();
        for (Point c : piece.corners()) {
            points.append(points.length() == 0 ? "" : " ").append(num(sx(c.x()))).append(',').append(num(sy(c.y())));
        }
        b.append("<g class=\"piece\"><polygon points=\"").append(points).append("\" fill=\"#b59b7c\" stroke=\"#5a4632\""
                + " stroke-width=\"2\"><title>").append(esc(piece.id() + ", " + num(piece.height()) + " m high"))
                .append("</title></polygon><text x=\"").append(num(sx(piece.at().x()))).append("\" y=\"")
                .append(num(sy(piece.at().y()) + 4)).append("\" text-anchor=\"middle\" class=\"piece-name\">")
                .append(esc(piece.id())).append("</text></g>\n");
    }

    /** Every place a prop rests on the set during the scene, drawn over the pieces, saying what it rests on. */
    private void drawProps(StringBuilder b) {
        Map<String, Set<Point>> drawn = new LinkedHashMap<>();
        List<SetPiece> set = location.map(Location::set).orElse(List.of());
        double half = Sight.PROP_SIZE / 2;
        for (PrevizShot s : shots) {
            for (Map<String, Point> resting : List.of(s.staging().state().setStart(), s.staging().state().setEnd())) {
                resting.forEach((prop, at) -> {
                    if (drawn.computeIfAbsent(prop, k -> new HashSet<>()).add(at)) {
                        String on = SetPiece.under(set, at, half, 0).map(p -> "on " + p.id() + " (" + num(p.height()) + " m)")
                                .orElse("on the floor");
                        b.append("<g class=\"prop\" data-prop=\"").append(esc(prop)).append("\"><rect x=\"")
                                .append(num(sx(at.x() - half))).append("\" y=\"").append(num(sy(at.y() + half)))
                                .append("\" width=\"").append(num(2 * half * SCALE)).append("\" height=\"")
                                .append(num(2 * half * SCALE)).append("\" fill=\"#f0c040\" stroke=\"#222\"><title>")
                                .append(esc(prop + ", " + on)).append("</title></rect><text x=\"").append(num(sx(at.x())))
                                .append("\" y=\"").append(num(sy(at.y()) - half * SCALE - 3))
                                .append("\" text-anchor=\"middle\" class=\"prop-name\">").append(esc(prop)).append("</text></g>\n");
                    }
                });
            }
        }
    }

    /** " (sits)", " (kneels)", " (lies)" after the name of one who does not stand at the scene's start. */
    private static String posture(Staging staging, String c) {
        return staging.state().atStart(c).map(s -> switch (s.posture()) {
            case STAND -> "";
            case SIT -> " (sits)";
            case KNEEL -> " (kneels)";
            case LIE -> " (lies)";
        }).orElse("");
    }

    private void drawActionLine(StringBuilder b, ActionLine l) {
        Point dir = l.to().minus(l.from());
        Point u = dir.times(1 / dir.length());
        double reach = (maxX - minX) + (maxY - minY);
        Point a = l.from().minus(u.times(reach));
        Point z = l.to().plus(u.times(reach));
        b.append("<g class=\"action-line\"><line x1=\"").append(num(sx(a.x()))).append("\" y1=\"").append(num(sy(a.y())))
                .append("\" x2=\"").append(num(sx(z.x()))).append("\" y2=\"").append(num(sy(z.y())))
                .append("\" stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"8 6\" opacity=\"0.7\"/>\n");
        b.append("<line id=\"action-line-").append(esc(scene.scene())).append("\" x1=\"").append(num(sx(l.from().x())))
                .append("\" y1=\"").append(num(sy(l.from().y()))).append("\" x2=\"").append(num(sx(l.to().x())))
                .append("\" y2=\"").append(num(sy(l.to().y()))).append("\" stroke=\"#c0392b\" stroke-width=\"3\"><title>")
                .append(esc("action line " + l.label())).append("</title></line></g>\n");
    }

    private void drawCamera(StringBuilder b, PrevizShot s, String marker) {
        CameraPose pose = s.staging().camera(0);
        Point eye = pose.eye().plan();
        double bearing = pose.bearing();
        double half = Math.min(pose.horizontalFov() / 2, 89);
        double reach = Math.max(1.2, Math.min(4, eye.distance(pose.target().plan())));
        Point left = eye.plus(Point.ofBearing(bearing - half).times(reach));
        Point right = eye.plus(Point.ofBearing(bearing + half).times(reach));
        String id = s.shot().fullId();
        b.append("<g class=\"camera\" data-shot=\"").append(esc(id)).append("\"><path d=\"M").append(num(sx(eye.x()))).append(',')
                .append(num(sy(eye.y()))).append(" L").append(num(sx(left.x()))).append(',').append(num(sy(left.y())))
                .append(" L").append(num(sx(right.x()))).append(',').append(num(sy(right.y())))
                .append(" Z\" fill=\"#2c7fb8\" fill-opacity=\"0.12\" stroke=\"#2c7fb8\" stroke-width=\"1\"/>");
        CameraPose end = s.staging().camera(1);
        if (end.eye().plan().distance(eye) > 1e-3) {
            b.append("<line x1=\"").append(num(sx(eye.x()))).append("\" y1=\"").append(num(sy(eye.y()))).append("\" x2=\"")
                    .append(num(sx(end.eye().x()))).append("\" y2=\"").append(num(sy(end.eye().y())))
                    .append("\" stroke=\"#2c7fb8\" stroke-width=\"2\" stroke-dasharray=\"4 3\" marker-end=\"").append(marker)
                    .append("\"/>");
        }
        b.append("<rect x=\"").append(num(sx(eye.x()) - 9)).append("\" y=\"").append(num(sy(eye.y()) - 7))
                .append("\" width=\"18\" height=\"14\" rx=\"2\" fill=\"#1d4e72\"/>");
        b.append("<text x=\"").append(num(sx(eye.x()))).append("\" y=\"").append(num(sy(eye.y()) + 22))
                .append("\" text-anchor=\"middle\" class=\"shot\">").append(esc(s.shot().id() + " " + fmtLens(s)))
                .append("</text></g>\n");
    }

    private static String fmtLens(PrevizShot s) {
        return num(s.shot().camera().lens()) + "mm";
    }

    private void line(StringBuilder b, double x1, double y1, double x2, double y2, String stroke, double width, String cls) {
        b.append("<line").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append(" x1=\"").append(num(sx(x1)))
                .append("\" y1=\"").append(num(sy(y1))).append("\" x2=\"").append(num(sx(x2))).append("\" y2=\"")
                .append(num(sy(y2))).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(num(width))
                .append("\"/>\n");
    }

    private String colour(String character) {
        return Optional.ofNullable(previz.production().bible().characters().get(character)).map(c -> c.color())
                .orElse("#888888");
    }
}
