package film.slate.cli;

import film.slate.engine.generator.Generators;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command line runs with besides its words, given to {@link Main}'s constructor: the
 * generators by backend type, the wait before a failed take's first retry and the environment
 * (where secrets such as the studio's signing key come from). Tests hand in a stand-in generator, a
 * short wait or a key here; nothing is read from system properties.
 *
 * @param generators the generator of each backend type
 * @param retryBase the wait before the first retry of a take that failed for a passing cause
 * @param environment the process environment
 */
record Rig(Generators generators, Duration retryBase, Map<String, String> environment) {
    Rig {
        Objects.requireNonNull(generators, "generators");
        Objects.requireNonNull(retryBase, "retryBase");
        environment = Map.copyOf(environment);
    }

    /** A rig with the process's own environment. */
    Rig(Generators generators, Duration retryBase) {
        this(generators, retryBase, System.getenv());
    }

    /** This rig with {@code environment} in place of its own. */
    Rig with(Map<String, String> environment) {
        return new Rig(generators, retryBase, environment);
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
