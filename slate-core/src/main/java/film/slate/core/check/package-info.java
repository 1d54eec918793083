/**
 * The rule checker behind {@code slate check}: one small class per family of FORMAT.md's rules,
 * run in order by {@link film.slate.core.check.Checker} over the production, its continuity
 * and each shot staged in time.
 */
package film.slate.core.check;
