package film.slate.store;

import film.slate.core.recipe.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Stored objects copied out to files, each hashed as its bytes pass (as {@link ObjectStore#open}
 * does): one read per chunk feeds both the copy and the digest, through one large native buffer
 * kept for every copy, so no byte is copied between buffers to be written. A copy whose bytes do
 * not match the object's name is removed and {@link DamagedObjectException} thrown, as the stream's
 * reader gets at its end. One thread at a time: the buffer is shared by its copies.
 */
public final class VerifiedCopy {
    private static final int CHUNK = 1 << 20;

    private final ObjectStore objects;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);

    public VerifiedCopy(ObjectStore objects) {
        this.objects = objects;
    }

    /** Copies the object {@code hash} to the new file {@code to}, checked against its name. */
    public void copy(String hash, Path to) throws IOException {
        MessageDigest digest = Sha256.digest();
        try (FileChannel in = open(hash);
                FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (buffer.clear(); in.read(buffer) >= 0; buffer.clear()) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                digest.update(buffer.flip());
            }
        }
        try {
            VerifiedStream.check(digest, hash);
        } catch (DamagedObjectException e) {
            Files.deleteIfExists(to);
            throw e;
        }
    }

    private FileChannel open(String hash) throws IOException {
        try {
            return FileChannel.open(objects.path(hash), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new DamagedObjectException(hash, "is missing");
        }
    }
}
