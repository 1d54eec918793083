package film.slate.cli;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.read.ReadProduction;
import java.io.PrintWriter;
import java.util.List;

/** Files of a production that did not parse, which commands that carry on without them must say. */
final class Unparsed {
    private Unparsed() {
    }

    /** The first syntax error of each file that does not parse, in file order. */
    static List<Diagnostic> of(ReadProduction read) {
        return read.diagnostics().stream().filter(d -> d.rule() == Rule.SYNTAX_YAML)
                .filter(distinctFile()).toList();
    }

    private static java.util.function.Predicate<Diagnostic> distinctFile() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return d -> seen.add(d.position().file());
    }

    /** One warning line a file: "slate: warning: bible/props.yaml:3:1 does not parse; ... is left out of ...". */
    static void warn(ReadProduction read, PrintWriter err, String leftOutOf) {
        for (Diagnostic d : of(read)) {
            err.println("slate: warning: " + d.position() + " does not parse; it is left out of " + leftOutOf
                    + " (run 'slate check' to see why)");
        }
    }
}
