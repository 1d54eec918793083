package film.slate.media.previz;

import film.slate.core.stage.CameraPose;
import film.slate.core.stage.Vec3;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One frame staged for its passes: the staging every drawing of it starts from, what its owner
 * picture is drawn from and its skeletons (null when it is staged for its masks alone: no pose
 * is drawn from it). Two frames with the same mask source have the same masks, two with the same
 * skeletons the same pose picture: a still camera on a still cast, two frames in three of the
 * example, is drawn once.
 */
record PassFrame(FrameSetup setup, MaskSource masks, List<Point2D.Double[]> skeletons) {
    PassFrame {
        skeletons = skeletons == null ? null : List.copyOf(skeletons);
    }

    /** The skeletons, which a frame staged for its masks alone does not have. */
    @Override
    public List<Point2D.Double[]> skeletons() {
        if (skeletons == null) {
            throw new IllegalStateException("frame " + setup.index() + " was staged for its masks alone");
        }
        return skeletons;
    }

    /**
     * What a frame's owner picture is drawn from: the camera (the picture plane follows it) and
     * each face's corners and owner, in painting order.
     */
    record MaskSource(CameraPose camera, List<List<Vec3>> corners, List<String> owners) {
        static MaskSource of(FrameSetup frame) {
            List<List<Vec3>> corners = new ArrayList<>(frame.cast().size());
            List<String> owners = new ArrayList<>(frame.cast().size());
            for (Face f : frame.cast()) {
                corners.add(f.corners());
                owners.add(f.owner());
            }
            return new MaskSource(frame.camera(), corners, owners);
        }
    }

    /** {@code frame} of {@code shot}, staged for its passes. */
    static PassFrame of(PrevizShot shot, FrameSetup frame) {
        return new PassFrame(frame, MaskSource.of(frame), shot.skeletons(frame));
    }


    /** {@code frame}, staged for its masks alone: the skeletons, which cost more to stage than the faces, are left out. */
    static PassFrame masksOf(FrameSetup frame) {
        return new PassFrame(frame, MaskSource.of(frame), null);
    }

    /** Whether this frame's masks are those of {@code other}. */
    boolean sameMasks(PassFrame other) {
        return other == this || other != null && masks.equals(other.masks);
    }

    /** Whether this frame's pose picture is that of {@code other}: the same skeletons, keypoint for keypoint. */
    boolean samePose(PassFrame other) {
        if (other == this) {
            return true;
        }
        return other != null && sameSkeletons(skeletons(), other.skeletons());
    }

    /** Whether two frames' skeletons are the same, keypoint for keypoint. */
    static boolean sameSkeletons(List<Point2D.Double[]> mine, List<Point2D.Double[]> others) {
        if (others == null || others.size() != mine.size()) {
            return false;
        }
        for (int i = 0; i < mine.size(); i++) {
            if (!Arrays.equals(mine.get(i), others.get(i))) {
                return false;
            }
        }
        return true;
    }
}
