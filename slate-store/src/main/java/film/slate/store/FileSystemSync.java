package film.slate.store;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One call that makes everything written to a file system durable: Linux's {@code syncfs(2)} on
 * a folder of it, held open for the life of the process, and shared by its threads through a
 * {@link SyncBarrier} (a thread waits for a sync that started after its writes, and one sync serves
 * all who wait for it). A group of objects costs at most two of these (their bytes, then their
 * names) instead of a sync of every file and of every folder it lands in.
 * Absent (another system, no native access, or SMB, whose client may not ask the server to flush
 * on syncfs) the caller syncs each file and folder as before.
 */
final class FileSystemSync {
    /** File systems whose syncfs is known to reach stable storage: local ones, and NFS (its client commits every dirty page of the mount). */
    private static final Set<String> TRUSTED = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "f2fs", "zfs", "tmpfs",
            "overlay", "nfs", "nfs4");
    private static final Map<Path, Optional<FileSystemSync>> OPEN = new ConcurrentHashMap<>();
    private static final int O_RDONLY_DIRECTORY = 0x10000; // O_RDONLY | O_DIRECTORY on Linux
    private static final int ENOSPC = 28;

    /** The C library's calls this needs. */
    interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        int syncfs(int fd) throws LastErrorException;
    }

    private final LibC libc;
    private final int fd;
    private final SyncBarrier barrier = new SyncBarrier(this::syncfs);

    private FileSystemSync(LibC libc, int fd) {
        this.libc = libc;
        this.fd = fd;
    }

    /** The sync of the file system of {@code folder} if one was opened for it in this process (a ticket there means something). */
    static Optional<FileSystemSync> opened(Path folder) {
        Optional<FileSystemSync> open = OPEN.get(folder);
        return open == null ? Optional.empty() : open;
    }

    /** The sync of the file system that holds {@code folder} (an existing folder), when this system offers one it trusts. */
    static Optional<FileSystemSync> of(Path folder) {
        Optional<FileSystemSync> open = OPEN.get(folder); // the store hands in its folder already absolute and normal
        return open != null ? open : OPEN.computeIfAbsent(folder.toAbsolutePath().normalize(), FileSystemSync::open);
    }

    private static Optional<FileSystemSync> open(Path folder) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                || Boolean.getBoolean("slate.store.syncEachFile")) {
            return Optional.empty();
        }
        try {
            if (!TRUSTED.contains(Files.getFileStore(folder).type())) {
                return Optional.empty();
            }
            LibC libc = Native.load("c", LibC.class);
            return Optional.of(new FileSystemSync(libc, libc.open(folder.toString(), O_RDONLY_DIRECTORY)));
        } catch (IOException | LastErrorException | LinkageError e) {
            return Optional.empty(); // no native access here: each file is synced instead
        }
    }

    /** Puts a stand-in for the system calls on {@code folder}'s file system (tests: a syncfs that fails when told to). */
    static FileSystemSync install(Path folder, LibC libc) {
        FileSystemSync stand = new FileSystemSync(libc, -1);
        OPEN.put(folder.toAbsolutePath().normalize(), Optional.of(stand));
        return stand;
    }

    /** The phase now, read before writes begin and once they are done: see {@link SyncBarrier#ticket}. */
    long ticket() {
        return barrier.ticket();
    }

    /**
     * Returns once a sync that started after {@code ticket} made the file system durable; throws when
     * one failed that may have lost writes begun after {@code since}; see {@link SyncBarrier#cover(long, long)}.
     */
    void cover(long since, long ticket) throws IOException {
        barrier.cover(since, ticket);
    }

    /** Makes durable whatever was written to the file system since {@code since} was read and before now: a sync that starts after this call, shared. */
    void sync(long since) throws IOException {
        cover(since, ticket());
    }

    /** Writes back and syncs every dirty page and inode of the file system; throws when any could not be. */
    private void syncfs() throws IOException {
        try {
            libc.syncfs(fd);
        } catch (LastErrorException e) {
            String why = e.getErrorCode() == ENOSPC ? "No space left on device" : "errno " + e.getErrorCode();
            throw new IOException("cannot sync the objects' file system (" + why + ")", e);
        }
    }
}
