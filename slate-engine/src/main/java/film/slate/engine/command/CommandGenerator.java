package film.slate.engine.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.model.BackendConfig;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.Sha256;
import film.slate.engine.conditioning.Conditioning;
import film.slate.engine.conditioning.Normalise;
import film.slate.engine.generator.Cancellation;
import film.slate.engine.generator.Capabilities;
import film.slate.engine.generator.Generator;
import film.slate.engine.generator.GeneratorFault;
import film.slate.engine.generator.GeneratorPlace;
import film.slate.engine.generator.GeneratorProvider;
import film.slate.engine.generator.Progress;
import film.slate.engine.generator.RenderRequest;
import film.slate.engine.generator.RenderResult;
import film.slate.engine.remote.Redactor;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.footage.Footage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

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
    private static final int TAIL = 2000;

    private final CommandSettings settings;
    private final String version;
    private final Redactor redactor;
    private final Ffmpeg ffmpeg;

    CommandGenerator(CommandSettings settings, String version, Ffmpeg ffmpeg) {
        this.settings = settings;
        this.version = version;
        this.redactor = new Redactor(settings.secrets());
        this.ffmpeg = ffmpeg;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(Conditioning.features(settings.inputs()), settings.concurrency(), false);
    }

    @Override
    public RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        Recipe recipe = request.recipe();
        Path in = request.outputDir().resolve("in");
        Path out = request.outputDir().resolve("out");
        Path stderr = request.outputDir().resolve("stderr.log");
        try {
            Files.createDirectories(in);
            Files.createDirectories(out);
            prepare(request, in);
        } catch (IOException e) {
            throw GeneratorFault.transientFault("cannot prepare the input folder (" + e.getMessage() + ")", e);
        }
        List<String> command = settings.command();
        int code;
        try {
            code = Program.run(command, settings.workdir(), environment(request, in, out),
                    recipe.canonical().getBytes(StandardCharsets.UTF_8), request.outputDir().resolve("stdout.log"),
                    stderr, redactor, cancellation);
        } catch (IOException ex) {
            throw GeneratorFault.permanent("backend " + settings.backend() + " cannot start " + command.get(0) + " ("
                    + redactor.excerpt(ex.getMessage(), 300) + "); fix command in slate.yaml", null);
        }
        if (code != 0) {
            String tail = tail(stderr);
            String msg = command.get(0) + " exited with code " + code + (tail.isEmpty() ? "" : ": " + tail);
            throw settings.transientCodes().contains(code) ? GeneratorFault.transientFault(msg, null)
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

    /**
     * The program's environment: what {@code env:} names (Slate's whole environment too with
     * {@code inherit_env: true}) and the {@code SLATE_*} variables. The one place this backend reads recipe fields.
     */
    private Map<String, String> environment(RenderRequest request, Path in, Path out) {
        Map<String, String> e = new LinkedHashMap<>(settings.env());
        Recipe recipe = request.recipe();
        e.put("SLATE_INPUT_DIR", in.toString());
        e.put("SLATE_OUTPUT_DIR", out.toString());
        e.put("SLATE_RECIPE_ID", recipe.id());
        e.put("SLATE_SHOT", recipe.shot());
        e.put("SLATE_TAKE", Integer.toString(recipe.take()));
        Conditioning values = new Conditioning(request, ffmpeg, request.outputDir().resolve("conditioning"));
        for (String k : List.of("seed", "width", "height", "fps", "frames", "duration")) {
            e.put("SLATE_" + k.toUpperCase(Locale.ROOT), values.value(k).asText());
        }
        return e;
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
        for (String k : settings.inputs()) {
            Optional<Path> file = Conditioning.isFile(k) ? c.file(k) : Optional.empty();
            if (file.isPresent()) {
                String name = Conditioning.fileName(k, file.get());
                Files.copy(file.get(), in.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                files.put(k, name);
            }
        }
        Files.writeString(in.resolve("conditioning.json"), doc.toPrettyString());
    }

    /** The last lines of the program's standard error (already redacted in the file), redacted again, on one line. */
    private String tail(Path stderr) {
        try (RandomAccessFile f = new RandomAccessFile(stderr.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL);
            byte[] b = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(b);
            String t = redactor.apply(new String(b, StandardCharsets.UTF_8)).strip().replaceAll("\\s*\\n\\s*", " | ");
            return start > 0 ? "..." + t : t;
        } catch (IOException e) {
            return "";
        }
    }

    /** Registered for {@code type: command}; Slate's environment is passed in (tests give their own). */
    public static final class Provider implements GeneratorProvider {
        private final Map<String, String> environment;

        public Provider() {
            this(System.getenv());
        }

        public Provider(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
        }

        @Override
        public String type() {
            return "command";
        }

        @Override
        public void check(film.slate.core.yaml.Fields settings, film.slate.core.read.SettingsFiles files) {
            CommandCheck.check(settings);
        }

        @Override
        public Generator open(BackendConfig backend, GeneratorPlace place) throws GeneratorFault {
            CommandSettings s = CommandSettings.read(backend, place.production(), environment);
            Ffmpeg ffmpeg;
            try {
                ffmpeg = Ffmpeg.find();
            } catch (FfmpegException e) {
                throw GeneratorFault.permanent(e.getMessage(), e);
            }
            return new CommandGenerator(s, version(s.command(), place.production(), s.workdir()), ffmpeg);
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
    }
}
