package film.slate.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import film.slate.core.model.Production;
import film.slate.core.model.Shot;
import film.slate.core.read.ProductionReader;
import film.slate.core.recipe.FixEdit;
import film.slate.core.recipe.FixRecipe;
import film.slate.core.recipe.Recipe;
import film.slate.core.recipe.RecipeCompiler;
import film.slate.core.recipe.RecipeContent;
import film.slate.core.recipe.Sha256;
import film.slate.core.recipe.Target;
import film.slate.core.testing.SyntheticProduction;
import film.slate.deliver.c2pa.DevelopmentCa;
import film.slate.deliver.c2pa.Manifest;
import film.slate.deliver.c2pa.SidecarCredentials;
import film.slate.deliver.c2pa.SigningIdentity;
import film.slate.deliver.testing.C2paReader;
import film.slate.store.db.TakeRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The actions of a generated take and of a version fixed by a generative backend, as the c2pa
 * project's reader reads them from signed manifests (sidecars here; ConformProvenanceTest reads a
 * previz production's through slate conform).
 */
class ClipActionsTest {
    @TempDir
    Path tmp;

    @Test
    void aFixedVersionIsOpenedFromItsParentByHashThenEditedAsACompositeAndARenderIsCreated() throws Exception {
        C2paReader reader = C2paReader.installed();
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1, "comfyui", "");
        Production p = ProductionReader.read(dir).production();
        Shot shot = p.shots().get(0);
        Recipe recipe = new RecipeCompiler(p).compile(shot, 1, Target.of(p.manifest().backends().get("main"), "1"));
        String parentMaster = Sha256.hex("parent master".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TakeRecord parent = version(shot, 1, recipe.id(), parentMaster);
        FixRecipe fix = FixRecipe.of(p.manifest().id(), shot.fullId(), 1, recipe.id(), new FixEdit(2, 5, "ef".repeat(32),
                64, 36, 2, Optional.of("a red coat"), Map.of(), new RecipeContent.BackendRef("main", "comfyui", "1", "cfg")));
        TakeRecord fixed = version(shot, 2, fix.id(), "12".repeat(32));
        CutClip fixedClip = new CutClip(shot, Optional.of(fixed), Optional.empty(), 12, 0, List.of(fix), Optional.of(parent));
        CutClip rendered = new CutClip(shot, Optional.of(parent), Optional.empty(), 12, 0, List.of(), Optional.empty());

        C2paReader.Report f = read(reader, "fixed", ClipActions.of(fixedClip, Optional.of(recipe.content()), Map.of()));
        assertThat(f.sidecarFailures()).as(f.statuses().toString()).allMatch(s -> C2paReader.ACCEPTED.contains(s.code()));
        JsonNode actions = f.assertion("c2pa.actions.v2").path("actions");
        assertThat(actions.findValuesAsText("action")).containsExactly("c2pa.opened", "c2pa.edited");
        assertThat(actions.get(1).path("digitalSourceType").asText()).isEqualTo(Credentials.COMPOSITE)
                .endsWith("/compositeWithTrainedAlgorithmicMedia");
        assertThat(actions.get(1).path("description").asText()).contains(fix.id()).doesNotContain("red coat");
        JsonNode ingredients = f.manifest().path("ingredients");
        assertThat(ingredients).hasSize(1);
        assertThat(ingredients.get(0).path("relationship").asText()).isEqualTo("parentOf");
        assertThat(ingredients.get(0).path("instance_id").asText()).isEqualTo("sha256:" + parentMaster);
        assertThat(ingredients.get(0).path("title").asText()).isEqualTo(fixedClip.name(parent) + ".mkv");

        C2paReader.Report r = read(reader, "rendered", ClipActions.of(rendered, Optional.of(recipe.content()), Map.of()));
        JsonNode created = r.assertion("c2pa.actions.v2").path("actions");
        assertThat(created.findValuesAsText("action")).containsExactly("c2pa.created");
        assertThat(created.get(0).path("digitalSourceType").asText()).isEqualTo(Credentials.GENERATED);
        assertThat(r.manifest().path("ingredients")).isEmpty();
    }

    private static TakeRecord version(Shot shot, int version, String recipe, String master) {
        return new TakeRecord(version, shot.fullId(), 1, version, recipe, "main", TakeRecord.RENDERED, Optional.of(master),
                Optional.empty(), Optional.empty(), 0, 0, 0, OptionalDouble.empty());
    }

    /** The assertions signed into a sidecar of a small asset, as the reader reports them. */
    private C2paReader.Report read(C2paReader reader, String name, Map<String, Object> assertions) throws Exception {
        Path asset = tmp.resolve(name + ".mkv");
        Files.write(asset, name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path sidecar = tmp.resolve(SidecarCredentials.sidecar(name + ".mkv"));
        SigningIdentity id = DevelopmentCa.in(tmp.resolve("signing"), "test", Instant.parse("2026-12-01T00:00:00Z"));
        SidecarCredentials.write(sidecar, HexFormat.of().parseHex(Sha256.file(asset)), new Manifest(name + ".mkv", name,
                assertions), id);
        C2paReader.Report r = reader.read(List.of(sidecar)).get(0);
        assertThat(r.found()).as(r.error()).isTrue();
        assertThat(r.bindsWhole(asset)).isTrue();
        return r;
    }
}
