package film.slate.core.check;

import java.nio.charset.StandardCharsets;

/** The first bytes of the image files a generator takes: PNG, JPEG, WebP, GIF and BMP. */
final class ImageSignature {
    private ImageSignature() {
    }

    static boolean matches(byte[] head, int n) {
        return starts(head, n, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                || starts(head, n, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})
                || starts(head, n, ascii("GIF8"))
                || starts(head, n, ascii("BM")) && n >= 6
                || starts(head, n, ascii("RIFF")) && n >= 12 && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP");
    }

    private static boolean starts(byte[] head, int n, byte[] sig) {
        if (n < sig.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if (head[i] != sig[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
