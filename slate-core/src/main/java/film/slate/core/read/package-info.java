/**
 * Reading a production folder into the model ({@link film.slate.core.read.ProductionReader}).
 * Readers check each file's schema as they go ({@code syntax/*}, {@code schema/field},
 * {@code ref/file}); rules that relate files to each other live in {@code film.slate.core.check}.
 */
package film.slate.core.read;
