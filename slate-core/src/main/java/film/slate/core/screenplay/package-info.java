/**
 * The screenplay as a production reads it: scenes in order with their number, heading, setting,
 * INT/EXT and resolved time of day (FORMAT.md), the dialogue blocks that shot plans point at, and
 * the pages and eighths of a page that a first AD counts ({@link
 * film.slate.core.screenplay.Pagination}).
 */
package film.slate.core.screenplay;
