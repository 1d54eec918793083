package film.slate.engine.command;

import com.fasterxml.jackson.databind.JsonNode;
import film.slate.core.model.BackendConfig;
import film.slate.core.recipe.BackendFingerprint;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of one command backend with their defaults. The program's environment is what
 * {@code env:} names ({@code ${VAR}} drawn from Slate's environment) plus the {@code SLATE_*}
 * variables; {@code inherit_env: true} adds Slate's whole environment. Every value drawn from the
 * environment and every value of a variable whose name looks like a secret is one to redact.
 */
record CommandSettings(String backend, List<String> command, Path workdir, Map<String, String> env,
        boolean inheritEnv, Set<Integer> transientCodes, Set<String> inputs, int concurrency, List<String> secrets) {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** Reads a backend's settings; {@code environment} is Slate's environment. */
    static CommandSettings read(BackendConfig backend, Path productionRoot, Map<String, String> environment)
            throws GeneratorFault {
        Settings s = new Settings(backend);
        JsonNode c = s.get("command");
        List<String> command = new ArrayList<>();
        if (c.isTextual()) {
            command.addAll(List.of("/bin/sh", "-c", c.asText()));
        } else {
            c.forEach(a -> command.add(a.asText()));
        }
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw GeneratorFault.permanent("backend " + backend.name() + " names no command; run slate check", null);
        }
        Path workdir = workdir(backend.name(), productionRoot, s);
        boolean inherit = s.get("inherit_env").asBoolean(false);
        Map<String, String> env = new LinkedHashMap<>(inherit ? environment : Map.of());
        List<String> secrets = new ArrayList<>();
        environment.forEach((k, v) -> {
            if (BackendFingerprint.isSecret(k)) {
                secrets.add(v);
            }
        });
        s.get("env").properties().forEach(e -> {
            String v = expand(e.getValue().asText(), environment::get);
            env.put(e.getKey(), v);
            if (BackendFingerprint.isSecret(e.getKey()) || !v.equals(e.getValue().asText())) {
                secrets.add(v); // a value drawn from the environment may be a key: never echoed
            }
        });
        // The folder the program lives in (its configuration), not an input of the render.
        env.put("SLATE_PRODUCTION_DIR", productionRoot.toString());
        Set<Integer> codes = new TreeSet<>();
        if (s.get("transient_exit_codes").isArray()) {
            s.get("transient_exit_codes").forEach(n -> codes.add(n.asInt()));
        } else {
            codes.add(75);
        }
        Set<String> inputs = new LinkedHashSet<>();
        s.get("inputs").forEach(n -> inputs.add(n.asText()));
        return new CommandSettings(backend.name(), command, workdir, env, inherit, codes,
                inputs, (int) Math.max(1, s.number("concurrency", 1)), secrets);
    }

    /** The folder the program runs in: inside the production unless {@code workdir_outside: true} says otherwise. */
    private static Path workdir(String backend, Path productionRoot, Settings s) throws GeneratorFault {
        Path root = productionRoot.toAbsolutePath().normalize();
        Path workdir = root.resolve(s.text("workdir").orElse(".")).normalize();
        if (!workdir.startsWith(root) && !s.get("workdir_outside").asBoolean(false)) {
            throw GeneratorFault.permanent("backend " + backend + " runs its program in " + workdir
                    + ", outside the production; use a folder inside it or say workdir_outside: true", null);
        }
        return workdir;
    }

    private static String expand(String value, Function<String, String> environment) {
        Matcher m = VAR.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(Optional.ofNullable(environment.apply(m.group(1))).orElse("")));
        }
        m.appendTail(b);
        return b.toString();
    }
}
