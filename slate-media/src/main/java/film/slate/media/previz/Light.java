package film.slate.media.previz;

import film.slate.core.stage.Vec3;
import java.awt.Color;

/** One fixed key light from above and the south-west, plus ambient: enough to read the shape of a box. */
record Light(TimeOfDay time) {
    private static final Vec3 KEY = new Vec3(-0.35, -0.55, 0.76).unit();

    /** {@code raw}, lit by its normal (the winding sets which way it faces) from its own colour. */
    Face face(Face raw) {
        Color base = raw.color();
        double lambert = Math.max(0, raw.normal().dot(KEY));
        double k = 0.62 + 0.38 * lambert;
        double level = Math.max(0.8, time.level());
        return raw.in(new Color(clamp(base.getRed() * k * level), clamp(base.getGreen() * k * level),
                clamp(base.getBlue() * k * level)));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
