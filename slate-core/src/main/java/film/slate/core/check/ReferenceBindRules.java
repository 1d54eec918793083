package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.BackendConfig;
import film.slate.core.model.Bible;
import film.slate.core.model.Character;
import film.slate.core.model.FileRef;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.read.InsideProduction;
import film.slate.core.recipe.CharacterKey;
import film.slate.core.recipe.ReferenceKey;
import film.slate.core.yaml.YamlMapping;
import film.slate.core.yaml.YamlNode;
import film.slate.core.yaml.YamlScalar;
import film.slate.core.yaml.YamlSequence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference and per-character bind keys of every backend, against the bible and the shots: a
 * key naming a character or prop the bible lacks ({@code reference.<C>}, {@code prop_reference.<P>},
 * {@code mask.<C>}, {@code mask_video.<C>}, {@code prompt.<C>}: {@code schema/field}, at the key), a list bind with fewer
 * nodes than a shot has subjects ({@code reference/extra-subjects}, once per shot), and a
 * reference file that a key can bind but that is not an image ({@code reference/image}, where the
 * bible names it).
 */
final class ReferenceBindRules implements CheckRule {
    /** A bind key as written: its text and where. */
    private record Written(String key, SourcePosition at, int listLength) {
    }

    @Override
    public void check(Scene scene, Diagnostics d) {
        Production p = scene.production();
        Set<Class<?>> kinds = new LinkedHashSet<>();
        for (BackendConfig b : p.manifest().backends().values()) {
            for (Written w : written(b)) {
                if (w.listLength() >= 0) {
                    extraSubjects(p, b, w, d);
                    kinds.add(ReferenceKey.OfSubject.class);
                    continue;
                }
                Optional<ReferenceKey> k = ReferenceKey.parse(w.key());
                k.ifPresent(key -> kinds.add(key.getClass()));
                k.ifPresent(key -> names(p.bible(), b, key, w.at(), d));
                CharacterKey.parse(w.key()).filter(c -> !p.bible().characters().containsKey(c.character()))
                        .ifPresent(c -> d.add(Rule.SCHEMA_FIELD, w.at(), "bind key '" + c.key() + "' of backend " + b.name()
                                + " names the character " + c.character() + ", whom bible/characters.yaml lacks; name one of "
                                + String.join(", ", new TreeSet<>(p.bible().characters().keySet()))));
            }
        }
        images(p, kinds, d);
    }

    private static List<Written> written(BackendConfig b) {
        List<Written> out = new ArrayList<>();
        b.settings().get("bind").ifPresent(n -> {
            if (n instanceof YamlMapping m) {
                for (YamlMapping.Entry e : m.entries()) {
                    boolean list = ReferenceKey.LISTS.containsKey(e.key()) && e.value() instanceof YamlSequence;
                    out.add(new Written(e.key(), e.keyPosition(), list ? ((YamlSequence) e.value()).items().size() : -1));
                }
            }
        });
        b.settings().get("inputs").ifPresent(n -> {
            if (n instanceof YamlSequence s) {
                for (YamlNode item : s.items()) {
                    if (item instanceof YamlScalar sc) {
                        out.add(new Written(sc.text(), sc.position(), -1));
                    }
                }
            }
        });
        return out;
    }

    private static void names(Bible bible, BackendConfig b, ReferenceKey key, SourcePosition at, Diagnostics d) {
        if (key instanceof ReferenceKey.OfCharacter c && !bible.characters().containsKey(c.character())) {
            d.add(Rule.SCHEMA_FIELD, at, "bind key '" + key.key() + "' of backend " + b.name() + " names the character "
                    + c.character() + ", whom bible/characters.yaml lacks; name one of "
                    + String.join(", ", new TreeSet<>(bible.characters().keySet())) + ", or reference.<n> for the n-th subject");
        }
        if (key instanceof ReferenceKey.OfProp pr && !bible.props().containsKey(pr.prop())) {
            d.add(Rule.SCHEMA_FIELD, at, "bind key '" + key.key() + "' of backend " + b.name() + " names the prop "
                    + pr.prop() + ", which bible/props.yaml lacks; name one of "
                    + String.join(", ", new TreeSet<>(bible.props().keySet())));
        }
    }

    private static void extraSubjects(Production p, BackendConfig b, Written w, Diagnostics d) {
        for (Shot shot : p.shots()) {
            int n = shot.subjects().size();
            if (n > w.listLength()) {
                d.add(Diagnostic.ofShot(Rule.REFERENCE_EXTRA_SUBJECTS, w.at(), shot.fullId(), "shot " + shot.fullId()
                        + " has " + n + " subjects but bind '" + w.key() + "' of backend " + b.name() + " fills "
                        + w.listLength() + " nodes, so " + String.join(", ", shot.subjects().subList(w.listLength(), n))
                        + " get no reference; add nodes to the workflow and pointers to the list, or bind them by name"));
            }
        }
    }

    /** Every reference file a bound key of these kinds can reach must be an image. */
    private static void images(Production p, Set<Class<?>> kinds, Diagnostics d) {
        List<FileRef> refs = new ArrayList<>();
        boolean people = kinds.contains(ReferenceKey.OfCharacter.class) || kinds.contains(ReferenceKey.OfSubject.class);
        if (people) {
            for (Character c : p.bible().characters().values()) {
                refs.addAll(c.refs());
                c.wardrobeRefs().values().forEach(refs::addAll);
            }
        }
        if (kinds.contains(ReferenceKey.OfLocation.class)) {
            p.bible().locations().values().forEach(l -> refs.addAll(l.refs()));
        }
        if (people || kinds.contains(ReferenceKey.OfProp.class)) {
            p.bible().props().values().forEach(pr -> refs.addAll(pr.refs()));
        }
        for (FileRef ref : refs) {
            if (!image(p.root(), ref.path())) {
                d.add(Rule.REFERENCE_IMAGE, ref.position(), "the reference " + ref.path() + " is not an image (PNG, JPEG,"
                        + " WebP, GIF or BMP), and a backend binds it; replace it with the picture it should be");
            }
        }
    }

    /** Whether the file starts as an image does; a file that cannot be read is another rule's finding. */
    private static boolean image(Path root, String path) {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(InsideProduction.check(root, path))) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return true;
        }
        return ImageSignature.matches(head, n);
    }
}
