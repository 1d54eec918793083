/**
 * The breakdown sheet a first AD prints: per scene its number, heading, INT/EXT, location, time of
 * day, length in eighths, estimated screen time, cast, bible props and planned shots; and the
 * totals of the script.
 *
 * <p>What the breakdown needs from outside the screenplay (bible props and characters, planned
 * shots) comes in through {@link film.slate.core.breakdown.BreakdownInputs}, so the sheet does not
 * depend on how a production is read.
 */
package film.slate.core.breakdown;
