package film.slate.engine.build;

import film.slate.core.recipe.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A folder of objects named by their SHA-256, as {@code slate render --objects} reads it: either
 * flat ({@code DIR/<hash>}) or laid out as a store's objects ({@code DIR/sha256/<2>/<62>}), so the
 * objects folder of a production's store can be named directly. Every object found is hashed
 * before use: an auditor's render never trusts a name.
 */
public record ObjectFolder(Optional<Path> dir) {
    public static final ObjectFolder NONE = new ObjectFolder(Optional.empty());

    /**
     * The object {@code sha256}, when the folder holds it.
     *
     * @throws IOException when it is there but unreadable
     * @throws BuildException when its content does not have its name's hash
     */
    public Optional<Path> find(String sha256) throws IOException, BuildException {
        if (dir.isEmpty() || !Sha256.isHex(sha256)) {
            return Optional.empty();
        }
        for (Path p : new Path[] {dir.get().resolve(sha256),
                dir.get().resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2))}) {
            if (Files.isRegularFile(p)) {
                if (!Sha256.file(p).equals(sha256)) {
                    throw new BuildException(p + " is not the object its name says (its SHA-256 differs); copy it again");
                }
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
