package film.slate.cli;

import film.slate.store.Store;
import film.slate.store.db.Role;
import film.slate.store.db.Users;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slate user add|remove}: accounts for a review room reached from other machines. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add or remove review accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.Remove.class})
final class UserCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens the store of a production folder, or says why not. */
    static Store store(Path dir) throws CommandError {
        ProductionFolder.require(dir);
        try {
            return Store.open(dir);
        } catch (IOException e) {
            throw new CommandError(ExitCode.IO, "cannot open the store in " + dir.resolve(Store.FOLDER) + " ("
                    + e.getMessage() + ")");
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an account; its token is printed once and only a slow hash of it is kept.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "Letters, digits, _ and -.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "director, editor or viewer.")
        String role;

        @Option(names = {"-C", "--dir"}, paramLabel = "DIR", description = "The production folder (default: the current one).")
        Path dir = Path.of(".");

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            var chosen = Role.of(role);
            if (chosen.isEmpty()) {
                err.println("slate user add: --role " + role + " is not a role; use director, editor or viewer");
                return ExitCode.CANNOT_RUN;
            }
            if (!Users.validName(name)) {
                err.println("slate user add: " + name + " cannot name an account; use letters, digits, _ and - (at most 64)");
                return ExitCode.CANNOT_RUN;
            }
            try (Store store = store(dir)) {
                var token = new Users(store.database()).add(name, chosen.get(), System.getProperty("user.name", "someone"),
                        System.currentTimeMillis());
                if (token.isEmpty()) {
                    err.println("slate user add: there is already a user " + name + "; remove it first to give a new token");
                    return ExitCode.CANNOT_RUN;
                }
                spec.commandLine().getOut().println(token.get());
                spec.commandLine().getOut().flush();
                err.println("slate user add: " + name + " (" + chosen.get().word() + ") added; the token above is shown"
                        + " only this once");
                return ExitCode.OK;
            } catch (CommandError e) {
                err.println("slate user add: " + e.getMessage());
                return e.exitCode();
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an account and sign out its sessions.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = {"-C", "--dir"}, paramLabel = "DIR", description = "The production folder (default: the current one).")
        Path dir = Path.of(".");

        @Override
        public Integer call() {
            try (Store store = store(dir)) {
                if (!new Users(store.database()).remove(name, System.getProperty("user.name", "someone"))) {
                    spec.commandLine().getErr().println("slate user remove: there is no user " + name);
                    return ExitCode.CANNOT_RUN;
                }
                spec.commandLine().getOut().println("removed " + name);
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            } catch (CommandError e) {
                spec.commandLine().getErr().println("slate user remove: " + e.getMessage());
                return e.exitCode();
            }
        }
    }
}
