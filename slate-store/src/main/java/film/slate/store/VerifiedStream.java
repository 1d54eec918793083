package film.slate.store;

import film.slate.core.recipe.Sha256;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A stored object's bytes, hashed as they pass: at the end of the stream the hash must be the
 * object's name, or the reader gets {@link DamagedObjectException} instead of the end.
 */
final class VerifiedStream extends FilterInputStream {
    private final String hash;
    private final MessageDigest digest = Sha256.digest();
    private boolean checked;

    VerifiedStream(InputStream in, String hash) {
        super(in);
        this.hash = hash;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            atEnd();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            atEnd();
        } else {
            digest.update(b, off, n);
        }
        return n;
    }

    /** Skipping would leave bytes unhashed: they are read instead. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void atEnd() throws IOException {
        if (!checked) {
            checked = true;
            check(digest, hash);
        }
    }

    /** Fails unless {@code digest}, over all of an object's bytes, gives its name {@code hash}. */
    static void check(MessageDigest digest, String hash) throws DamagedObjectException {
        if (!HexFormat.of().formatHex(digest.digest()).equals(hash)) {
            throw new DamagedObjectException(hash, "is damaged (its bytes do not match its name)");
        }
    }
}
