package film.slate.core.lock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.read.InsideProduction;
import film.slate.core.recipe.Recipe;
import film.slate.core.yaml.Fields;
import film.slate.core.yaml.YamlMapping;
import film.slate.core.yaml.YamlNode;
import film.slate.core.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * lock.yaml, read with positions (every fault a finding at its line) and written as text that
 * diffs well: one block per shot, the locked recipe as indented JSON, every value ASCII.
 */
public final class LockFile {
    /** What a read gives: the lock, or findings (then the lock is empty). */
    public record Read(PictureLock lock, List<Diagnostic> diagnostics) {
    }

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final String HOW = "restore lock.yaml from git, or 'slate unlock' and 'slate lock' the shot again";
    private static final JsonMapper READ = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final JsonMapper WRITE = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private LockFile() {
    }

    /** lock.yaml of the production in {@code root}: no file is no lock; a damaged one gives its findings. */
    public static Read read(Path root) {
        if (!Files.exists(root.resolve(PictureLock.FILE), LinkOption.NOFOLLOW_LINKS)) {
            return new Read(PictureLock.none(), List.of());
        }
        Diagnostics d = new Diagnostics();
        Optional<YamlNode> node = bytes(root, d).flatMap(b -> YamlReader.read(PictureLock.FILE, b, d));
        Map<String, LockedShot> shots = new TreeMap<>();
        node.flatMap(n -> Fields.of(n, PictureLock.FILE, d)).ifPresent(top -> {
            top.number("lock", 1, 1);
            Optional<YamlNode> list = top.node("shots");
            top.finish();
            if (list.isPresent() && list.get() instanceof YamlMapping m) {
                for (YamlMapping.Entry e : m.entries()) {
                    Fields.of(e.value(), "the lock of shot " + e.key(), d).flatMap(f -> shot(e, f))
                            .ifPresent(s -> shots.put(s.shot(), s));
                }
            } else if (list.isPresent()) {
                top.wrongType(list.get(), "'shots' of lock.yaml", "a mapping of shot ids to locks");
            }
        });
        List<Diagnostic> found = d.sorted();
        return new Read(found.isEmpty() ? new PictureLock(shots) : PictureLock.none(), found);
    }

    private static Optional<byte[]> bytes(Path root, Diagnostics d) {
        try (InputStream in = InsideProduction.open(root, PictureLock.FILE)) {
            return Optional.of(in.readNBytes(YamlReader.MAX_BYTES + 1)); // the reader refuses more
        } catch (IOException e) {
            d.add(Rule.SYNTAX_YAML, SourcePosition.ofFile(PictureLock.FILE), e instanceof film.slate.core.read.RefusedFileException
                    ? e.getMessage() : "the file cannot be read (" + e.getClass().getSimpleName() + "); check that it is readable");
            return Optional.empty();
        }
    }

    private static Optional<LockedShot> shot(YamlMapping.Entry e, Fields f) {
        String id = e.key();
        OptionalDouble take = f.requiredNumber("take", 1, 1_000_000);
        OptionalDouble version = f.requiredNumber("version", 1, 1_000_000_000);
        Optional<String> recipeId = hash(f, "recipe");
        Optional<String> master = hash(f, "master");
        Optional<String> by = f.requiredText("locked_by");
        Optional<Instant> at = f.requiredText("locked_at").flatMap(t -> instant(f, t));
        Optional<String> reason = f.text("reason");
        Optional<Recipe> recipe = f.requiredText("recipe_json").flatMap(t -> recipe(f, "recipe_json", f.at("recipe_json"), t));
        List<YamlNode> items = f.node("inputs_json").map(Fields::items).orElse(List.of());
        List<Recipe> inputs = new ArrayList<>();
        for (YamlNode item : items) {
            f.asText(item, "'inputs_json' of " + f.what()).flatMap(t -> recipe(f, "inputs_json", item.position(), t))
                    .ifPresent(inputs::add);
        }
        f.finish();
        if (take.isEmpty() || version.isEmpty() || recipeId.isEmpty() || master.isEmpty() || by.isEmpty() || at.isEmpty()
                || recipe.isEmpty() || inputs.size() != items.size()) {
            return Optional.empty();
        }
        Recipe r = recipe.get();
        if (!r.id().equals(recipeId.get()) || !r.shot().equals(id) || r.take() != (int) take.getAsDouble()
                || !r.inputIds().equals(inputs.stream().map(Recipe::id).toList())) {
            f.diagnostics().add(Rule.SCHEMA_FIELD, f.at("recipe_json"), "'recipe_json' of " + f.what()
                    + " is not the recipe of take " + (int) take.getAsDouble() + " of " + id + " with id " + recipeId.get()
                    + " and its inputs (it was edited by hand?); " + HOW);
            return Optional.empty();
        }
        return Optional.of(new LockedShot(id, (int) take.getAsDouble(), (int) version.getAsDouble(),
                new Recipe(r.id(), r.canonical(), r.content(), inputs), master.get(), by.get(), at.get(), reason,
                e.keyPosition()));
    }

