package film.slate.engine.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import film.slate.core.model.BackendConfig;
import film.slate.core.recipe.Recipe;
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
import film.slate.engine.remote.BackendTime;
import film.slate.engine.remote.Http;
import film.slate.media.ffmpeg.Ffmpeg;
import film.slate.media.ffmpeg.FfmpegException;
import film.slate.media.footage.Footage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Renders takes on a pool of ComfyUI servers ({@link ComfyPool}). Per take: find a prompt that
 * already carries the take's key (queued, running or finished) and follow it; otherwise upload the
 * bound files, submit the bound graph, and follow the id the server answers ({@link ComfyPrompt});
 * download the outputs with {@code /view} ({@link ComfyOutputs}) and normalise them into a master
 * and a proxy. Refusals and node failures are permanent; refused connections, 5xx, timeouts and
 * lost prompts are transient, and the retry looks the key up first, so a retry never queues a
 * duplicate.
 */
public final class ComfyGenerator implements Generator {
    /** The field of a prompt's {@code extra_data} that holds Slate's key. */
    static final String KEY_FIELD = "slate";

    private final ComfyWorkflow workflow;
    private final ComfyPool pool;
    private final ComfyPrompt prompt;
    private final Ffmpeg ffmpeg;

    ComfyGenerator(ComfyWorkflow workflow, ComfyPool pool, ComfyPrompt prompt, Ffmpeg ffmpeg) {
        this.workflow = workflow;
        this.pool = pool;
        this.prompt = prompt;
        this.ffmpeg = ffmpeg;
    }

    @Override
    public String version() {
        return pool.version();
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(Conditioning.features(workflow.bound()), pool.capacity(), false);
    }

    /** The key of a take version: the production, the take and its recipe. */
    static String key(Recipe r) {
        return "slate/" + r.content().production() + "/" + r.label() + "/" + r.id();
    }

    @Override
    public RenderResult render(RenderRequest request, Progress progress, Cancellation cancellation)
            throws GeneratorFault, InterruptedException {
        Recipe recipe = request.recipe();
        String key = key(recipe);
        // A prompt of this take already on a server: follow it instead of submitting again.
        Optional<ComfyPool.Located> located = pool.locate(key);
        ComfyServer server;
        String promptId;
        JsonNode finished;
        if (located.isPresent()) {
            server = located.get().server();
            server.slots.acquire();
            try {
                promptId = located.get().found().promptId();
                finished = located.get().found().finished().isPresent() ? located.get().found().finished().get()
                        : prompt.follow(server, promptId, cancellation);
            } finally {
                pool.release(server);
            }
        } else {
            server = pool.acquire(cancellation);
            try {
                // the one place this backend reads the take's conditioning: bind values and files
                Conditioning c = new Conditioning(request, ffmpeg, request.outputDir().resolve("conditioning"));
                Map<String, String> names = prompt.upload(server, c);
                promptId = prompt.submit(server, workflow.graphFor(c, names), key, cancellation);
                finished = prompt.follow(server, promptId, cancellation);
            } finally {
                pool.release(server);
            }
        }
        progress.report(1, 2);
        Footage footage = ComfyOutputs.download(server, promptId, finished, request.outputDir().resolve("comfyui"));
        RenderResult result = Normalise.take(ffmpeg, recipe, footage, request.outputDir(), "ComfyUI at " + server.url,
                OptionalDouble.empty(), true);
        progress.report(2, 2);
        return result;
    }

    /** Registered for {@code type: comfyui}; time is passed in (tests drive their own). */
    public static final class Provider implements GeneratorProvider {
        private final BackendTime time;

        public Provider() {
            this(BackendTime.system());
        }

        public Provider(BackendTime time) {
            this.time = time;
        }

        @Override
        public String type() {
            return "comfyui";
        }

        @Override
        public void check(film.slate.core.yaml.Fields settings, film.slate.core.read.SettingsFiles files) {
            ComfyCheck.check(settings, files);
        }

        @Override
        public Generator open(BackendConfig backend, GeneratorPlace place) throws GeneratorFault {
            ComfySettings s = ComfySettings.read(backend);
            ComfyWorkflow workflow = ComfyWorkflow.read(place.production().resolve(s.workflow()), s.bind());
            Http http = new Http(s.requestTimeout());
            String clientId = "slate-" + UUID.randomUUID();
            List<ComfyServer> servers = s.servers().stream()
                    .map(u -> new ComfyServer(u.url(), u.capacity(), http, time, clientId, s.websocket())).toList();
            ComfyPool pool = new ComfyPool(s.backend(), workflow, servers, s.restartWait(), time);
            try {
                pool.probe();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw GeneratorFault.permanent("interrupted while asking ComfyUI for its version", e);
            }
            Ffmpeg ffmpeg;
            try {
                ffmpeg = Ffmpeg.find();
            } catch (FfmpegException e) {
                throw GeneratorFault.permanent(e.getMessage(), e);
            }
            ComfyPrompt prompt = new ComfyPrompt(workflow, s.pollInterval(), s.grace(), s.requestTimeout(), time);
            return new ComfyGenerator(workflow, pool, prompt, ffmpeg);
        }
    }
}
