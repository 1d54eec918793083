package film.slate.engine.fix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.recipe.FixEdit;
import film.slate.store.db.DecisionRecord;
import java.time.Instant;

/**
 * The version tree as JSON, the shape {@code slate history --format json} prints (FORMAT.md) and the
 * review room's {@code GET /api/tree} answers: one writer, so the two never drift apart.
 */
public final class LineageJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LineageJson() {
    }

    public static ObjectNode of(Lineage tree) {
        ObjectNode root = JSON.createObjectNode().put("shot", tree.shot());
        ArrayNode takes = root.putArray("takes");
        for (Lineage.Take t : tree.takes()) {
            ObjectNode to = takes.addObject().put("take", t.take());
            to.put("current_recipe", t.current().orElse(null));
            ArrayNode vs = to.putArray("versions");
            for (Lineage.Version v : t.versions()) {
                version(vs.addObject(), v);
            }
        }
        return root;
    }

    private static void version(ObjectNode o, Lineage.Version v) {
        o.put("version", v.version()).put("kind", v.kind().word())
                .put("recipe", v.record().recipe()).put("root", v.root()).put("backend", v.record().backend())
                .put("status", v.record().status()).put("master", v.record().master().orElse(null))
                .put("finished_at", Instant.ofEpochMilli(v.record().finishedAt()).toString())
                .put("stale", v.stale()).put("approved", v.approved());
        if (v.parent().isPresent()) {
            o.put("parent", v.parent().get());
        } else {
            o.putNull("parent");
        }
        v.fix().ifPresent(f -> {
            FixEdit e = f.edit();
            ObjectNode fo = o.putObject("fix").put("parent_recipe", f.parent());
            fo.putArray("frames").add(e.first()).add(e.last());
            fo.put("mask", e.mask()).put("feather", e.feather()).put("backend", e.backend().name());
            fo.put("prompt", e.prompt().orElse(null));
            ObjectNode set = fo.putObject("set");
            e.set().forEach(set::put);
        });
        ArrayNode ds = o.putArray("decisions");
        for (DecisionRecord d : v.decisions()) {
            ds.addObject().put("verdict", d.verdict().word()).put("by", d.actor())
                    .put("at", Instant.ofEpochMilli(d.at()).toString()).put("reason", d.reason().orElse(null));
        }
    }
}
