package film.slate.engine.fix;

import film.slate.core.model.BackendConfig;
import film.slate.core.recipe.BackendFingerprint;
import film.slate.core.recipe.FixEdit;
import film.slate.core.recipe.FixFields;
import film.slate.core.recipe.FixRecipe;
import film.slate.core.recipe.RecipeContent;
import film.slate.engine.build.Backends;
import film.slate.engine.build.BuildException;
import film.slate.media.composite.Mask;
import film.slate.media.previz.Previz;
import film.slate.media.previz.PrevizShot;
import film.slate.media.previz.SubjectMasks;
import film.slate.store.FixChain;
import film.slate.store.FramesIndex;
import film.slate.store.Store;
import film.slate.store.db.TakeRecord;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Every check a fix passes before anything is rendered or stored, in one place: the take and its
 * version exist and have a video master, the frame range lies in the shot, the region or mask is
 * inside the picture, of its size and not empty, the fields can change, the backend exists. (A locked
 * shot is refused before, by the command, from the production's lock.yaml.) A refusal is one
 * sentence; nothing has been written.
 */
public final class FixPreconditions {
    private FixPreconditions() {
    }

    /** An order that passed: the parent version, its lineage, the mask, the backend and the fix recipe. */
    public record Checked(TakeRecord parent, FixChain chain, Mask mask, BackendConfig backend, FixRecipe fix) {
    }

    /** The lineage of the version of {@code recipe}; refused when the store has lost its root recipe. */
    static FixChain chain(Store store, String recipe) throws FixRefused {
        List<FixRecipe> fixes = FixChain.fixes(store, recipe);
        String root = FixChain.rootId(recipe, fixes);
        return new FixChain(store.recipes().get(root).orElseThrow(() -> new FixRefused(FixRefused.IO, "the store"
                + " records recipe " + root + " but does not hold it; run 'slate verify'")), fixes);
    }

    public static Checked check(Store store, Backends backends, FixOrder order) throws FixRefused {
        TakeRecord parent = parent(store, order);
        FixChain chain = chain(store, parent.recipe());
        RecipeContent content = chain.root().content();
        RecipeContent.Format format = content.format();
        if (order.last() >= format.frames()) {
            throw refused(order.shot() + " has " + format.frames() + " frames (0-" + (format.frames() - 1)
                    + "), so --frames " + order.first() + "-" + order.last() + " lies outside it; name frames within the shot");
        }
        Mask mask = mask(order, content);
        if (mask.isEmpty()) {
            throw refused("the mask of the fix of " + order.shot() + " is empty (no light pixel); draw the region to"
                    + " change in white");
        }
        for (Map.Entry<String, String> e : order.set().entrySet()) {
            Optional<String> problem = FixFields.problem(content, e.getKey(), e.getValue());
            if (problem.isPresent()) {
                throw refused(problem.get());
            }
        }
        String name = order.backend().orElse(parent.backend());
        BackendConfig config;
        String version;
        try {
            config = backends.config(name);
            version = backends.generator(name).version();
        } catch (BuildException e) {
            throw refused(e.getMessage());
        }
        FixEdit edit;
        try {
            edit = new FixEdit(order.first(), order.last(), film.slate.core.recipe.Sha256.hex(mask.pgm()), mask.width(),
                    mask.height(), order.feather(), order.prompt(), order.set(),
                    new RecipeContent.BackendRef(name, config.type(), version, BackendFingerprint.hash(config.settings())));
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage() + "; fix --frames or --feather");
        }
        FixRecipe fix = FixRecipe.of(content.production(), order.shot(), order.take(), parent.recipe(), edit);
        return new Checked(parent, chain, mask, config, fix);
    }

    /**
     * The same edit as {@code old} on {@code parent} (a take rendered from a new recipe): the frames
     * still in the shot, the mask still of the picture's size and in the store, the backend still there.
     */
    public static Checked again(Store store, Backends backends, TakeRecord parent, FixRecipe old) throws FixRefused {
        FixChain chain = chain(store, parent.recipe());
        RecipeContent.Format f = chain.root().content().format();
        FixEdit e = old.edit();
        String label = parent.label() + ": fix " + old.id().substring(0, 12);
        if (e.last() >= f.frames()) {
            throw refused(label + " covers frames " + e.frames() + " but the shot now has " + f.frames()
                    + "; make the fix again with slate fix");
        }
        if (e.width() != f.width() || e.height() != f.height()) {
            throw refused(label + " has a mask of " + e.width() + "x" + e.height() + " but the picture is now "
                    + f.width() + "x" + f.height() + "; make the fix again with slate fix");
        }
        Mask mask;
        try {
            mask = Mask.fromPgm(store.objects().read(e.mask())).orElseThrow(() -> refused(label + " names a mask that"
                    + " is no mask; run 'slate verify'"));
        } catch (IOException x) {
            throw new FixRefused(FixRefused.IO, label + ": its mask cannot be read from the store (" + x.getMessage()
                    + "); run 'slate verify'");
        }
        BackendConfig config;
        String version;
        try {
            config = backends.config(e.backend().name());
            version = backends.generator(e.backend().name()).version();
        } catch (BuildException x) {
            throw refused(label + ": " + x.getMessage());
        }
        FixEdit edit = new FixEdit(e.first(), e.last(), e.mask(), e.width(), e.height(), e.feather(), e.prompt(), e.set(),
                new RecipeContent.BackendRef(e.backend().name(), config.type(), version,
                        BackendFingerprint.hash(config.settings())));
        return new Checked(parent, chain, mask, config, FixRecipe.of(chain.root().content().production(), parent.shot(),
                parent.take(), parent.recipe(), edit));
    }

    /** The version to fix: the one named, else the latest; its objects on hand and its master a video. */
    private static TakeRecord parent(Store store, FixOrder order) throws FixRefused {
        var versions = store.takes().ofShot(order.shot()).stream().filter(t -> t.take() == order.take()).toList();
        if (versions.isEmpty()) {
            throw refused(order.shot() + " has no take " + order.take() + " in the store; 'slate build' renders it, and"
                    + " 'slate takes " + order.shot() + "' lists the takes there are");
        }
        TakeRecord t = order.version().isPresent()
                ? versions.stream().filter(v -> v.version() == order.version().get()).findFirst().orElseThrow(() -> refused(
                        order.shot() + " take " + order.take() + " has no version " + order.version().get() + "; it has"
                                + " versions 1 to " + versions.size()))
                : versions.stream().max(Comparator.comparingInt(TakeRecord::version)).orElseThrow();
        String label = t.label() + " v" + t.version();
        if (!t.rendered() || t.master().isEmpty() || !store.objects().has(t.master().get())) {
            throw refused(label + " has no master on hand (marked missing); 'slate build' renders it again");
        }
        try {
            if (FramesIndex.frames(store.objects(), t.master().get()).isPresent()) {
                throw refused(label + " is a sequence of frames, not a video master; a fix needs a video master");
            }
        } catch (IOException e) {
            throw new FixRefused(FixRefused.IO, "cannot read the master of " + label + " (" + e.getMessage() + ")");
        }
        return t;
    }

    private static Mask mask(FixOrder order, RecipeContent content) throws FixRefused {
        RecipeContent.Format f = content.format();
        if (order.where() instanceof FixOrder.Region r) {
            if (r.w() <= 0 || r.h() <= 0 || r.x() < 0 || r.y() < 0 || r.x() + r.w() > f.width()
                    || r.y() + r.h() > f.height()) {
                throw refused("--region " + r.x() + "," + r.y() + "," + r.w() + "," + r.h() + " is not inside the "
                        + f.width() + "x" + f.height() + " picture; name x,y,w,h with w and h above 0 and x+w <= "
                        + f.width() + ", y+h <= " + f.height());
            }
            return Mask.region(f.width(), f.height(), r.x(), r.y(), r.w(), r.h());
        }
        if (order.where() instanceof FixOrder.MaskFile m) {
            BufferedImage image;
            try {
                image = Files.isRegularFile(m.file()) ? ImageIO.read(m.file().toFile()) : null;
            } catch (IOException e) {
                image = null;
            }
            if (image == null) {
                throw refused("--mask " + m.file() + " is not a readable image; give a PNG of the picture's size, white"
                        + " where the fix applies");
            }
            if (image.getWidth() != f.width() || image.getHeight() != f.height()) {
                // Refused, not scaled: a scaled edge would move pixels the mask did not name.
                throw refused("--mask " + m.file() + " is " + image.getWidth() + "x" + image.getHeight() + " but the"
                        + " picture is " + f.width() + "x" + f.height() + "; masks are not scaled, draw it at "
                        + f.width() + "x" + f.height());
            }
            return Mask.of(image);
        }
        return subject(order, (FixOrder.Subject) order.where(), content);
    }

    /**
     * {@code --subject C}: every pixel previz draws of C in any frame of the range (the visible
     * convention of the masks pass), so the fix follows C as the blocking moves them.
     */
    private static Mask subject(FixOrder order, FixOrder.Subject s, RecipeContent content) throws FixRefused {
        PrevizShot shot = Previz.shot(content, content.production());
        if (!shot.cast().contains(s.character())) {
            throw refused("--subject " + s.character() + " is not in the cast of " + order.shot() + " (" + String.join(", ",
                    shot.cast()) + "); name one of them, or a region (--region x,y,w,h)");
        }
        RecipeContent.Format f = content.format();
        BufferedImage union = SubjectMasks.blank(f.width(), f.height());
        for (int frame = order.first(); frame <= order.last(); frame++) {
            BufferedImage m = shot.masks(frame).mask(s.character());
            byte[] into = ((DataBufferByte) union.getRaster().getDataBuffer()).getData();
            byte[] from = ((DataBufferByte) m.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < into.length; i++) {
                into[i] |= from[i];
            }
        }
        Mask mask = Mask.of(union);
        if (mask.isEmpty()) {
            throw refused("--subject " + s.character() + " is not in frame in frames " + order.first() + "-" + order.last()
                    + " of " + order.shot() + "; name frames where they are seen, or a region (--region x,y,w,h)");
        }
        return mask;
    }

    private static FixRefused refused(String sentence) {
        return new FixRefused(FixRefused.CANNOT_RUN, sentence);
    }
}
