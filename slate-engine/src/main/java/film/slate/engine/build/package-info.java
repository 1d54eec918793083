/**
 * The build: recipes compiled for the selected shots, compared with the store (the build graph:
 * what lacks an output), and the renders that are missing run as db-scheduler jobs on the
 * store's database, so several processes (or a render farm) share one queue.
 */
package film.slate.engine.build;
