/**
 * A generator's footage brought to the production's format: whatever size, rate and length a
 * model made, a take is stored at the production's width, height, fps and frame count, as a
 * lossless master and an H.264 proxy, like previz takes.
 */
package film.slate.media.footage;
