package film.slate.engine.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Copies a program's output into a file with secrets removed, so that no file ever holds one (a
 * killed build leaves its work folder behind). Text is held back until a line ends, or, for a
 * very long line, until more than the longest form of a secret has followed it.
 */
public final class RedactingCopy {
    private static final int HOLD = 16 * 1024;

    private RedactingCopy() {
    }

    /** Copies {@code in} to {@code out} until the end of {@code in}, then closes both. */
    public static void copy(InputStream in, OutputStream out, Redactor redactor) throws IOException {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            StringBuilder held = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) >= 0) {
                held.append(buf, 0, n);
                int line = held.lastIndexOf("\n");
                int keep = Math.max(redactor.longestForm(), 1);
                int cut = line >= 0 ? line + 1 : held.length() > HOLD ? held.length() - keep : 0;
                if (cut > 0) {
                    w.write(redactor.apply(held.substring(0, cut)));
                    w.flush();
                    held.delete(0, cut);
                }
            }
            w.write(redactor.apply(held.toString()));
        }
    }
}
