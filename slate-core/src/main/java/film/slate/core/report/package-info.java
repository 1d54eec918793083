/** Findings written for people (compiler-style text) and for tools (Slate JSON, SARIF 2.1.0). */
package film.slate.core.report;
