package film.slate.engine.httptask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.recipe.Recipe;
import film.slate.engine.conditioning.Conditioning;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.RenderRequest;
import film.slate.media.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${name}} templates of an http-task backend (request body, headers, URLs) and the
 * values they may name. {@link #variables} is the one place this backend reads the recipe and its
 * conditioning files.
 */
final class TaskTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code ${name}}: a name as bind keys write them, with a character, prop or number after a dot ({@code mask.MARA}). */
    static final Pattern VAR = Pattern.compile("\\$\\{([a-z_]+(?:\\.[A-Za-z0-9_-]+)?)}");
    private static final Set<String> STRING_ONLY = Set.of("prompt", "negative");

    private final HttpTaskSettings config;
    private final Ffmpeg ffmpeg;

    TaskTemplate(HttpTaskSettings config, Ffmpeg ffmpeg) {
        this.config = config;
        this.ffmpeg = ffmpeg;
    }

    /** The key of a take version, sent as the create request's {@code Idempotency-Key}. */
    static String key(Recipe r) {
        return "slate-" + r.content().production() + "-" + r.id();
    }

    /** The values a template may name: the bind values, the take, the key and the files asked for as data URIs. */
    Map<String, JsonNode> variables(RenderRequest request) throws GeneratorFault {
        Map<String, JsonNode> v = new LinkedHashMap<>();
        Conditioning c = new Conditioning(request, ffmpeg, request.outputDir().resolve("conditioning"));
        for (String k : Conditioning.VALUES) {
            v.put(k, c.value(k));
        }
        Recipe r = request.recipe();
        JsonNodeFactory n = JsonNodeFactory.instance;
        v.put("shot", n.textNode(r.shot()));
        v.put("take", n.numberNode(r.take()));
        v.put("recipe_id", n.textNode(r.id()));
        v.put("key", n.textNode(key(r)));
        for (String k : config.inputs()) {
            Optional<Path> f = Conditioning.isFile(k) ? c.file(k) : Optional.empty();
            if (f.isPresent()) {
                v.put(k, n.textNode(dataUri(k, f.get())));
            }
        }
        for (String k : named()) { // per-character values (prompt.MARA): from the recipe, as prompt is
            if (Conditioning.isValue(k) && !v.containsKey(k)) {
                v.put(k, c.value(k));
            }
        }
        config.apiKey().ifPresent(k -> v.put("api_key", n.textNode(k)));
        return v;
    }

    private static String dataUri(String key, Path file) throws GeneratorFault {
        String name = Conditioning.fileName(key, file);
        String mime = name.endsWith(".png") ? "image/png" : name.endsWith(".mkv") ? "video/x-matroska"
                : name.endsWith(".mov") ? "video/quicktime"
                : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : "application/octet-stream";
        try {
            return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw GeneratorFault.transientFault("cannot read the " + key + " file (" + e.getMessage() + ")", e);
        }
    }

    /** The template with {@code ${name}} filled: a whole-string placeholder keeps the value's JSON type. */
    JsonNode fill(JsonNode template, Map<String, JsonNode> vars) throws GeneratorFault {
        if (template.isObject()) {
            ObjectNode o = JSON.createObjectNode();
            for (var e : template.properties()) {
                o.set(e.getKey(), fill(e.getValue(), vars));
            }
            return o;
        }
        if (template.isArray()) {
            ArrayNode a = JSON.createArrayNode();
            for (JsonNode item : template) {
                a.add(fill(item, vars));
            }
            return a;
        }
        if (template.isTextual()) {
            Matcher m = VAR.matcher(template.asText());
            if (m.matches()) {
                return value(m.group(1), vars);
            }
            return JsonNodeFactory.instance.textNode(text(template.asText(), vars, false));
        }
        return template;
    }

    private JsonNode value(String name, Map<String, JsonNode> vars) throws GeneratorFault {
        JsonNode v = vars.get(name);
        if (v == null || v.isMissingNode()) {
            if (Conditioning.FILES.contains(name)) {
                return JsonNodeFactory.instance.nullNode(); // a file this take lacks
            }
            if (Conditioning.isFile(name)) {
                throw GeneratorFault.permanent("the http-task template of backend " + config.backend() + " names ${" + name
                        + "}, a file it does not send; add " + name + " to the backend's inputs", null);
            }
            throw GeneratorFault.permanent("the http-task template of backend " + config.backend() + " names ${" + name
                    + "}, which Slate does not fill; use one of " + String.join(", ", known()), null);
        }
        return STRING_ONLY.contains(name) || v.isTextual() ? JsonNodeFactory.instance.textNode(v.asText()) : v;
    }

    /** A text template filled; {@code encode} URL-encodes the values (for URLs), and {@code {id}} is the task id. */
    String text(String template, Map<String, JsonNode> vars, boolean encode) throws GeneratorFault {
        Matcher m = VAR.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String s = value(m.group(1), vars).asText();
            m.appendReplacement(b, Matcher.quoteReplacement(encode ? URLEncoder.encode(s, StandardCharsets.UTF_8) : s));
        }
        m.appendTail(b);
        return b.toString().replace("{id}", encode ? URLEncoder.encode(vars.getOrDefault("id",
                JsonNodeFactory.instance.textNode("{id}")).asText(), StandardCharsets.UTF_8) : "{id}");
    }

    /** Every name the backend's templates use: request, url, poll and headers. */
    private Set<String> named() {
        Set<String> out = new java.util.LinkedHashSet<>();
        List<String> texts = new ArrayList<>(List.of(config.url(), config.poll()));
        texts.addAll(config.headers().values());
        texts.add(config.request().toString());
        for (String t : texts) {
            Matcher m = VAR.matcher(t);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static List<String> known() {
        List<String> k = new ArrayList<>(Conditioning.VALUES);
        k.addAll(List.of("prompt.<CHARACTER>", "shot", "take", "recipe_id", "key", "api_key", "id"));
        k.addAll(Conditioning.fileKeysWritten());
        return k;
    }
}
