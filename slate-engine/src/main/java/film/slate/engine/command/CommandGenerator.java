package film.slate.engine.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.model.BackendConfig;
import film.slate.core.recipe.BackendFingerprint;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.Sha256;
import film.slate.engine.conditioning.Conditioning;
import film.slate.engine.conditioning.Normalise;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.Capabilities;
import film.slate.engine.generator.Capability;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Progress;
import film.slate.engine.generator.RenderRequest;
import film.slate.engine.generator.RenderResult;
import film.slate.engine.generator.Settings;
import film.slate.engine.remote.Redactor;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.footage.Footage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a studio's program per take. The program gets the recipe's canonical JSON on standard
 * input; {@code SLATE_INPUT_DIR} holds {@code recipe.json}, {@code conditioning.json} (the bind
 * values and the names of the files beside it) and the conditioning files the backend asks for
 * with {@code inputs:} ({@code control.png}, {@code control_video.mkv}, {@code layout.png},
 * {@code reference.*}); it writes frames (PNG, JPEG) or one video into {@code SLATE_OUTPUT_DIR}.
 * Exit 0 is success; an exit code listed in {@code transient_exit_codes} (default 75, EX_TEMPFAIL)
 * is retried; any other is permanent. When the engine's timeout strikes, the whole process tree
 * is killed.
 */
