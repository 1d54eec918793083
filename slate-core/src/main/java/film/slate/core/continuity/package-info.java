/**
 * Continuity state (marks, wardrobe, props in hand) derived shot by shot in edit order, as
 * FORMAT.md describes. Every later step (rules, recipes, previz) reads it from here, so the
 * state is computed one way only.
 */
package film.slate.core.continuity;
