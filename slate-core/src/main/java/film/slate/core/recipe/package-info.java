/**
 * Render recipes: every take of every shot compiled to canonical JSON (RFC 8785) whose SHA-256 is
 * the recipe's id. The compiler reads the bible, the continuity state at the shot and the backend
 * configuration; it never reads what was rendered before, so the same production gives the same
 * recipe ids on any machine.
 */
package film.slate.core.recipe;