public final class CommandGenerator implements Generator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final int TAIL = 2000;

    private final String backend;
    private final List<String> command;
    private final Path workdir;
    private final Map<String, String> env;
    private final Set<Integer> transientCodes;
    private final Set<String> inputs;
    private final String version;
    private final int concurrency;
    private final Redactor redactor;
    private final Ffmpeg ffmpeg;

    CommandGenerator(String backend, List<String> command, Path workdir, Map<String, String> env,
            Set<Integer> transientCodes, Set<String> inputs, String version, int concurrency, Redactor redactor,
            Ffmpeg ffmpeg) {
        this.backend = backend;
        this.command = List.copyOf(command);
        this.workdir = workdir;
        this.env = Map.copyOf(env);
        this.transientCodes = Set.copyOf(transientCodes);
        this.inputs = Set.copyOf(inputs);
        this.version = version;
        this.concurrency = concurrency;
        this.redactor = redactor;
        this.ffmpeg = ffmpeg;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Capabilities capabilities() {
        Set<Capability> f = Conditioning.features(inputs);
        return new Capabilities(f, concurrency, false);
    }

    @Override
    public RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        Recipe recipe = request.recipe();
        Path in = request.outputDir().resolve("in");
        Path out = request.outputDir().resolve("out");
        Path stdout = request.outputDir().resolve("stdout.log");
        Path stderr = request.outputDir().resolve("stderr.log");
        try {
            Files.createDirectories(in);
            Files.createDirectories(out);
            prepare(request, in);
        } catch (IOException e) {
            throw GeneratorFault.transientFault("cannot prepare the input folder (" + e.getMessage() + ")", e);
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(workdir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Map<String, String> e = pb.environment();
        e.putAll(env);
        e.put("SLATE_INPUT_DIR", in.toString());
        e.put("SLATE_OUTPUT_DIR", out.toString());
        e.put("SLATE_RECIPE_ID", recipe.id());
        e.put("SLATE_SHOT", recipe.shot());
        e.put("SLATE_TAKE", Integer.toString(recipe.take()));
        Conditioning values = new Conditioning(request, ffmpeg, request.outputDir().resolve("conditioning"));
        for (String k : List.of("seed", "width", "height", "fps", "frames", "duration")) {
            e.put("SLATE_" + k.toUpperCase(java.util.Locale.ROOT), values.value(k).asText());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException ex) {
            throw GeneratorFault.permanent("backend " + backend + " cannot start " + command.get(0) + " ("
                    + redactor.apply(ex.getMessage()) + "); fix command in slate.yaml", null);
        }
        int code;
        try {
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(recipe.canonical().getBytes(StandardCharsets.UTF_8));
            } catch (IOException ex) {
                // the program does not read its input: its business
            }
            while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                if (cancellation.isCancelled()) {
                    kill(p);
                    throw new InterruptedException("cancelled: " + cancellation.reason());
                }
            }
            code = p.exitValue();
        } catch (InterruptedException ex) {
            kill(p);
            throw ex;
        }
        if (code != 0) {
            String tail = tail(stderr);
            String msg = command.get(0) + " exited with code " + code + (tail.isEmpty() ? "" : ": " + tail);
            throw transientCodes.contains(code) ? GeneratorFault.transientFault(msg, null)
                    : GeneratorFault.permanent(msg, null);
        }
        Optional<Footage> footage;
        try {
            footage = Normalise.inFolder(out, OptionalDouble.empty());
        } catch (IOException ex) {
            throw GeneratorFault.transientFault("cannot list the output folder (" + ex.getMessage() + ")", ex);
        }
        if (footage.isEmpty()) {
            throw GeneratorFault.permanent(command.get(0) + " exited 0 but wrote no frames (PNG, JPEG) or video into"
                    + " $SLATE_OUTPUT_DIR", null);
        }
        return Normalise.take(ffmpeg, recipe, footage.get(), request.outputDir(), command.get(0), OptionalDouble.empty());
    }

    /** recipe.json, conditioning.json and the conditioning files the backend asks for. */
    private void prepare(RenderRequest request, Path in) throws IOException, GeneratorFault {
        Files.writeString(in.resolve("recipe.json"), request.recipe().canonical());
        Conditioning c = new Conditioning(request, ffmpeg, request.outputDir().resolve("conditioning"));
        ObjectNode doc = JSON.createObjectNode();
        ObjectNode values = doc.putObject("values");
        for (String k : Conditioning.VALUES) {
            JsonNode v = c.value(k);
            if (!v.isMissingNode()) {
                values.set(k, v);
            }
        }
        ObjectNode files = doc.putObject("files");
        for (String k : Conditioning.FILES) {
            if (!inputs.contains(k)) {
                continue;
            }
            Optional<Path> file = c.file(k);
            if (file.isPresent()) {
                String name = Conditioning.fileName(k, file.get());
                Files.copy(file.get(), in.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                files.put(k, name);
            }
        }
        Files.writeString(in.resolve("conditioning.json"), doc.toPrettyString());
    }

    /** Kills the program and everything it started, children first. */
    static void kill(Process p) {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        p.toHandle().destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the program's standard error, secrets removed, on one line. */
    private String tail(Path stderr) {
        try (RandomAccessFile f = new RandomAccessFile(stderr.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL);
            byte[] b = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(b);
            String t = new String(b, StandardCharsets.UTF_8).strip().replaceAll("\\s*\\n\\s*", " | ");
            return redactor.apply(start > 0 ? "..." + t : t);
        } catch (IOException e) {
            return "";
        }
    }

    /** Registered for {@code type: command}. */
    public static final class Provider implements GeneratorProvider {
        @Override
        public String type() {
            return "command";
        }

        @Override
        public Generator open(BackendConfig backend, Path productionRoot) throws GeneratorFault {
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
            Path workdir = productionRoot.resolve(s.text("workdir").orElse(".")).normalize();
            Map<String, String> env = new LinkedHashMap<>();
            List<String> secrets = new ArrayList<>();
            s.get("env").properties().forEach(e -> {
                String v = expand(e.getValue().asText());
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
            int concurrency = (int) Math.max(1, s.number("concurrency", 1));
            Ffmpeg ffmpeg;
            try {
                ffmpeg = Ffmpeg.find();
            } catch (FfmpegException e) {
                throw GeneratorFault.permanent(e.getMessage(), e);
            }
            return new CommandGenerator(backend.name(), command, workdir, env, codes, inputs,
                    version(command, productionRoot, workdir), concurrency, new Redactor(secrets), ffmpeg);
        }

        /** {@code command/1} and a hash of the program files the command names inside the production. */
        static String version(List<String> command, Path root, Path workdir) {
            StringBuilder hashes = new StringBuilder();
            for (String word : command) {
                for (String part : word.split("\\s+")) {
                    if (part.isBlank() || part.startsWith("-")) {
                        continue;
                    }
                    try {
                        Path p = workdir.resolve(part).normalize();
                        if (p.startsWith(root.normalize()) && Files.isRegularFile(p)) {
                            hashes.append(part).append('=').append(Sha256.hex(Files.readAllBytes(p))).append('\n');
                        }
                    } catch (IOException | java.nio.file.InvalidPathException e) {
                        // not a file: a word of the command line
                    }
                }
            }
            return hashes.length() == 0 ? "command/1"
                    : "command/1 program " + Sha256.hex(hashes.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        }

        private static String expand(String value) {
            Matcher m = VAR.matcher(value);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, Matcher.quoteReplacement(Optional.ofNullable(System.getenv(m.group(1))).orElse("")));
            }
            m.appendTail(b);
            return b.toString();
        }
    }
}
