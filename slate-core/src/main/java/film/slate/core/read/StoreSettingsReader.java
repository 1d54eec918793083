package film.slate.core.read;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.Positions;
import film.slate.core.model.StoreSettings;
import film.slate.core.yaml.Fields;
import film.slate.core.yaml.YamlMapping;
import film.slate.core.yaml.YamlNode;
import film.slate.core.yaml.YamlReader;
import film.slate.core.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * slate.yaml's {@code store:} into {@link StoreSettings}: read with the manifest (so {@code slate
 * check} reports its faults at file:line) and on its own (so the store opens without reading the
 * whole production).
 */
public final class StoreSettingsReader {
    /** {@code postgresql://HOST[:PORT]/DB}: no user or password in it, no parameters. */
    public static final Pattern DATABASE = Pattern.compile(
            "postgresql://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:]+\\])(:[0-9]{1,5})?/[A-Za-z0-9_-]{1,63}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private StoreSettingsReader() {
    }

    /**
     * The store settings of the production in {@code production}: the embedded default when it has
     * no slate.yaml or no {@code store:}.
     *
     * @throws IOException with the first fault as {@code slate.yaml:LINE:COL: sentence} when the
     *     settings cannot be read: a store that may be meant elsewhere is never opened here instead
     */
    public static StoreSettings read(Path production) throws IOException {
        return section(production, "store", StoreSettingsReader::read, StoreSettings::embedded,
                "the store is not opened until slate.yaml is right");
    }

    /**
     * One top-level mapping of slate.yaml read on its own ({@code read}), or {@code absent} when
     * there is none; the first fault is thrown as {@code slate.yaml:LINE:COL: sentence (until)}.
     */
    static <T> T section(Path production, String key, java.util.function.BiFunction<YamlNode, Diagnostics, T> read,
            java.util.function.Function<Positions, T> absent, String until) throws IOException {
        Path file = production.resolve(ManifestReader.FILE);
        Positions top = Positions.of(SourcePosition.ofFile(ManifestReader.FILE));
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return absent.apply(top);
        }
        Diagnostics d = new Diagnostics();
        Optional<YamlNode> root = new ProductionFiles(production).read(ManifestReader.FILE,
                film.slate.core.diagnostic.Rule.SYNTAX_YAML, d).flatMap(b -> YamlReader.read(ManifestReader.FILE, b, d));
        T settings = root.filter(n -> n instanceof YamlMapping).flatMap(n -> ((YamlMapping) n).get(key))
                .filter(n -> !(n instanceof YamlScalar s && s.isNull())).map(n -> read.apply(n, d)).orElse(absent.apply(top));
        List<Diagnostic> errors = d.sorted().stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            throw new IOException(errors.get(0).position() + ": " + errors.get(0).message() + " (" + until
                    + "; 'slate check' lists every fault)");
        }
        return settings;
    }

    /** The {@code store:} mapping; faults go to {@code d} at the field's position. */
    static StoreSettings read(YamlNode node, Diagnostics d) {
        Optional<Fields> of = Fields.of(node, "'store' of " + ManifestReader.FILE, d);
        if (of.isEmpty()) {
            return StoreSettings.embedded(Positions.of(node.position()));
        }
        Fields f = of.get();
        if (f.has("password")) {
            f.invalid("password", "holds a password, but slate.yaml is shared and a password never belongs in a file; "
                    + "remove it, put the password in an environment variable and name that with 'password_env'");
        }
        Optional<String> database = f.text("database");
        database.filter(url -> !DATABASE.matcher(url).matches()).ifPresent(url -> f.invalid("database",
                url.contains("@") || url.contains("?") ? "names a user or parameters in the URL; write it as "
                        + "postgresql://HOST:PORT/DB and give the user with 'user' and the password with 'password_env'"
                        : "is '" + url + "'; write it as postgresql://HOST:PORT/DB (leave 'database' out for the"
                                + " SQLite store in the production folder)"));
        Optional<String> user = f.text("user");
        Optional<String> passwordEnv = f.text("password_env");
        passwordEnv.filter(n -> !ENV_NAME.matcher(n).matches()).ifPresent(n -> f.invalid("password_env",
                "is '" + n + "'; it names an environment variable (letters, digits and '_'), such as "
                        + StoreSettings.DEFAULT_PASSWORD_ENV + ", never the password itself"));
        Optional<String> objects = f.text("objects");
        objects.filter(String::isBlank).ifPresent(o -> f.invalid("objects", "is empty; name the folder that holds "
                + "the objects (an absolute path, or one relative to the production folder)"));
        f.finish();
        return new StoreSettings(database.filter(u -> DATABASE.matcher(u).matches()), user,
                passwordEnv.filter(n -> ENV_NAME.matcher(n).matches()), objects.filter(o -> !o.isBlank()),
                Values.positions(f.mapping()));
    }
}
