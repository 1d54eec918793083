package film.slate.media.previz;

import film.slate.core.stage.CameraPose;
import java.util.List;

/**
 * What every drawing of one frame shares, worked out once: the camera (with its shake), the
 * picture plane, the instant, and the cast's faces in painting order ({@link DrawOrder}). The
 * picture, the depth, the owners of the masks and the pose of a frame all start from it, so a
 * render that draws several of them stages the frame once.
 */
record FrameSetup(int index, double instant, CameraPose camera, FrameView view, List<Face> cast) {
    FrameSetup {
        cast = List.copyOf(cast);
    }
}
