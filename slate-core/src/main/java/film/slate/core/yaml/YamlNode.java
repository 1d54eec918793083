package film.slate.core.yaml;

import film.slate.core.diagnostic.SourcePosition;

/** A parsed YAML value that remembers where it was written. */
public sealed interface YamlNode permits YamlScalar, YamlMapping, YamlSequence {

    SourcePosition position();

    /** "a mapping", "a list", "a number"...: for messages that say what was found instead. */
    String describe();
}
