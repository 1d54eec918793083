/**
 * Targeted fixes (issue 14): {@link film.slate.engine.fix.FixPreconditions} checks an order
 * against the store in one place (and refuses with one sentence, storing nothing);
 * {@link film.slate.engine.fix.Fixer} has the backend render the region, composites its frames into
 * the parent's, and records the result as a new version of the take; {@link film.slate.engine.fix.Lineage}
 * is the version tree of a shot's takes; {@link film.slate.engine.fix.Reapply} applies stale fixes'
 * edits to rebuilt takes.
 */
package film.slate.engine.fix;
