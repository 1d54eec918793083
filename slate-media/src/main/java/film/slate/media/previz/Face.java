package film.slate.media.previz;

import film.slate.core.stage.Vec3;
import java.awt.Color;
import java.util.List;
import java.util.Objects;

/**
 * A flat polygon of the set, in metres, with its colour as lit and whose it is: the character it
 * belongs to (their body and the props in their hands), empty for the set. The masks follow owners.
 * The centroid and normal are worked out once: painting order asks for them many times a frame.
 */
final class Face {
    private final List<Vec3> corners;
    private final Color color;
    private final String owner;
    private final Vec3 centroid;
    private final Vec3 normal;

    Face(List<Vec3> corners, Color color, String owner) {
        this(List.copyOf(corners), color, Objects.requireNonNull(owner, "owner"), null, null);
    }

    /** A face of the set, nobody's. */
    Face(List<Vec3> corners, Color color) {
        this(corners, color, "");
    }

    private Face(List<Vec3> corners, Color color, String owner, Vec3 centroid, Vec3 normal) {
        this.corners = corners;
        this.color = color;
        this.owner = owner;
        this.centroid = centroid != null ? centroid : centroidOf(corners);
        this.normal = normal != null ? normal : normalOf(corners);
    }

    List<Vec3> corners() {
        return corners;
    }

    Color color() {
        return color;
    }

    String owner() {
        return owner;
    }

    /** This face as part of {@code character}. */
    Face ownedBy(String character) {
        return new Face(corners, color, Objects.requireNonNull(character, "owner"), centroid, normal);
    }

    /** This face in another colour (lit, or an owner's number in the masks). */
    Face in(Color c) {
        return new Face(corners, c, owner, centroid, normal);
    }

    Vec3 centroid() {
        return centroid;
    }

    /** The normal by the right-hand rule over the first three corners. */
    Vec3 normal() {
        return normal;
    }

    private static Vec3 centroidOf(List<Vec3> corners) {
        Vec3 sum = new Vec3(0, 0, 0);
        for (Vec3 c : corners) {
            sum = sum.plus(c);
        }
        return sum.times(1.0 / corners.size());
    }

    private static Vec3 normalOf(List<Vec3> corners) {
        Vec3 a = corners.get(1).minus(corners.get(0));
        Vec3 b = corners.get(2).minus(corners.get(0));
        return a.cross(b).unit();
    }
}
