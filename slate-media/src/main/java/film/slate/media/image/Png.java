package film.slate.media.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Writes PNG stills whole or not at all: to a {@code .part} file beside the target, renamed into
 * place. Through a stream of our own, so a bad path is an {@link IOException} with a reason, never
 * the stack trace that ImageIO's file writer prints.
 */
public final class Png {
    private Png() {
    }

    public static void write(BufferedImage image, Path out) throws IOException {
        if (Files.isDirectory(out)) {
            throw new IOException(out + " is a folder; name a .png file");
        }
        Path part = out.resolveSibling(out.getFileName() + ".part");
        try {
            try (OutputStream stream = Files.newOutputStream(part)) {
                if (!ImageIO.write(image, "png", stream)) {
                    throw new IOException("this Java has no PNG writer");
                }
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("its folder does not exist or cannot hold files", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException("permission denied", e);
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException(e.getReason() == null ? "the file system refused it" : e.getReason(), e);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
