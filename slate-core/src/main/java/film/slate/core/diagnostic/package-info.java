/**
 * Findings and where they point. Every reader and rule reports through {@link
 * film.slate.core.diagnostic.Diagnostics}; the rule ids of {@link film.slate.core.diagnostic.Rule}
 * are the contract of FORMAT.md's table.
 */
package film.slate.core.diagnostic;
