package film.slate.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Who may change the store's objects: builds share it, garbage collection needs it alone. An
 * operating-system lock on {@code .slate/lock} (so a killed build holds nothing), shared by any
 * number of builds in any number of processes, exclusive for {@code slate gc}. The lock file is
 * never deleted: deleting a lock file races with the next holder. Within one JVM, where the
 * operating system would refuse a second lock on the same file, a read-write lock stands in front.
 * (A render farm of several machines on one shared folder needs the file system to honour locks.)
 */
public final class StoreLock {
    static final String FILE = "lock";

    private static final Map<Path, Holder> HOLDERS = new ConcurrentHashMap<>();

    private StoreLock() {
    }

    /** A held lock; closing it lets go. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the store's lock shared (as a build does), waiting while a garbage collection holds it. */
    public static Lease shared(Path storeRoot) throws IOException {
        Holder h = holder(storeRoot);
        h.jvm.readLock().lock();
        try {
            synchronized (h) {
                if (h.readers == 0) {
                    FileChannel ch = open(storeRoot);
                    try {
                        ch.lock(0, Long.MAX_VALUE, true); // held until the channel closes
                    } catch (IOException | RuntimeException e) {
                        ch.close();
                        throw e;
                    }
                    h.channel = ch;
                }
                h.readers++;
            }
        } catch (IOException | RuntimeException e) {
            h.jvm.readLock().unlock();
            throw e;
        }
        return () -> {
            synchronized (h) {
                if (--h.readers == 0) {
                    closeQuietly(h.channel); // releases the lock with it
                    h.channel = null;
                }
            }
            h.jvm.readLock().unlock();
        };
    }

    /** Takes the store's lock alone (as garbage collection does), or empty at once when a build holds it. */
    public static Optional<Lease> tryExclusive(Path storeRoot) throws IOException {
        Holder h = holder(storeRoot);
        if (!h.jvm.writeLock().tryLock()) {
            return Optional.empty();
        }
        FileChannel ch = null;
        try {
            ch = open(storeRoot);
            FileLock os = ch.tryLock(0, Long.MAX_VALUE, false);
            if (os == null) {
                closeQuietly(ch);
                h.jvm.writeLock().unlock();
                return Optional.empty();
            }
            FileChannel held = ch;
            return Optional.of(() -> {
                closeQuietly(held);
                h.jvm.writeLock().unlock();
            });
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            h.jvm.writeLock().unlock();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            h.jvm.writeLock().unlock();
            throw e;
        }
    }

    private static Holder holder(Path storeRoot) {
        return HOLDERS.computeIfAbsent(storeRoot.toAbsolutePath().normalize(), k -> new Holder());
    }

    private static FileChannel open(Path storeRoot) throws IOException {
        return FileChannel.open(storeRoot.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException e) {
            // closing releases the lock even when it reports an error
        }
    }

    private static final class Holder {
        final ReentrantReadWriteLock jvm = new ReentrantReadWriteLock();
        FileChannel channel;
        int readers;
    }
}
