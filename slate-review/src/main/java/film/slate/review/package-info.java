/**
 * The review room: the web server and JSON API where a director watches takes, notes frames and
 * approves takes, and the choices and exports the command line shares with it. Depends on core,
 * media, store and engine; only the command line depends on it.
 */
package film.slate.review;
