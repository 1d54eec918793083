package film.slate.core.model;

import film.slate.core.screenplay.Screenplay;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole production as read from its folder: manifest, screenplay, bible, scene plans in
 * screenplay order, and rights. Parts that failed to read are absent or empty; the reader's
 * diagnostics say why.
 */
public record Production(Path root, Manifest manifest, Optional<Screenplay> screenplay, Bible bible,
        List<ScenePlan> scenes, Rights rights) {
    public Production {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(screenplay, "screenplay");
        Objects.requireNonNull(bible, "bible");
        scenes = List.copyOf(scenes);
        Objects.requireNonNull(rights, "rights");
    }

    /** All shots in edit order: scene by scene, shot by shot. */
    public List<Shot> shots() {
        return scenes.stream().flatMap(s -> s.shots().stream()).toList();
    }

    public Optional<ScenePlan> scene(String number) {
        return scenes.stream().filter(s -> s.scene().equals(number)).findFirst();
    }
}
