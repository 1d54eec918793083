/**
 * The built-in previz renderer: what a shot's camera sees, frame by frame, drawn through the same
 * {@link film.slate.core.stage.Staging} and {@link film.slate.core.stage.CameraPose} projection the
 * checker measures with. A floor with a metre grid, walls from the location's size, figures of
 * their height in their identity colour facing where they face, props in hand, a sky or ceiling
 * tinted by the time of day; an optional burn-in slate; and a depth picture (near bright, far dark:
 * inverse depth, exact per pixel for the planar set) that later generators condition on.
 *
 * <p>Deterministic by construction: a shipped font, fixed rendering hints, {@link java.lang.StrictMath}
 * for the shake, and no randomness that is not seeded by the caller.
 */
package film.slate.media.previz;
