/**
 * Targeted fixes, pixel by pixel: a fix's {@link film.slate.media.composite.Mask}, its alpha
 * feathered inward only ({@link film.slate.media.composite.Alpha}), the composite of a backend's
 * frames into the parent take's decoded frames ({@link film.slate.media.composite.TakeComposite}),
 * and the pixel difference of two takes ({@link film.slate.media.composite.PixelDiff}). Outside the
 * mask and the frame range the parent's decoded bytes pass through untouched, so an FFV1 master
 * made from them decodes to the parent's pixels, bit for bit.
 */
package film.slate.media.composite;
