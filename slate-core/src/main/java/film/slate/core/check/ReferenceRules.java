package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.model.Aim;
import film.slate.core.model.Axis;
import film.slate.core.model.Bible;
import film.slate.core.model.Blocking;
import film.slate.core.model.CastMember;
import film.slate.core.model.Character;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.model.ShotEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Names that must point at something: {@code ref/*}, duplicate shot ids, and characters a shot
 * names who are not in the scene ({@code continuity/not-in-scene}).
 */
final class ReferenceRules implements CheckRule {

    @Override
    public void check(Scene scene, Diagnostics d) {
        Bible bible = scene.production().bible();
        for (ScenePlan plan : scene.production().scenes()) {
            if (!plan.location().isEmpty() && !bible.locations().containsKey(plan.location())) {
                d.add(Rule.REF_LOCATION, plan.where().at("location"), "scene " + plan.scene() + " is set in '"
                        + plan.location() + "', which bible/locations.yaml lacks" + known(bible.locations()));
            }
            for (CastMember m : plan.cast().values()) {
                Character c = bible.characters().get(m.character());
                if (c == null) {
                    d.add(Rule.REF_CHARACTER, m.where().self(), "the cast of scene " + plan.scene() + " names '"
                            + m.character() + "', who is not in bible/characters.yaml" + known(bible.characters()));
                    continue;
                }
                m.wardrobe().filter(w -> !c.wardrobe().containsKey(w)).ifPresent(w -> d.add(Rule.REF_WARDROBE,
                        m.where().at("wardrobe"), m.character() + " has no wardrobe '" + w + "'" + known(c.wardrobe())));
                for (String prop : m.holds()) {
                    prop(bible, prop, m.where().at("holds"), Optional.empty(), d);
                }
            }
            plan.axis().ifPresent(axis -> {
                if (axis instanceof Axis.Between b) {
                    inScene(scene, plan, null, b.first(), b.where().self(), "the action line", d);
                    inScene(scene, plan, null, b.second(), b.where().self(), "the action line", d);
                }
            });
            Map<String, Shot> seen = new HashMap<>();
            for (Shot shot : plan.shots()) {
                Shot first = seen.putIfAbsent(shot.id(), shot);
                if (first != null) {
                    d.add(Diagnostic.ofShot(Rule.REF_DUPLICATE_SHOT, shot.where().at("id"), shot.fullId(), "shot id "
                            + shot.id() + " is used twice in scene " + plan.scene() + " (first at line "
                            + first.where().at("id").line() + "); give this shot an id of its own, e.g. " + shot.id() + "B"));
                }
                shotReferences(scene, plan, shot, d);
            }
        }
    }

    private void shotReferences(Scene scene, ScenePlan plan, Shot shot, Diagnostics d) {
        Bible bible = scene.production().bible();
        for (String subject : shot.subjects()) {
            if (!bible.props().containsKey(subject)) { // an insert may be about a prop
                inScene(scene, plan, shot, subject, shot.where().at("subjects"), "the subjects", d);
            }
        }
        aimReference(scene, plan, shot, shot.camera().lookAt(), shot.camera().where().at("look_at"), d);
        shot.move().lookAt().ifPresent(a -> aimReference(scene, plan, shot, a, shot.move().where().at("look_at"), d));
        for (Blocking b : shot.blocking().values()) {
            inScene(scene, plan, shot, b.character(), b.where().self(), "the blocking", d);
        }
        for (ShotEvent e : shot.events()) {
            if (!inScene(scene, plan, shot, e.character(), e.where().at("character"), "an event", d)) {
                continue;
            }
            if (e.kind() == ShotEvent.Kind.WEARS) {
                Character c = bible.characters().get(e.character());
                if (!c.wardrobe().containsKey(e.object())) {
                    d.add(Diagnostic.ofShot(Rule.REF_WARDROBE, e.where().at("wears"), shot.fullId(), e.character()
                            + " has no wardrobe '" + e.object() + "'" + known(c.wardrobe())));
                }
            } else {
                prop(bible, e.object(), e.where().at(e.kind().key()), Optional.of(shot.fullId()), d);
            }
        }
    }

    private void aimReference(Scene scene, ScenePlan plan, Shot shot, Aim aim, SourcePosition at, Diagnostics d) {
        // A prop's name left here is one the solve step could not place, and it has said so.
        aim.character().filter(c -> !scene.production().bible().props().containsKey(c)
                || scene.production().bible().characters().containsKey(c))
                .ifPresent(c -> inScene(scene, plan, shot, c, at, "the look-at", d));
    }

    /** True when {@code id} is a bible character in the scene's cast; reports why not otherwise. */
    private boolean inScene(Scene scene, ScenePlan plan, Shot shot, String id, SourcePosition at, String role,
            Diagnostics d) {
        Bible bible = scene.production().bible();
        Optional<String> shotId = Optional.ofNullable(shot).map(Shot::fullId);
        String where = shot == null ? "scene " + plan.scene() : "shot " + shot.fullId();
        if (!bible.characters().containsKey(id)) {
            d.add(new Diagnostic(Rule.REF_CHARACTER, Rule.REF_CHARACTER.severity(), at, shotId, role + " of " + where
                    + " name '" + id + "', who is not in bible/characters.yaml" + known(bible.characters())));
            return false;
        }
        if (!plan.cast().containsKey(id)) {
            d.add(new Diagnostic(Rule.CONTINUITY_NOT_IN_SCENE, Rule.CONTINUITY_NOT_IN_SCENE.severity(), at, shotId,
                    role + " of " + where + " name " + id + ", who is not in the cast of scene " + plan.scene()
                            + "; add " + id + " under 'cast:' with a mark, or remove the name"));
            return false;
        }
        return true;
    }

    private void prop(Bible bible, String prop, SourcePosition at, Optional<String> shot, Diagnostics d) {
        if (!bible.props().containsKey(prop)) {
            d.add(new Diagnostic(Rule.REF_PROP, Rule.REF_PROP.severity(), at, shot,
                    "'" + prop + "' is not a prop of bible/props.yaml" + known(bible.props())));
        }
    }

    /** "; known: A, B" (or a hint to add one), to end a message about a name that points at nothing. */
    static String known(Map<String, ?> entries) {
        if (entries.isEmpty()) {
            return "; add it there first";
        }
        String names = String.join(", ", entries.keySet().stream().limit(12).toList());
        return "; known: " + names + (entries.size() > 12 ? ", ..." : "");
    }
}
