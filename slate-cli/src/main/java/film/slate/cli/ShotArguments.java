package film.slate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code SHOT [DIR]} (or {@code -C DIR}): the arguments of commands about one shot of a production. */
final class ShotArguments {
    @Parameters(index = "0", paramLabel = "SHOT", description = "The shot, e.g. 1/1A.")
    String shot;

    @Option(names = {"-C", "--dir"}, paramLabel = "DIR", description = "The production folder (default: the current one).")
    Path option;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "The production folder, as -C gives it.")
    Path positional;

    /** The production folder: after the shot, or with -C, or the current one. */
    Path dir() {
        return positional != null ? positional : option != null ? option : Path.of(".");
    }
}
