package film.slate.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.management.ObjectName;

/**
 * {@code slate worker}'s class-data-sharing archive (JDK 17 dynamic AppCDS): the classes a worker loads (the
 * store, JDBC, the queue, the take path), which later worker JVMs map instead of parsing and verifying them
 * (a third less CPU to the first claim: bench/RESULTS.md, issue 17, r13-farmjvm). The launcher names the
 * archive ({@value #PROPERTY}, in the user's cache, keyed by the jar and the JVM's build) and starts the JVM
 * with {@code -XX:+RecordDynamicDumpInfo} while it does not exist; the worker writes it as it stops, with the
 * JVM's own {@code VM.cds dynamic_dump}, into a temporary file moved into place only once complete: JDK 17
 * crashes at start (SIGBUS) on a partly written archive, while a missing or mismatched one only costs speed.
 */
final class WorkerClassArchive {
    /** The archive to make, set by the launcher; absent: none to make. */
    static final String PROPERTY = "slate.worker.classArchive";

    private WorkerClassArchive() {
    }

    /** Writes the archive the launcher asked for, if it did; any failure only leaves the next start without it. */
    static void keep() {
        String to = System.getProperty(PROPERTY, "");
        if (to.isBlank()) {
            return;
        }
        Path archive = Path.of(to);
        Path made = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        java.io.PrintStream stdout = System.out;
        try {
            // The JDK's dump says "Dynamic dump to file ..." on System.out, where --json's events go
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "vmCds", new Object[] {new String[] {"dynamic_dump", made.toString()}},
                    new String[] {String[].class.getName()});
            if (Files.size(made) > 0) {
                Files.move(made, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Exception e) {
            // Only speed is lost: the next worker starts without an archive and makes one as it stops
        } finally {
            System.setOut(stdout);
            try {
                Files.deleteIfExists(made);
            } catch (java.io.IOException e) {
                // a stray temporary file in the cache folder; the launcher removes old ones
            }
        }
    }
}
