package film.slate.engine.conditioning;

import film.slate.engine.generator.Capability;
import film.slate.engine.generator.GeneratorFault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A family of file keys with a name part ({@code reference.MARA}, {@code prop_reference.LANTERN}):
 * which keys it has and how one take's file for such a key is made. {@link Conditioning} asks each
 * family it knows in turn, so a new family is one class and one line there.
 */
public interface FileFamily {
    /** How its keys are written, for messages: {@code reference.<CHARACTER>}. */
    java.util.List<String> written();

    /** Whether {@code key} is one of this family's. */
    boolean has(String key);

    /** Whether the family's files come from the shot's previz (a backend binding one conditions on previz). */
    boolean needsPreviz();

    /** What a backend binding one of this family's keys can do. */
    Capability capability();

    /**
     * The take's file for {@code key}, made in the conditioning's scratch folder when it is made.
     *
     * @return empty when the take has no such file
     */
    Optional<Path> make(String key, Conditioning conditioning) throws GeneratorFault, IOException;
}
