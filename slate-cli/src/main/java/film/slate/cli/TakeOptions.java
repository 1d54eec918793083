package film.slate.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --take}, {@code --version} and {@code --by}: which take version a review command is about, and who says so. */
final class TakeOptions {
    @Option(names = "--take", paramLabel = "N", description = "The take (default: the shot's only rendered take).")
    Integer take;

    @Option(names = "--version", paramLabel = "V", description = "The take's version (default: its latest).")
    Integer version;

    @Option(names = "--by", paramLabel = "NAME", description = "Who (default: the system user).")
    String by = System.getProperty("user.name", "someone");

    Optional<Integer> take() {
        return Optional.ofNullable(take);
    }

    Optional<Integer> version() {
        return Optional.ofNullable(version);
    }
}
