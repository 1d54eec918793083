package film.slate.core.fountain;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.Severity;
import film.slate.core.diagnostic.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The decoded text of a screenplay with every line ending turned into {@code \n}, and the way
 * back from a character offset to a line and column.
 */
final class SourceText {
    private static final Charset WINDOWS_1252 = windows1252();

    private final String file;
    private final String text;
    private final int[] lineStarts;

    private SourceText(String file, String text) {
        this.file = file;
        this.text = text;
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        lineStarts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[line++] = i + 1;
            }
        }
    }

    /** Decodes the bytes, reporting a fallback to Windows-1252 into {@code diagnostics}. */
    static SourceText decode(String file, byte[] bytes, List<Diagnostic> diagnostics) {
        String decoded;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            decoded = decodeUtf8(file, bytes, 3, diagnostics);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            decoded = lenient(StandardCharsets.UTF_16BE, bytes, 2);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            decoded = lenient(StandardCharsets.UTF_16LE, bytes, 2);
        } else {
            decoded = decodeUtf8(file, bytes, 0, diagnostics);
        }
        return new SourceText(file, normalizeLineEnds(decoded));
    }

    String text() {
        return text;
    }

    String file() {
        return file;
    }

    /** The 1-based line and column of a character offset (the end of the text is allowed). */
    SourcePosition position(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        int line = i >= 0 ? i : -i - 2;
        return SourcePosition.of(file, line + 1, offset - lineStarts[line] + 1);
    }

    private static String decodeUtf8(String file, byte[] bytes, int from, List<Diagnostic> diagnostics) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return strict.decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstBadUtf8(bytes, from);
            diagnostics.add(new Diagnostic(Rule.SYNTAX_FOUNTAIN, Severity.WARNING, bytePosition(file, bytes, bad),
                    Optional.empty(), "the screenplay is not valid UTF-8 (first bad byte here), so it was read as"
                            + " Windows-1252/Latin-1; save it as UTF-8 to be sure of every character"));
            return lenient(WINDOWS_1252, bytes, from);
        }
    }

    private static String lenient(Charset charset, byte[] bytes, int from) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, from, bytes.length - from));
            return chars.toString();
        } catch (CharacterCodingException e) {
            // REPLACE never reports; Latin-1 maps every byte.
            return new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
        }
    }

    /** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
    static int firstBadUtf8(byte[] b, int from) {
        int i = from;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int n;
            int min;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + n >= b.length) {
                return i;
            }
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return i;
            }
            i += n + 1;
        }
        return Math.max(from, b.length - 1);
    }

    private static SourcePosition bytePosition(String file, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return SourcePosition.of(file, line, offset - lineStart + 1);
    }

    private static String normalizeLineEnds(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                b.append('\n');
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Charset windows1252() {
        try {
            return Charset.forName("windows-1252");
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
