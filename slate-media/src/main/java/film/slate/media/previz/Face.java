package film.slate.media.previz;

import film.slate.core.stage.Vec3;
import java.awt.Color;
import java.util.List;

/**
 * A flat polygon of the set, in metres, with its colour as lit and whose it is: the character it
 * belongs to (their body and the props in their hands), empty for the set. The masks follow owners.
 */
record Face(List<Vec3> corners, Color color, String owner) {
    Face {
        corners = List.copyOf(corners);
        java.util.Objects.requireNonNull(owner, "owner");
    }

    /** A face of the set, nobody's. */
    Face(List<Vec3> corners, Color color) {
        this(corners, color, "");
    }

    /** This face as part of {@code character}. */
    Face ownedBy(String character) {
        return new Face(corners, color, character);
    }

    Vec3 centroid() {
        Vec3 sum = new Vec3(0, 0, 0);
        for (Vec3 c : corners) {
            sum = sum.plus(c);
        }
        return sum.times(1.0 / corners.size());
    }

    /** The normal by the right-hand rule over the first three corners. */
    Vec3 normal() {
        Vec3 a = corners.get(1).minus(corners.get(0));
        Vec3 b = corners.get(2).minus(corners.get(0));
        return a.cross(b).unit();
    }
}
