package film.slate.core.diagnostic;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding: a rule, its severity, where it points, the shot it concerns ({@code 1/1A}) when
 * there is one, and one sentence that says what is wrong and how to fix it.
 */
public record Diagnostic(Rule rule, Severity severity, SourcePosition position, Optional<String> shot,
        String message) {

    /** Files in order, then lines, then rules: the order every format prints. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::position)
            .thenComparing(d -> d.rule().id())
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(message, "message");
    }

    /** A finding at the rule's own severity. */
    public static Diagnostic of(Rule rule, SourcePosition position, String message) {
        return new Diagnostic(rule, rule.severity(), position, Optional.empty(), message);
    }

    /** A finding about one shot, at the rule's own severity. */
    public static Diagnostic ofShot(Rule rule, SourcePosition position, String shot, String message) {
        return new Diagnostic(rule, rule.severity(), position, Optional.of(shot), message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code shots/002.yaml:14:7: error grammar/180: message}, as a compiler prints it. */
    @Override
    public String toString() {
        // The compiler-style line is what people read: values quoted in the message are escaped.
        return TerminalText.escape(position + ": " + severity.word() + " " + rule.id() + ": " + message);
    }
}
