package film.slate.core.read;

import java.io.IOException;

/** A production file that {@link InsideProduction}'s rule refuses; the message is one sentence with the file. */
public final class RefusedFileException extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedFileException(String file, String why) {
        super(file + " " + why);
    }
}
