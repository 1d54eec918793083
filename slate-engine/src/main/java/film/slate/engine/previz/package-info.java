/**
 * The built-in previz backend: {@code slate-media}'s renderer behind the generator SPI, so a
 * build renders previz takes like any other generator's, into the content-addressed store.
 */
package film.slate.engine.previz;
