package film.slate.media.previz;

import film.slate.core.continuity.ShotState;
import film.slate.core.model.Bible;
import film.slate.core.model.MoveType;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.model.VideoFormat;
import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Staging;
import film.slate.core.stage.Vec3;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One take of one shot, ready to draw any of its frames. Frame {@code i} of {@code n} is the
 * instant {@code t = i / (n - 1)} of the shot's {@link Staging}; a shot shorter than one frame
 * still has one. Pictures are {@link BufferedImage#TYPE_3BYTE_BGR} (the bytes FFmpeg reads as
 * {@code bgr24}); depth pictures are {@link BufferedImage#TYPE_BYTE_GRAY}.
 */
public final class PrevizShot {
    /** Shake of a handheld move that names no amplitude, in metres. */
    static final double DEFAULT_SHAKE = 0.015;

    private final String title;
    private final Shot shot;
    private final VideoFormat format;
    private final int take;
    private final long seed;
    private final Scenery scenery;
    private final Shake shake;

    PrevizShot(String title, ScenePlan scene, ShotState state, Bible bible, VideoFormat format, int take, long seed) {
        this.title = title;
        this.shot = state.shot();
        this.format = format;
        this.take = take;
        this.seed = seed;
        this.scenery = new Scenery(scene, state, bible);
        double amplitude = shot.move().type() == MoveType.HANDHELD ? shot.move().amplitude().orElse(DEFAULT_SHAKE) : 0;
        this.shake = new Shake(seed, amplitude);
    }

    public Shot shot() {
        return shot;
    }

    public VideoFormat format() {
        return format;
    }

    public int take() {
        return take;
    }

    public long seed() {
        return seed;
    }

    public Staging staging() {
        return scenery.staging();
    }

    /** Frames in the shot: its duration at the production's rate, at least one. */
    public int frames() {
        double d = shot.duration();
        return Double.isFinite(d) && d > 0 ? Math.max(1, format.frames(d)) : 1;
    }

    /** The instant of frame {@code frame}, in [0, 1]. */
    public double instant(int frame) {
        int n = frames();
        return n <= 1 ? 0 : Math.max(0, Math.min(1, frame / (double) (n - 1)));
    }

    /** The frame nearest {@code seconds} into the shot (clamped to the shot). */
    public int frameAt(double seconds) {
        return (int) Math.max(0, Math.min(frames() - 1, Math.round(seconds * format.fps())));
    }

    /**
     * The camera of frame {@code frame}: the staging's pose plus the seeded handheld shake. A
     * camera that sits on its aim (which the checker reports) looks north rather than nowhere.
     */
    public CameraPose camera(int frame) {
        CameraPose pose = staging().camera(instant(frame));
        double seconds = frame / (double) format.fps();
        Vec3 eye = pose.eye().plus(shake.eye(seconds));
        Vec3 target = pose.target().plus(shake.aim(seconds));
        if (target.minus(eye).length() < 1e-6) {
            target = eye.plus(new Vec3(0, 1, 0));
        }
        double lens = Double.isFinite(pose.lens()) && pose.lens() > 0 ? pose.lens() : 35;
        return new CameraPose(eye, target, lens);
    }

    /** Frame {@code frame} staged once for every drawing of it: camera, picture plane, the cast's faces in order. */
    FrameSetup setup(int frame) {
        return setup(draft(frame));
    }

    /** A drafted frame staged: its cast's faces built and put in painting order. */
    FrameSetup setup(Draft draft) {
        FrameView view = new FrameView(draft.camera(), format.width(), format.height());
        return new FrameSetup(draft.index(), draft.instant(), draft.camera(), view,
                sorted(view, draft.camera().eye(), scenery.cast(draft.instant())));
    }

    /**
     * A frame before its staging: its camera and what its cast's faces are built from ({@link
     * Scenery#castKey}). Two frames with the same draft have the same setup, so the second (a held
     * frame) need not have its faces built and put in painting order again.
     */
    record Draft(int index, double instant, CameraPose camera, List<Object> cast) {
        boolean sameAs(Draft other) {
            return other != null && camera.equals(other.camera) && cast.equals(other.cast);
        }
    }

    /** Frame {@code frame} drafted: its camera and its cast's key. */
    Draft draft(int frame) {
        double t = instant(frame);
        return new Draft(frame, t, camera(frame), scenery.castKey(t));
    }

    /** Frame {@code frame} as the camera sees it, without a burn-in. */
    public BufferedImage picture(int frame) {
        return draw(setup(frame), null, true, true);
    }

    /** Frame {@code frame} with the slate burnt in. */
    public BufferedImage picture(int frame, BurnIn burnIn) {
        return draw(setup(frame), burnIn, true, true);
    }

    /**
     * What the picture of a staged frame (without a burn-in) is drawn from: the camera (the set's
     * faces and the picture plane follow it), the cast's faces in painting order and the names over
     * their heads. Two frames with equal sources have the same picture, pixel for pixel.
     */
    record PictureSource(CameraPose camera, List<List<Vec3>> corners, List<Color> colours, List<String> owners,
            List<Label> labels) {
    }

    PictureSource pictureSource(FrameSetup frame) {
        List<List<Vec3>> corners = new ArrayList<>(frame.cast().size());
        List<Color> colours = new ArrayList<>(frame.cast().size());
        List<String> owners = new ArrayList<>(frame.cast().size());
        for (Face f : frame.cast()) {
            corners.add(f.corners());
            colours.add(f.color());
            owners.add(f.owner());
        }
        return new PictureSource(frame.camera(), corners, colours, owners, scenery.names(frame.instant()));
    }

    /** The picture of a staged frame, with the slate burnt in when {@code burnIn} is not null. */
    BufferedImage picture(FrameSetup frame, BurnIn burnIn) {
        return draw(frame, burnIn, true, true);
    }

    /**
     * Frame {@code frame} without the names over the heads, the picture masks are measured
     * against; without antialiasing it fills exactly the pixels whose centres a face covers.
     */
    BufferedImage pictureWithoutNames(int frame, boolean antialias) {
        return draw(setup(frame), null, false, antialias);
    }

    /** The scene's cast, in cast order: the characters masks and poses are drawn for. */
    public List<String> cast() {
        return List.copyOf(staging().cast());
    }

    /** Who previz draws at each pixel of frame {@code frame} ({@link SubjectMasks}). */
    public SubjectMasks masks(int frame) {
        return masks(setup(frame));
    }

    SubjectMasks masks(FrameSetup frame) {
        return SubjectMasks.draw(frame.view(), frame.cast(), cast(), format.width(), format.height());
    }

    /**
     * Frame {@code frame}'s masks in one picture, for a person to read: each character's pixels in
     * their identity colour, black elsewhere.
     */
    public BufferedImage maskColours(int frame) {
        return masks(frame).colours(cast().stream().map(scenery::colour).toList());
    }

    /** {@code character}'s identity colour as {@code #rrggbb}: the colour previz and the board's masks show them in. */
    public String colour(String character) {
        return String.format(Locale.ROOT, "#%06x", scenery.colour(character).getRGB() & 0xffffff);
    }

    /** Frame {@code frame}'s OpenPose skeletons of everyone in the scene ({@link PoseDrawing}). */
    public BufferedImage pose(int frame) {
        return pose(setup(frame));
    }

    BufferedImage pose(FrameSetup frame) {
        return PoseDrawing.draw(skeletons(frame), format.width(), format.height());
    }

    /** A staged frame's skeletons as keypoints, in drawing order ({@link PoseDrawing#skeletons}). */
    List<java.awt.geom.Point2D.Double[]> skeletons(FrameSetup frame) {
        return skeletons(frame.view(), frame.camera(), frame.instant());
    }

    private List<java.awt.geom.Point2D.Double[]> skeletons(FrameView view, CameraPose camera, double instant) {
        List<film.slate.core.stage.Body> bodies = new ArrayList<>();
        for (String c : staging().cast()) {
            staging().body(c, instant).ifPresent(bodies::add);
        }
        return PoseDrawing.skeletons(view, camera.eye(), bodies);
    }

    private BufferedImage draw(FrameSetup frame, BurnIn burnIn, boolean names, boolean antialias) {
        BufferedImage image = new BufferedImage(format.width(), format.height(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            FrameView.hints(g);
            if (!antialias) {
                g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_OFF);
            }
            FrameView view = frame.view();
            g.setColor(scenery.background());
            g.fillRect(0, 0, format.width(), format.height());
            for (Face f : scenery.fixedFaces(frame.camera().eye())) {
                view.fill(g, f);
            }
            for (Segment s : scenery.grid()) {
                view.stroke(g, s);
            }
            double t = frame.instant();
            for (Face f : frame.cast()) {
                view.fill(g, f);
            }
            List<Label> labels = new ArrayList<>(names ? scenery.names(t) : List.of());
            labels.sort(Comparator.comparingDouble((Label l) -> view.depth(l.anchor())).reversed());
            for (Label l : labels) {
                view.label(g, l);
            }
            if (burnIn != null) {
                burnIn.draw(g, format.width(), format.height(), title, slate(), new Timecode(burnIn.recordStart() + frame.index(),
                        format.fps()), cameraText());
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Frame {@code frame}'s depth: inverse distance along the lens axis, white at 2 m or nearer, black at infinity. */
    public BufferedImage depth(int frame) {
        BufferedImage image = new BufferedImage(format.width(), format.height(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            FrameView.hints(g);
            CameraPose pose = camera(frame);
            FrameView view = new FrameView(pose, format.width(), format.height());
            g.setColor(java.awt.Color.BLACK);
            g.fillRect(0, 0, format.width(), format.height());
            for (Face f : scenery.fixedFaces(pose.eye())) {
                view.fillDepth(g, f);
            }
            for (Face f : sorted(view, pose.eye(), scenery.cast(instant(frame)))) {
                view.fillDepth(g, f);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Faces turned to the camera, far to near (painter's order), with the set pieces hiding what is behind them. */
    private List<Face> sorted(FrameView view, Vec3 eye, List<Face> faces) {
        return DrawOrder.of(view, eye, faces, scenery.pieces());
    }

    /** {@code SC 1  SH 1A  TK 2}. */
    public String slate() {
        return "SC " + shot.scene() + "  SH " + shot.id() + "  TK " + take;
    }

    /** {@code 24 mm  WS  DOLLY}. */
    public String cameraText() {
        double lens = shot.camera().lens();
        String mm = lens == Math.rint(lens) ? Long.toString((long) lens) : String.format(Locale.ROOT, "%.1f", lens);
        String move = shot.move().type() == MoveType.STATIC ? "" : "  " + shot.move().type().name();
        return mm + " mm  " + shot.framing().name() + move;
    }
}
