package film.slate.media.previz;

import java.awt.Color;
import java.util.Locale;

/** The light of a scene's time of day: the sky (or the ceiling's cast), and how bright the set is. */
record TimeOfDay(Color sky, double level) {
    static TimeOfDay of(String time) {
        return switch (time.strip().toUpperCase(Locale.ROOT)) {
            case "NIGHT" -> new TimeOfDay(new Color(20, 26, 52), 0.55);
            case "DAWN", "SUNRISE" -> new TimeOfDay(new Color(232, 160, 132), 0.8);
            case "DUSK", "SUNSET" -> new TimeOfDay(new Color(196, 108, 92), 0.72);
            case "EVENING" -> new TimeOfDay(new Color(96, 80, 120), 0.66);
            case "MORNING" -> new TimeOfDay(new Color(172, 204, 232), 0.95);
            case "AFTERNOON" -> new TimeOfDay(new Color(140, 182, 222), 1.0);
            default -> new TimeOfDay(new Color(124, 172, 226), 1.0);
        };
    }

    /** {@code base} in this light: scaled by the level and tinted a fifth of the way towards the sky. */
    Color light(Color base) {
        return new Color(channel(base.getRed(), sky.getRed()), channel(base.getGreen(), sky.getGreen()),
                channel(base.getBlue(), sky.getBlue()));
    }

    private int channel(int base, int tint) {
        double v = (base * 0.8 + tint * 0.2) * level;
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
