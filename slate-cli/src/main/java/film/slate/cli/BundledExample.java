package film.slate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The example productions shipped inside the jar (from {@code examples/} of the source tree). */
final class BundledExample {
    private BundledExample() {
    }

    /** Copies the example {@code name} into {@code target} (created; must be empty or absent). */
    static void copy(String name, Path target) throws IOException {
        URL url = BundledExample.class.getResource("/examples/" + name + "/slate.yaml");
        if (url == null) {
            throw new IOException("the example '" + name + "' is not bundled in this build of slate");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("the bundled example has an unreadable location " + url, e);
        }
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                copyTree(jar.getPath("/examples/" + name), target);
            }
        } else {
            copyTree(Path.of(uri).getParent(), target);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            Path to = target.resolve(source.relativize(file).toString());
            Files.createDirectories(to.getParent());
            try (InputStream in = Files.newInputStream(file)) {
                Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
