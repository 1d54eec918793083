/**
 * HTTP for generator backends: one request with a deadline that covers the whole answer, the
 * faults a remote render meets sorted into transient and permanent, and the redaction of secrets
 * from anything a server says back.
 */
package film.slate.engine.remote;
