package film.slate.media.previz;

import film.slate.core.stage.Vec3;
import java.awt.Color;

/** Text standing in the set (a character's name over their head), {@code metres} tall, centred on {@code anchor}. */
record Label(Vec3 anchor, String text, double metres, Color color) {
}
