package film.slate.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The objects set aside for a group of takes ({@link ObjectStore.Aside}), kept together: made
 * durable, moved into their places and named in one go, or dropped when the group fails.
 */
final class TrimBin {
    private final ObjectStore store;
    private final Path tmp;
    /** The store's folder, absolute and normal: the key of its file system's shared sync. */
    private final Path whole;

    TrimBin(ObjectStore store, Path tmp, Path whole) {
        this.store = store;
        this.tmp = tmp;
        this.whole = whole;
    }

    /**
     * Makes objects set aside durable and named, all together: their bytes synced (a sync of the
     * file system where it offers one, else each file), then each renamed into its place, then the
     * names synced (again a sync, else each folder). Only then is any of them named by a record:
     * a name never points at bytes that a crash could lose, as with {@link ObjectStore#put}. The
     * file system's sync is shared by the process's threads ({@link SyncBarrier}): the bytes need one
     * that started after the last of them was written (all were by now; when one already ended, none
     * is run), and fail when one failed after the first of them began ({@link #since}); the names
     * need one that starts after the renames, and fail when one failed after the renames began. An
     * object already moved into place by an earlier call (a group tried again) counts as kept, its
     * bytes judged by the same rule: a sync that failed after they were written fails it again.
     */
    void keep(List<ObjectStore.Aside> objects) throws IOException {
        List<ObjectStore.Aside> waiting = objects.stream().filter(a -> a.file().isPresent()).toList();
        if (waiting.isEmpty()) {
            return;
        }
        Optional<FileSystemSync> shared = wholeSync();
        if (shared.isPresent()) {
            shared.get().cover(since(waiting), shared.get().ticket());
        } else {
            for (ObjectStore.Aside a : waiting) {
                syncFile(a.file().get());
            }
        }
        long renaming = shared.map(FileSystemSync::ticket).orElse(-1L);
        java.util.Set<Path> folders = new java.util.LinkedHashSet<>();
        for (ObjectStore.Aside a : waiting) {
            if (moveIntoPlace(a)) {
                folders.add(store.path(a.hash()).getParent());
            }
        }
        if (shared.isPresent()) {
            shared.get().sync(renaming);
        } else {
            for (Path folder : folders) {
                ObjectStore.syncDirectory(folder);
            }
        }
    }

    /**
     * The ticket from which a failed sync may have lost some of {@code waiting}'s bytes: the
     * earliest read before any of them was written (one not known counts as the process's start).
     */
    static long since(List<ObjectStore.Aside> waiting) {
        long since = Long.MAX_VALUE;
        for (ObjectStore.Aside a : waiting) {
            since = Math.min(since, Math.max(0, a.written()));
        }
        return since;
    }

    /** Removes what {@link ObjectStore#aside(byte[])} wrote and nobody kept (a group that failed); a render's own output is its folder's to clear. */
    void drop(List<ObjectStore.Aside> objects) {
        for (ObjectStore.Aside a : objects) {
            a.file().filter(f -> f.startsWith(tmp)).ifPresent(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // left for gc, which clears objects/tmp
                }
            });
        }
    }

    /** Renames an object set aside into its place; false when a copy went in instead (already synced) or nothing moved. */
    private boolean moveIntoPlace(ObjectStore.Aside a) throws IOException {
        Path from = a.file().get();
        Path target = store.path(a.hash());
        try {
            Files.move(from, target, StandardCopyOption.ATOMIC_MOVE); // rename(2): no stat before it
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            if (!Files.exists(from)) {
                if (Files.isRegularFile(target)) {
                    return true; // moved by an earlier try of the same group
                }
                throw e;
            }
            Files.createDirectories(target.getParent()); // the first object of its folder
            Files.move(from, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false; // another writer won the race with the same bytes
        } catch (AtomicMoveNotSupportedException e) {
            if (from.startsWith(tmp)) {
                throw new IOException("the store's file system cannot rename atomically: " + whole, e);
            }
            store.put(from); // the render's folder is on another file system: copied in, synced on its own
            return false;
        }
    }

    /** The file system's shared sync, opened on first use (on an existing folder); empty where it offers none. */
    Optional<FileSystemSync> wholeSync() throws IOException {
        Optional<FileSystemSync> open = FileSystemSync.opened(whole);
        if (open.isPresent()) {
            return open;
        }
        Files.createDirectories(tmp); // the sync is opened on an existing folder
        return FileSystemSync.of(whole);
    }

    private static void syncFile(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (java.nio.file.NoSuchFileException movedAlready) {
            // synced and moved into place by an earlier try of the same group (the move checks it is there)
        }
    }
}
