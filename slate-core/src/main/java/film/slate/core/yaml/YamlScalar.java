package film.slate.core.yaml;

import film.slate.core.diagnostic.SourcePosition;
import java.util.Objects;

/** A scalar as written, with the type YAML's core schema gives it. */
public record YamlScalar(String text, Kind kind, SourcePosition position) implements YamlNode {

    /** What the YAML core schema made of the scalar. Quoted scalars are always strings. */
    public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    public YamlScalar {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isNumber() {
        return kind == Kind.INTEGER || kind == Kind.FLOAT;
    }

    @Override
    public String describe() {
        return switch (kind) {
            case STRING -> "the text \"" + abbreviate(text) + "\"";
            case INTEGER, FLOAT -> "the number " + abbreviate(text);
            case BOOLEAN -> text;
            case NULL -> "nothing";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