    private static Optional<String> hash(Fields f, String key) {
        return f.requiredText(key).filter(t -> {
            if (HASH.matcher(t).matches()) {
                return true;
            }
            f.invalid(key, "is not a SHA-256 (64 lower-case hex digits); " + HOW);
            return false;
        });
    }

    private static Optional<Instant> instant(Fields f, String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException ex) {
            f.invalid("locked_at", "is not a UTC time such as 2026-12-02T07:30:00Z; " + HOW);
            return Optional.empty();
        }
    }

    private static Optional<Recipe> recipe(Fields f, String key, SourcePosition at, String text) {
        try {
            return Optional.of(Recipe.parse(text));
        } catch (IllegalArgumentException ex) {
            f.diagnostics().add(Rule.SCHEMA_FIELD, at, "'" + key + "' of " + f.what() + " is not a recipe ("
                    + ex.getMessage() + "); " + HOW);
            return Optional.empty();
        }
    }

    static String text(PictureLock lock) {
        StringBuilder b = new StringBuilder();
        b.append("# The picture lock: written whole by 'slate lock' and 'slate unlock' (both on 'slate log').\n");
        b.append("# Keep it in git with the plan. recipe_json is the locked recipe: 'slate check' names what an edit changes.\n");
        b.append("lock: 1\n");
        if (lock.shots().isEmpty()) {
            return b.append("shots: {}\n").toString();
        }
        b.append("shots:\n");
        for (LockedShot s : lock.shots().values()) {
            b.append("  ").append(quote(s.shot())).append(":\n");
            b.append("    take: ").append(s.take()).append('\n');
            b.append("    version: ").append(s.version()).append('\n');
            b.append("    recipe: ").append(s.recipe().id()).append('\n');
            b.append("    master: ").append(s.master()).append('\n');
            b.append("    locked_by: ").append(quote(s.by())).append('\n');
            b.append("    locked_at: ").append(quote(s.at().toString())).append('\n');
            s.reason().ifPresent(r -> b.append("    reason: ").append(quote(r)).append('\n'));
            b.append("    recipe_json: |\n").append(indented(s.recipe(), "      "));
            if (!s.recipe().inputs().isEmpty()) {
                b.append("    inputs_json:\n");
                for (Recipe input : s.recipe().inputs()) {
                    b.append("      - |\n").append(indented(input, "        "));
                }
            }
        }
        return b.toString();
    }

    /** A YAML double-quoted scalar: JSON's string syntax, which YAML reads alike, all ASCII. */
    private static String quote(String s) {
        try {
            return WRITE.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string is always JSON", e);
        }
    }

    /** The recipe as indented JSON lines (ASCII; numbers exactly as in the canonical text). */
    private static String indented(Recipe r, String indent) {
        DefaultIndenter lines = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(lines); // arrays on one line
        String json;
        try {
            json = WRITE.writer(pretty).writeValueAsString(READ.readTree(r.canonical()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recipe's canonical text is JSON", e);
        }
        StringBuilder b = new StringBuilder();
        json.lines().forEach(l -> b.append(indent).append(l).append('\n'));
        return b.toString();
    }
}
