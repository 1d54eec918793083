/**
 * Conform and delivery: the approved take version of each shot, in edit order and at its planned
 * length, copied out of the store (hash-verified) and described as OpenTimelineIO, CMX 3600 EDL and
 * FCPXML, encoded as one H.264 picture, with a manifest of every file's SHA-256. Conform assembles;
 * it never renders, so this module knows nothing of the engine.
 */
package film.slate.deliver;
