/**
 * A generator's footage brought to the production's format: whatever size, rate and length a
 * model made, a take is stored at the production's width, height, fps and frame count, as a
 * master and an H.264 proxy: the model's own H.264 stream when it already is that format, else a
 * lossless FFV1 master, like previz takes.
 */
package film.slate.media.footage;
