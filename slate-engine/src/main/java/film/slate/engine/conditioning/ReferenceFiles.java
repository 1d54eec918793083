package film.slate.engine.conditioning;

import film.slate.core.recipe.RecipeContent;
import film.slate.core.recipe.ReferenceKey;
import film.slate.engine.generator.Capability;
import film.slate.engine.generator.GeneratorFault;
import film.slate.media.file.WholeFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The reference keys ({@link ReferenceKey}): the file the recipe binds by hash, from the recipe's
 * objects; or, where the recipe binds a blank, a black image of the format's size, the same bytes
 * for every take of that format, so a workflow runs unchanged on every shot.
 */
final class ReferenceFiles implements FileFamily {
    @Override
    public java.util.List<String> written() {
        return java.util.List.of("reference.<CHARACTER>", "reference.<n>", "location_reference", "prop_reference.<PROP>");
    }

    @Override
    public boolean has(String key) {
        return ReferenceKey.parse(key).isPresent();
    }

    @Override
    public boolean needsPreviz() {
        return false;
    }

    @Override
    public Capability capability() {
        return Capability.REFERENCE_IMAGES;
    }

    @Override
    public Optional<Path> make(String key, Conditioning c) throws GeneratorFault, IOException {
        Optional<RecipeContent.Bound> bound = c.recipe().content().bound(key);
        if (bound.isEmpty()) {
            return Optional.empty();
        }
        if (bound.get().ref().isPresent()) {
            return Optional.of(c.object(bound.get().ref().get(), key));
        }
        RecipeContent.Format f = c.recipe().content().format();
        Path blank = c.scratch().resolve("blank-" + f.width() + "x" + f.height() + ".png");
        if (!Files.exists(blank)) {
            WholeFile.png(blank, new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB));
        }
        return Optional.of(blank);
    }
}
