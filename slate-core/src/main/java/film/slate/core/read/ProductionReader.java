package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.Bible;
import film.slate.core.model.Manifest;
import film.slate.core.model.Production;
import film.slate.core.model.Rights;
import film.slate.core.model.ScenePlan;
import film.slate.core.screenplay.Screenplay;
import film.slate.core.screenplay.ScreenplayFile;
import film.slate.core.screenplay.ScriptScene;
import film.slate.core.yaml.YamlNode;
import film.slate.core.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a production folder into the model. Total: any content gives a {@link Production} (with
 * what could be read) and diagnostics; only a folder that is not a production at all is refused.
 */
public final class ProductionReader {
    static final String SHOTS = "shots";

    private ProductionReader() {
    }

    public static ReadProduction read(Path folder) throws NotAProductionException {
        return read(folder, file -> true);
    }

    /**
     * Reads the production with only the scene files (production-relative names, e.g.
     * {@code shots/003.yaml}) that {@code sceneFiles} accepts: the plan cache reads just the scenes it
     * has no recipes for.
     */
    public static ReadProduction read(Path folder, Predicate<String> sceneFiles) throws NotAProductionException {
        return read(folder, sceneFiles, true);
    }

    /**
     * Reads slate.yaml alone (with its backends' settings): a production with no screenplay, an
     * empty bible and no scenes, for the plan cache when nothing else changed.
     */
    public static ReadProduction manifest(Path folder) throws NotAProductionException {
        return read(folder, file -> false, false);
    }

    /**
     * Refuses a path that is not a production folder (a file, nothing, or a folder without
     * slate.yaml) with the sentence that says which and what to name instead; reads nothing else,
     * for the commands that only open the store.
     */
    public static void requireFolder(Path folder) throws NotAProductionException {
        if (Files.isRegularFile(folder)) {
            throw new NotAProductionException(folder + " is a file; name the production folder that holds slate.yaml"
                    + (folder.getParent() != null ? " (" + folder.getParent() + "?)" : ""));
        }
        if (!Files.isDirectory(folder)) {
            throw new NotAProductionException("there is no folder " + folder + "; name a production folder (one with slate.yaml)");
        }
        if (!Files.exists(folder.resolve(ManifestReader.FILE), LinkOption.NOFOLLOW_LINKS)) { // a FIFO is refused when read
            throw new NotAProductionException(folder + " is not a Slate production: it has no slate.yaml; "
                    + "run 'slate demo' for an example, or name the folder that holds slate.yaml");
        }
    }

    private static ReadProduction read(Path folder, Predicate<String> sceneFiles, boolean whole)
            throws NotAProductionException {
        requireFolder(folder);
        ProductionFiles files = new ProductionFiles(folder);
        Diagnostics d = new Diagnostics();
        YamlNode manifestNode = yaml(files, ManifestReader.FILE, d)
                .orElse(new film.slate.core.yaml.YamlMapping(List.of(), SourcePosition.of(ManifestReader.FILE, 1, 1)));
        Manifest manifest = ManifestReader.read(manifestNode, d);
        BackendSettings backends = new BackendSettings(files, d);
        // The implicit previz backend has no settings of its own to check.
        manifest.backends().values().stream().filter(b -> !b.settings().entries().isEmpty()).forEach(backends::check);
        ServiceLoader.load(DeliveryChecks.class).findFirst().ifPresent(c -> c.check(manifest, new SettingsFiles(files), d));

        Optional<Screenplay> screenplay = whole ? manifest.screenplay().flatMap(p -> screenplay(files, p, manifest, d))
                : Optional.empty();

        BibleReader bible = new BibleReader(files, d);
        Bible b = new Bible(bible.characters(whole ? optionalYaml(files, BibleReader.CHARACTERS, d) : Optional.empty()),
                bible.locations(whole ? optionalYaml(files, BibleReader.LOCATIONS, d) : Optional.empty()),
                bible.props(whole ? optionalYaml(files, BibleReader.PROPS, d) : Optional.empty()),
                bible.style(whole ? optionalYaml(files, BibleReader.STYLE, d) : Optional.empty(),
                        SourcePosition.ofFile(BibleReader.STYLE)));

        List<ScenePlan> scenes = new ArrayList<>();
        for (String file : shotFiles(files, d).stream().filter(sceneFiles).toList()) {
            yaml(files, file, d).flatMap(n -> new ScenePlanReader(file, d, b.locations()).read(n)).ifPresent(scenes::add);
        }
        scenes.sort(editOrder(screenplay));

        Optional<YamlNode> rightsNode = whole ? optionalYaml(files, RightsReader.FILE, d) : Optional.empty();
        Rights rights = rightsNode.map(n -> new RightsReader(files, d).read(n)).orElse(Rights.NONE);
        Production production = new Production(files.root(), manifest, screenplay, b, scenes, rights);
        return new ReadProduction(production, d.sorted());
    }

    private static Optional<Screenplay> screenplay(ProductionFiles files, String path, Manifest manifest, Diagnostics d) {
        return files.resolve(ManifestReader.FILE, path, manifest.where().at("screenplay"), true, d)
                .flatMap(ref -> files.read(ref.path(), Rule.SYNTAX_FOUNTAIN, new Diagnostics()).map(bytes -> {
                    var document = ScreenplayFile.parse(ref.path(), bytes); // .fountain or .fdx
                    d.addAll(document.diagnostics());
                    return Screenplay.of(document);
                }));
    }

    /** Screenplay order where the screenplay knows the scene; files in name order otherwise. */
    private static Comparator<ScenePlan> editOrder(Optional<Screenplay> screenplay) {
        return Comparator.<ScenePlan>comparingInt(p -> screenplay.flatMap(s -> s.scene(p.scene()))
                .map(ScriptScene::ordinal).orElse(Integer.MAX_VALUE)).thenComparing(ScenePlan::file);
    }

    /** The scene files of a production, by production-relative name, in name order. */
    public static List<String> shotFiles(Path folder) {
        return shotFiles(new ProductionFiles(folder), new Diagnostics());
    }

    private static List<String> shotFiles(ProductionFiles files, Diagnostics d) {
        Path dir = files.root().resolve(SHOTS);
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) { // a file is no absent folder: say so
                d.add(Rule.SYNTAX_YAML, SourcePosition.ofFile(SHOTS), SHOTS + " is a file, but Slate reads the shot plans"
                        + " from a folder of that name; move the file away and put one NNN.yaml per scene in a folder "
                        + SHOTS + "/");
            }
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) // the rest meet the file rule
                    .map(files::name).sorted().toList();
        } catch (IOException e) {
            d.add(Rule.SYNTAX_YAML, SourcePosition.ofFile(SHOTS), "the shots folder cannot be listed ("
                    + e.getClass().getSimpleName() + "); check its permissions");
            return List.of();
        }
    }

    private static Optional<YamlNode> optionalYaml(ProductionFiles files, String file, Diagnostics d) {
        return Files.exists(files.root().resolve(file), LinkOption.NOFOLLOW_LINKS) ? yaml(files, file, d) : Optional.empty();
    }

    private static Optional<YamlNode> yaml(ProductionFiles files, String file, Diagnostics d) {
        return files.read(file, Rule.SYNTAX_YAML, d).flatMap(bytes -> YamlReader.read(file, bytes, d));
    }
}
