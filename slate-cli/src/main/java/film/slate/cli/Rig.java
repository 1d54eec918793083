package film.slate.cli;

import film.slate.engine.generator.Generators;
import java.time.Duration;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command line runs with besides its words, given to {@link Main}'s constructor: the
 * generators by backend type and the wait before a failed take's first retry. Tests hand in a
 * stand-in generator or a short wait here; nothing is read from system properties.
 *
 * @param generators the generator of each backend type
 * @param retryBase the wait before the first retry of a take that failed for a passing cause
 */
record Rig(Generators generators, Duration retryBase) {
    Rig {
        Objects.requireNonNull(generators, "generators");
        Objects.requireNonNull(retryBase, "retryBase");
    }

    /** The wait before a first retry when none is given. */
    static final Duration RETRY_BASE = Duration.ofMillis(500);

    /** The generators found on the class path, {@link #RETRY_BASE} before a first retry. */
    static Rig standard() {
        return new Rig(Generators.discover(), RETRY_BASE);
    }

    /** The rig of the command line that {@code spec} belongs to. */
    static Rig of(CommandSpec spec) {
        return ((Main) spec.root().userObject()).rig();
    }
}
