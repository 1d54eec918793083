package film.slate.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The sentences for what goes wrong underneath the store: a full disk (nothing was lost: free
 * space and run again), a damaged database (run {@code slate verify}), a read-only one. Every
 * command says these the same way, and exits {@code 4} (I/O) with them.
 */
public final class StoreFault {
    // SQLite's primary result codes (the low byte of an extended one).
    private static final int READONLY = 8;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int NOTADB = 26;

    private StoreFault() {
    }

    /** Whether {@code e} (or a cause) is a full disk: ENOSPC from the OS or SQLITE_FULL, or FFmpeg saying so. */
    public static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() & 0xff) == FULL) {
                return true;
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("database or disk is full")) {
                return true;
            }
        }
        return false;
    }

    /** The sentence for a full disk while writing {@code where}. */
    public static String diskFullSentence(Path where) {
        return "the disk that holds " + where + " is full; nothing was lost (every take recorded so far is kept and"
                + " nothing half-written was recorded); free some space and run the command again";
    }

    /** One sentence for a database fault, or empty when it is none of the known kinds. */
    public static Optional<String> sentence(Path database, Throwable e) {
        if (diskFull(e)) {
            return Optional.of(diskFullSentence(database));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                int code = s.getErrorCode() & 0xff;
                if (code == CORRUPT || code == NOTADB) {
                    return Optional.of("the store's database " + database + " is damaged (" + firstLine(s) + "); run"
                            + " 'slate verify' to see what is damaged; the production's files and stored objects are"
                            + " untouched");
                }
                if (code == READONLY) {
                    return Optional.of("cannot write the store's database " + database + " (" + firstLine(s) + "); make"
                            + " the folder writable and run again");
                }
            }
        }
        return Optional.empty();
    }

    /** The fault of opening the database at {@code file}, as an exception that carries its sentence. */
    public static IOException opening(Path file, SQLException e) {
        return new IOException(sentence(file, e).orElse("cannot open " + file + " (" + firstLine(e) + "); run 'slate verify'"
                + " to see what is wrong with the store"), e);
    }

    private static String firstLine(Throwable e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("unknown fault");
    }
}
