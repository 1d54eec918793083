package film.slate.deliver;

import film.slate.core.model.Production;
import film.slate.core.recipe.RecipeContent;
import film.slate.deliver.c2pa.Manifest;
import film.slate.deliver.c2pa.SigningIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The C2PA manifests of a delivery, by the file they sign: each clip's master (a sidecar
 * {@code .c2pa} beside the Matroska file) and proxy (embedded in the MP4) carry the actions that made
 * the take ({@link ClipActions}: created, or opened from its parent and edited by fixes) and Slate's
 * {@value #TAKE} assertion (the provenance.json record of the clip plus the rights it was cleared
 * for); {@code cut.mp4} carries a {@code c2pa.created} action of a composite and Slate's {@value #CUT}
 * assertion listing its clips, and each clip's master (what the cut was encoded from) as a
 * {@code componentOf} ingredient. The hard binding is added when each file is signed.
 */
public record Credentials(SigningIdentity identity, Map<String, Manifest> manifests) {
    /** Slate's assertion on a clip. */
    public static final String TAKE = "film.slate.take";
    /** Slate's assertion on the cut. */
    public static final String CUT = "film.slate.cut";
    /** The label of the cut's ingredients; the second and later get {@code __1}, {@code __2}, ... */
    static final String INGREDIENT = "c2pa.ingredient.v3";
    static final String SOURCE = "http://cv.iptc.org/newscodes/digitalsourcetype/";
    /** A take made by a generative model. */
    public static final String GENERATED = SOURCE + "trainedAlgorithmicMedia";
    /** A take made by Slate's previz renderer: computed, but by no trained model. */
    public static final String COMPUTED = SOURCE + "algorithmicMedia";
    /** The cut, or a fixed take: generated pictures put together. */
    public static final String COMPOSITE = SOURCE + "compositeWithTrainedAlgorithmicMedia";
    /** A fixed take where neither the take nor its fixes came from a trained model (previz fixed by previz). */
    public static final String COMPOSITE_SYNTHETIC = SOURCE + "compositeSynthetic";

    public Credentials {
        manifests = new LinkedHashMap<>(manifests);
    }

    /**
     * The manifests of {@code cut} delivered by {@code p}, cleared by the rights gate for
     * {@code rights} (use and territory), signed by {@code identity}; prompts only when not {@code privatePrompts}.
     */
    public static Credentials of(Production p, Cut cut, Function<String, Optional<RecipeContent>> recipes,
            boolean privatePrompts, Map<String, Object> rights, SigningIdentity identity) {
        Map<String, Manifest> out = new LinkedHashMap<>();
        List<Object> clips = new ArrayList<>();
        for (CutClip c : cut.clips()) {
            Map<String, Object> record = Provenance.clip(c, recipes, privatePrompts);
            clips.add(record);
            if (c.gap()) {
                continue;
            }
            Map<String, Object> take = new LinkedHashMap<>(record);
            take.put("production", p.manifest().id());
            take.put("rights", rights);
            Map<String, Object> assertions = ClipActions.of(c, recipes.apply(c.take().get().recipe()), record);
            assertions.put(TAKE, take);
            String id = "take " + c.name() + " " + c.take().get().recipe();
            c.master().ifPresent(m -> out.put(m, new Manifest(name(m), id + " master", assertions)));
            c.proxy().ifPresent(m -> out.put(m, new Manifest(name(m), id, assertions)));
        }
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("title", cut.title());
        whole.put("production", p.manifest().id());
        whole.put("rough", cut.rough());
        whole.put("fps", cut.format().fps());
        whole.put("frames", cut.frames());
        whole.put("rights", rights);
        whole.put("clips", clips);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action", "c2pa.created");
        action.put("digitalSourceType", COMPOSITE);
        Map<String, Object> assertions = new LinkedHashMap<>();
        assertions.put(ClipActions.ACTIONS, Map.of("actions", List.of(action)));
        assertions.put(CUT, whole);
        int n = 0;
        for (CutClip c : cut.clips()) {
            Optional<String> file = c.master().or(c::proxy);
            if (file.isPresent()) {
                assertions.put(INGREDIENT + (n == 0 ? "" : "__" + n), ingredient(c, file.get(), out.get(file.get())));
                n++;
            }
        }
        out.put(DeliveryFormat.MP4.file(), new Manifest(DeliveryFormat.MP4.file(), "cut " + p.manifest().id() + " "
                + cut.clips().stream().map(c -> c.take().map(t -> t.recipe()).orElse("gap")).toList(), assertions));
        return new Credentials(identity, out);
    }

    /** A clip of the cut as an ingredient: its delivered file, named by the instance id of its own manifest. */
    private static Map<String, Object> ingredient(CutClip c, String file, Manifest clip) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("dc:title", clip.title());
        i.put("dc:format", file.endsWith(".mkv") ? "video/x-matroska" : "video/mp4");
        i.put("relationship", "componentOf");
        i.put("instanceID", clip.instanceId());
        i.put("description", c.shot().fullId() + " take " + c.take().orElseThrow().take() + " v"
                + c.take().orElseThrow().version() + ", " + c.status() + ", " + c.frames() + " frames from frame "
                + c.recordIn() + " of the cut");
        return i;
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
