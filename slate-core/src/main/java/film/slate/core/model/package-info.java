/**
 * The production model: immutable records of what a production folder says, each with the
 * {@link film.slate.core.model.Positions} it was written at. Values validate in their
 * constructors; the reader ({@code film.slate.core.read}) turns files into them.
 */
package film.slate.core.model;
