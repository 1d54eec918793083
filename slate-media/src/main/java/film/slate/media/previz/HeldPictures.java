package film.slate.media.previz;

import java.awt.image.BufferedImage;

/**
 * A take's pictures without a burn-in, drawn in frame order. A frame staged from the same source
 * as the one before ({@link PrevizShot.PictureSource}: a still camera on a still cast, two frames
 * in three of the example) is given that frame's very image, not drawn again: the encoder only
 * reads it, and sees the same array, which it does not pipe again either.
 */
final class HeldPictures {
    private final PrevizShot shot;
    private PrevizShot.PictureSource lastSource;
    private BufferedImage last;

    HeldPictures(PrevizShot shot) {
        this.shot = shot;
    }

    /** The picture of {@code frame}, the next frame of the take. */
    BufferedImage picture(FrameSetup frame) {
        PrevizShot.PictureSource source = shot.pictureSource(frame);
        if (last == null || !source.equals(lastSource)) {
            last = shot.picture(frame, null);
            lastSource = source;
        }
        return last;
    }
}
