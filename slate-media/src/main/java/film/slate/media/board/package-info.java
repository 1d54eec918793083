/**
 * The storyboard a director prints: {@link film.slate.media.board.Storyboard#write} makes one HTML
 * page (opens from disk) with, per scene, a floor plan in SVG ({@link film.slate.media.board.FloorPlan}:
 * marks, movement arrows, cameras with field-of-view wedges, the action line exactly where the
 * checker puts it) and, per shot, first, middle and last previz frames with the shot's particulars,
 * dialogue and check diagnostics; and {@link film.slate.media.board.Animatic}: every shot in edit
 * order at its duration, with burn-ins.
 */
package film.slate.media.board;
