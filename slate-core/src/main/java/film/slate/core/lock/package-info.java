/**
 * Picture lock: {@code lock.yaml} in the production folder names, per locked shot, the approved
 * take version, its recipe (with the recipe's text, so a checkout without a store can still tell
 * which plan field an edit changed) and its master. {@code slate check} reports edits that would
 * change a locked shot's recipe; build and fix leave locked shots alone.
 */
package film.slate.core.lock;
