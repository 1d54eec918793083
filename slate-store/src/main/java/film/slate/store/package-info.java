/**
 * The store of a production, {@code .slate/} in its folder: content-addressed objects (media)
 * and the database of recipes, takes, renders and events.
 */
package film.slate.store;
