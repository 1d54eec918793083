package film.slate.core.diagnostic;

import java.util.Objects;

/**
 * Where something stands in a production's files: a path relative to the production folder
 * (forward slashes), a 1-based line and a 1-based column. Line 0 means "the file as a whole".
 */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {

    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative position " + line + ":" + column);
        }
    }

    /** The file as a whole, for faults that have no better place. */
    public static SourcePosition ofFile(String file) {
        return new SourcePosition(file, 0, 0);
    }

    public static SourcePosition of(String file, int line, int column) {
        return new SourcePosition(file, line, column);
    }

    /** {@code file:line:column} as compilers print it; {@code file} alone when there is no line. */
    @Override
    public String toString() {
        String name = TerminalText.escape(file); // a file name may hold controls too
        if (line == 0) {
            return name;
        }
        return name + ":" + line + ":" + Math.max(column, 1);
    }

    @Override
    public int compareTo(SourcePosition o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
