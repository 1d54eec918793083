package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostics;

/** One family of rules over a whole production. Implementations are stateless. */
interface CheckRule {
    void check(Scene scene, Diagnostics diagnostics);
}
