package film.slate.media.file;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Files written whole or not at all: to a {@code .part} file beside the target, renamed into
 * place, the part removed on failure, so a full disk never leaves a truncated page or still where
 * the last good one was. Faults come back as one readable reason, never the stack trace that
 * ImageIO's own file writer prints.
 */
public final class WholeFile {
    private WholeFile() {
    }

    /** Writes {@code text} as UTF-8. */
    public static void text(Path out, String text) throws IOException {
        write(out, stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code bytes} as they are. */
    public static void bytes(Path out, byte[] bytes) throws IOException {
        write(out, stream -> stream.write(bytes));
    }

    /**
     * Writes {@code image} as PNG: ImageIO's writer, as {@code ImageIO.write} picks it, writing
     * through a cache in memory rather than the temporary file {@code ImageIO.write} opens for every
     * image (the same bytes; a still is small). A grey or BGR picture (a mask, a pose still) is written by
     * {@link PlainPng}, the same bytes again, from its pixels as they lie.
     */
    public static void png(Path out, BufferedImage image) throws IOException {
        write(out, stream -> {
            if (PlainPng.fits(image)) {
                PlainPng.write(image, stream);
                return;
            }
            Iterator<ImageWriter> writers = ImageIO.getImageWriters(ImageTypeSpecifier.createFromRenderedImage(image),
                    "png");
            if (!writers.hasNext()) {
                throw new IOException("this Java has no PNG writer");
            }
            ImageWriter writer = writers.next();
            try (ImageOutputStream cache = new MemoryCacheImageOutputStream(stream)) {
                writer.setOutput(cache);
                writer.write(image);
            } finally {
                writer.dispose();
            }
        });
    }

    private interface Content {
        void writeTo(OutputStream stream) throws IOException;
    }

    private static void write(Path out, Content content) throws IOException {
        if (Files.isDirectory(out)) {
            throw new IOException(out + " is a folder; name a file");
        }
        Path part = out.resolveSibling(out.getFileName() + ".part");
        try {
            try (OutputStream stream = Files.newOutputStream(part)) {
                content.writeTo(stream);
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            throw new IOException("its folder does not exist or cannot hold files", e);
        } catch (AccessDeniedException e) {
            throw new IOException("permission denied", e);
        } catch (FileSystemException e) {
            throw new IOException(e.getReason() == null ? "the file system refused it" : e.getReason(), e);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
