package film.slate.core.report;

import java.util.List;
import java.util.Objects;

/**
 * A suggested repair of one finding: what it does, in words, and the text edits that do it. Each
 * edit replaces {@code length} characters at a 1-based line and column of a production-relative
 * file with {@code text}, within that line, so SARIF can carry it as a replacement region and
 * {@code slate check --fix} can apply it without touching any other line.
 */
public record QuickFix(String description, List<Edit> edits) {
    public QuickFix {
        Objects.requireNonNull(description, "description");
        edits = List.copyOf(edits);
    }

    /** One replacement within one line. */
    public record Edit(String file, int line, int column, int length, String text) {
        public Edit {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(text, "text");
            if (line < 1 || column < 1 || length < 0) {
                throw new IllegalArgumentException("bad edit region " + line + ":" + column + "+" + length);
            }
        }
    }
}
