/**
 * Shots played out in time and seen through a lens: {@link film.slate.core.stage.Staging} gives
 * the cast and the camera at any instant, {@link film.slate.core.stage.CameraPose} projects the
 * set into the picture. Previz renders and film-grammar rules both measure through these types, so
 * what the checker says and what previz shows cannot disagree.
 */
package film.slate.core.stage;
