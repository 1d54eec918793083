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
 * The C2PA manifests of a delivery, by the MP4 they go into: each clip's proxy carries a
 * {@code c2pa.created} action with the IPTC digital source type of how it was made and Slate's
 * {@value #TAKE} assertion (the provenance.json record of the clip plus the rights it was cleared
 * for); {@code cut.mp4} carries a {@code c2pa.created} action of a composite and Slate's
 * {@value #CUT} assertion listing its clips, and each clip's proxy as a {@code componentOf} ingredient. The hard binding is added when each file is signed.
 */
public record Credentials(SigningIdentity identity, Map<String, Manifest> manifests) {
    /** Slate's assertion on a clip. */
    public static final String TAKE = "film.slate.take";
    /** Slate's assertion on the cut. */
    public static final String CUT = "film.slate.cut";
    static final String ACTIONS = "c2pa.actions.v2";
    /** The label of the cut's ingredients; the second and later get {@code __1}, {@code __2}, ... */
    static final String INGREDIENT = "c2pa.ingredient.v3";
    static final String SOURCE = "http://cv.iptc.org/newscodes/digitalsourcetype/";
    /** A take made by a generative model. */
    public static final String GENERATED = SOURCE + "trainedAlgorithmicMedia";
    /** A take made by Slate's previz renderer: computed, but by no trained model. */
    public static final String COMPUTED = SOURCE + "algorithmicMedia";
    /** The cut: generated takes put together. */
    public static final String COMPOSITE = SOURCE + "compositeWithTrainedAlgorithmicMedia";

    public Credentials {
        manifests = new LinkedHashMap<>(manifests);
    }

    /**
     * The manifests of {@code cut} delivered by {@code p}, cleared by the rights gate for
     * {@code rights} (use and territory), signed by {@code identity}.
     */
    public static Credentials of(Production p, Cut cut, Function<String, Optional<RecipeContent>> recipes,
            Map<String, Object> rights, SigningIdentity identity) {
        Map<String, Manifest> out = new LinkedHashMap<>();
        List<Object> clips = new ArrayList<>();
        for (CutClip c : cut.clips()) {
            Map<String, Object> record = Provenance.clip(p, c, recipes);
            clips.add(record);
            if (c.proxy().isEmpty()) {
                continue;
            }
            Map<String, Object> take = new LinkedHashMap<>(record);
            take.put("production", p.manifest().id());
            take.put("rights", rights);
            boolean computed = c.take().flatMap(t -> recipes.apply(t.recipe()))
                    .map(r -> r.backend().type().equals("previz")).orElse(false);
            Map<String, Object> assertions = new LinkedHashMap<>();
            assertions.put(ACTIONS, created(computed ? COMPUTED : GENERATED, record));
            assertions.put(TAKE, take);
            out.put(c.proxy().get(), new Manifest(name(c.proxy().get()), "take " + c.name() + " "
                    + c.take().orElseThrow().recipe(), assertions));
        }
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("title", cut.title());
        whole.put("production", p.manifest().id());
        whole.put("rough", cut.rough());
        whole.put("fps", cut.format().fps());
        whole.put("frames", cut.frames());
        whole.put("rights", rights);
        whole.put("clips", clips);
        Map<String, Object> assertions = new LinkedHashMap<>();
        assertions.put(ACTIONS, created(COMPOSITE, Map.of()));
        assertions.put(CUT, whole);
        int n = 0;
        for (CutClip c : cut.clips()) {
            Manifest clip = c.proxy().map(out::get).orElse(null);
            if (clip != null) {
                assertions.put(INGREDIENT + (n == 0 ? "" : "__" + n), ingredient(c, clip));
                n++;
            }
        }
        out.put(DeliveryFormat.MP4.file(), new Manifest(DeliveryFormat.MP4.file(), "cut " + p.manifest().id() + " "
                + cut.clips().stream().map(c -> c.take().map(t -> t.recipe()).orElse("gap")).toList(), assertions));
        return new Credentials(identity, out);
    }

    /** A clip of the cut as an ingredient: its delivered file, named by the instance id of its own manifest. */
    private static Map<String, Object> ingredient(CutClip c, Manifest clip) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("dc:title", clip.title());
        i.put("dc:format", "video/mp4");
        i.put("relationship", "componentOf");
        i.put("instanceID", clip.instanceId());
        i.put("description", c.shot().fullId() + " take " + c.take().orElseThrow().take() + " v"
                + c.take().orElseThrow().version() + ", " + c.status() + ", " + c.frames() + " frames from frame "
                + c.recordIn() + " of the cut");
        return i;
    }

    private static Map<String, Object> created(String source, Map<String, Object> record) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("action", "c2pa.created");
        action.put("digitalSourceType", source);
        if (record.get("generator") instanceof Map<?, ?> generator) {
            Map<String, Object> agent = new LinkedHashMap<>();
            agent.put("name", String.valueOf(generator.get("backend")) + " (" + generator.get("type") + ")");
            agent.put("version", String.valueOf(generator.get("version")));
            action.put("softwareAgent", agent);
        }
        return Map.of("actions", List.of(action));
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
