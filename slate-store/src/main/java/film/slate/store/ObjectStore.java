package film.slate.store;

import film.slate.core.recipe.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Content-addressed objects under {@code objects/sha256/ab/cdef...}. An object is written to a
 * temporary file in {@code objects/tmp/}, synced, renamed into place atomically and the folder
 * synced. An object whose name exists is written again only when the file there is damaged (its
 * size or bytes do not match its name), and then replaced atomically. So a reader sees a whole
 * object or none, and {@link #open} refuses one whose bytes do not match its name.
 */
public final class ObjectStore {
    /** Each thread's buffer for hashing a render's output as it is read. */
    private static final ThreadLocal<byte[]> CHUNK = ThreadLocal.withInitial(() -> new byte[1 << 16]);
    /** Each thread's SHA-256 for what it sets aside (a look-up costs more than a receipt's hash); reset before use. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::digest);

    private final Path root;
    private final Path tmp;
    /** What is set aside for a group and kept together. */
    private final TrimBin bin;

    /** The store under {@code root}; its folders are made by the first write, so that reading writes nothing. */
    public ObjectStore(Path root) {
        this.root = root.resolve("sha256");
        this.tmp = root.resolve("tmp");
        this.bin = new TrimBin(this, tmp, root.toAbsolutePath().normalize());
    }

    /**
     * Where the object {@code hash} lives (whether or not it exists): for a program that must be given
     * a file. Bytes handed to anyone else go through {@link #open}, which checks them against the name.
     */
    public Path path(String hash) {
        if (!Sha256.isHex(hash)) {
            throw new IllegalArgumentException("not a SHA-256 object name: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2));
    }

    public boolean has(String hash) {
        return Files.isRegularFile(path(hash));
    }

    /** Stores a copy of {@code file}; returns its hash. The source is left alone. */
    public String put(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in);
        }
    }

    public String put(byte[] bytes) throws IOException {
        return put(new java.io.ByteArrayInputStream(bytes));
    }

    /** Stores what {@code in} holds; returns its hash. */
    public String put(InputStream in) throws IOException {
        Path temp = Files.createTempFile(Files.createDirectories(tmp), "incoming-", ".part");
        try {
            MessageDigest md = Sha256.digest();
            String hash;
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = new DigestOutputStream(java.nio.channels.Channels.newOutputStream(ch), md)) {
                in.transferTo(out);
                out.flush();
                hash = HexFormat.of().formatHex(md.digest());
                if (sound(hash, ch.size())) {
                    return hash; // never rewritten: same name, same bytes (and no sync of a copy that is thrown away)
                }
                ch.force(true);
            }
            return place(temp, hash);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Moves {@code file} into the store without copying it: hashed, synced and renamed into place,
     * so the file is gone from where it was. For a render's own output, written in a folder of the
     * store's file system that nobody else uses; a file that is already stored is left in place.
     */
    public String adopt(Path file) throws IOException {
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file: " + file);
        }
        String hash;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MessageDigest md = Sha256.digest();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16);
            while (ch.read(buffer) >= 0) {
                buffer.flip();
                md.update(buffer);
                buffer.clear();
            }
            hash = HexFormat.of().formatHex(md.digest());
            if (sound(hash, ch.size())) {
                return hash;
            }
            ch.force(true);
        }
        try {
            return place(file, hash);
        } catch (AtomicMoveNotSupportedException e) {
            return put(file); // another file system after all: copy it in
        }
    }

    /**
     * An object hashed and waiting outside its place, its bytes not yet synced: a render's own output
     * where the render left it, or bytes written to {@code objects/tmp/}. {@link #keep} makes a
     * group of them durable and named together. No file ({@code file} empty) when the store already
     * holds the object whole. {@code written}: the shared sync's {@link #ticket} read BEFORE its bytes
     * began to be written (a sync that failed after it may have lost them); negative when not known
     * (then any failed sync of the process fails it).
     */
    public record Aside(String hash, Optional<Path> file, long written) {
        public Aside(String hash, Optional<Path> file) {
            this(hash, file, -1);
        }
    }

    /**
     * The shared sync's ticket, to read before writing what will be set aside (a render's output:
     * before the render starts) and to hand to {@link #aside(Path, long)}; -1 where the file system
     * offers no shared sync (each file is synced on its own). Opens that sync, so that no failure
     * of it between now and the keep goes unseen.
     */
    public long ticket() throws IOException {
        return bin.wholeSync().map(FileSystemSync::ticket).orElse(-1L);
    }

    /**
     * {@link #adopt} without the sync and the rename: hashes a render's own output (a regular file,
     * never a link, in a folder of the store's file system), where it stays until {@link #keep}.
     * {@code written}: the {@link #ticket} read before the render began to write it.
     */
    public Aside aside(Path output, long written) throws IOException {
        MessageDigest md = DIGEST.get();
        md.reset(); // a read that failed half-way left it mid-hash
        long size = 0;
        try (FileChannel ch = FileChannel.open(output, StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(CHUNK.get());
            for (int n; (n = ch.read(buffer)) >= 0; buffer.clear()) {
                md.update(buffer.array(), 0, n);
                size += n;
            }
        }
        String hash = HexFormat.of().formatHex(md.digest());
        return sound(hash, size) ? new Aside(hash, Optional.empty()) : new Aside(hash, Optional.of(output), written);
    }

    /** {@link #put(byte[])} without the sync and the rename: the bytes, hashed as they are, written to a new file in {@code objects/tmp/}. */
    public Aside aside(byte[] bytes) throws IOException {
        MessageDigest md = DIGEST.get();
        md.reset();
        String hash = HexFormat.of().formatHex(md.digest(bytes));
        if (sound(hash, bytes.length)) {
            return new Aside(hash, Optional.empty());
        }
        long written = ticket(); // before the write: a sync that fails while it is under way is seen
        Path temp = tmp.resolve("incoming-" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current()
                .nextLong()) + ".part");
        try (FileChannel ch = create(temp)) {
            for (java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes); b.hasRemaining(); ) {
                ch.write(b);
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new Aside(hash, Optional.of(temp), written);
    }

    private FileChannel create(Path temp) throws IOException {
        try {
            return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (java.nio.file.NoSuchFileException e) {
            Files.createDirectories(tmp); // the first object this store takes
            return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /** Makes objects set aside durable and named, all together: see {@link TrimBin#keep}. */
    public void keep(List<Aside> objects) throws IOException {
        bin.keep(objects);
    }

    /** Removes what {@link #aside(byte[])} wrote and nobody kept (a group that failed); a render's own output is its folder's to clear. */
    public void drop(List<Aside> objects) {
        bin.drop(objects);
    }

    /** Renames a synced file into the place of {@code hash}, and syncs the folder so that the name is durable too. */
    private String place(Path synced, String hash) throws IOException {
        Path target = path(hash);
        Files.createDirectories(target.getParent());
        try {
            // rename(2) replaces a damaged file of the same name in one step
            Files.move(synced, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            return hash; // another writer won the race with the same bytes
        } catch (AtomicMoveNotSupportedException e) {
            if (synced.startsWith(tmp)) {
                throw new IOException("the store's file system cannot rename atomically: " + root, e);
            }
            throw e;
        }
        syncDirectory(target.getParent());
        return hash;
    }

    /**
     * Whether the object {@code hash} is stored whole: a file of {@code size} bytes (checked first,
     * cheaply) whose bytes hash to its name. A stored copy that fails this is replaced by the caller.
     */
    private boolean sound(String hash, long size) throws IOException {
        Path p = path(hash);
        return Files.isRegularFile(p) && Files.size(p) == size && check(hash) == Health.SOUND;
    }

    /** What a stored object's file says about its name. */
    public enum Health {
        /** Its bytes hash to its name. */
        SOUND,
        /** There is a file, but its bytes do not hash to its name (or it cannot be read). */
        DAMAGED,
        /** No file of that name. */
        ABSENT
    }

    /** Re-hashes the object {@code hash}: whether it is sound, damaged or absent. */
    public Health check(String hash) throws IOException {
        Path p = path(hash);
        if (!Files.isRegularFile(p)) {
            return Health.ABSENT;
        }
        try {
            return Sha256.file(p).equals(hash) ? Health.SOUND : Health.DAMAGED;
        } catch (java.nio.file.NoSuchFileException e) {
            return Health.ABSENT; // removed meanwhile
        }
    }

    /**
     * The bytes of the object {@code hash}, hashed as they are read: the stream throws
     * {@link DamagedObjectException} at its end (before reporting the end) when they do not match
     * the name, and when the object is absent. The way to hand stored bytes to anyone.
     */
    public InputStream open(String hash) throws IOException {
        Path p = path(hash);
        InputStream in;
        try {
            in = Files.newInputStream(p);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DamagedObjectException(hash, "is missing");
        }
        return new VerifiedStream(in, hash);
    }

    /** The whole object {@code hash}, checked against its name (see {@link #open}). */
    public byte[] read(String hash) throws IOException {
        try (InputStream in = open(hash)) {
            return in.readAllBytes();
        }
    }

    /** Every stored object's hash. */
    public List<String> all() throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.map(f -> dir.getFileName().toString() + f.getFileName()).filter(Sha256::isHex).forEach(out::add);
                }
            }
        }
        return out;
    }

    /** Removes an object (garbage collection only). */
    public boolean delete(String hash) throws IOException {
        boolean deleted = Files.deleteIfExists(path(hash));
        if (deleted) {
            syncDirectory(path(hash).getParent());
        }
        return deleted;
    }

    /** Removes temporary files left by killed writers; returns how many. */
    public int clearTemporary() throws IOException {
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(tmp)) {
            int n = 0;
            for (Path f : files.toList()) {
                n += Files.deleteIfExists(f) ? 1 : 0;
            }
            return n;
        }
    }

    /** Size in bytes of an object, if it exists. */
    public Optional<Long> size(String hash) throws IOException {
        Path p = path(hash);
        return Files.isRegularFile(p) ? Optional.of(Files.size(p)) : Optional.empty();
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for sync; the rename is still atomic there.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }
}
