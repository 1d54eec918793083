package film.slate.engine.command;

import film.slate.core.yaml.Fields;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/** Checks a command backend's settings at their lines: a program to run, in a folder inside the production. */
final class CommandCheck {
    private static final Set<String> FIELDS = Set.of("command", "workdir", "env", "transient_exit_codes", "inputs",
            "model", "inherit_env", "workdir_outside");

    private CommandCheck() {
    }

    static void check(Fields f) {
        FIELDS.forEach(f::node);
        f.flag("inherit_env");
        boolean outside = f.flag("workdir_outside").orElse(false);
        f.text("workdir").filter(w -> !outside && leavesTheProduction(w)).ifPresent(w -> f.invalid("workdir", "is '"
                + w + "', outside the production; use a folder inside it, or say workdir_outside: true"));
        if (!f.has("command")) {
            f.missing("command", "the program to run per take, e.g. [python3, tools/render.py]");
        }
    }

    /** Whether a folder named in slate.yaml lies outside the production folder (absolute, or up past it). */
    private static boolean leavesTheProduction(String folder) {
        try {
            Path p = Path.of(folder).normalize();
            return p.isAbsolute() || p.startsWith("..");
        } catch (InvalidPathException e) {
            return true;
        }
    }
}
