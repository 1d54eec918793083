/**
 * What every generator backend gives a model and takes back from it: the take's conditioning (the
 * compiled prompt, the seed and format, the identity reference, the previz control signal) and
 * the normalisation of whatever the model made into the production's format.
 */
package film.slate.engine.conditioning;
