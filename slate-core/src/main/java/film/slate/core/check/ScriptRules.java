package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.model.Location;
import film.slate.core.model.ScenePlan;
import film.slate.core.model.Shot;
import film.slate.core.screenplay.DialogueBlock;
import film.slate.core.screenplay.Screenplay;
import film.slate.core.screenplay.ScriptScene;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan against the screenplay: scenes that exist, headings that agree, scenes and dialogue
 * that are covered, and lines that fit their shot ({@code timing/dialogue}).
 */
final class ScriptRules implements CheckRule {
    /** Speaking pace of FORMAT.md's timing rule. */
    static final double WORDS_PER_SECOND = 2.5;

    @Override
    public void check(Scene scene, Diagnostics d) {
        Optional<Screenplay> screenplay = scene.production().screenplay();
        Map<String, ScenePlan> planned = new HashMap<>();
        for (ScenePlan plan : scene.production().scenes()) {
            ScenePlan first = planned.putIfAbsent(plan.scene(), plan);
            if (first != null) {
                d.add(Rule.SCHEMA_FIELD, plan.where().at("scene"), "scene " + plan.scene() + " is planned in both "
                        + first.file() + " and " + plan.file() + "; keep one shots file per scene");
                continue;
            }
            if (screenplay.isEmpty()) {
                continue;
            }
            Optional<ScriptScene> script = screenplay.get().scene(plan.scene());
            if (script.isEmpty()) {
                d.add(Rule.SCRIPT_UNKNOWN_SCENE, plan.where().at("scene"), plan.file() + " plans scene " + plan.scene()
                        + ", which the screenplay lacks (it has " + screenplay.get().scenes().size()
                        + " scenes); correct 'scene:' or add the scene to the screenplay");
                continue;
            }
            heading(scene, plan, script.get(), d);
            dialogue(plan, script.get(), d);
        }
        screenplay.ifPresent(s -> {
            for (ScriptScene ss : s.scenes()) {
                if (!planned.containsKey(ss.number())) {
                    d.add(Rule.SCRIPT_UNCOVERED_SCENE, ss.position(), "scene " + ss.number() + " (" + ss.heading()
                            + ") has no shots yet; plan it in a shots file with 'scene: " + ss.number() + "'");
                }
            }
        });
    }

    private void heading(Scene scene, ScenePlan plan, ScriptScene script, Diagnostics d) {
        Location location = scene.production().bible().locations().get(plan.location());
        if (location != null && !location.heading().isBlank()
                && !normal(location.heading()).equals(normal(script.setting()))) {
            d.add(Rule.SCRIPT_HEADING_MISMATCH, plan.where().at("location"), "scene " + plan.scene() + " is set in "
                    + plan.location() + " (" + location.heading() + ") but its heading says '" + script.setting()
                    + "'; make the location's heading match or choose the right location");
        }
        if (!plan.time().isEmpty() && !script.time().isEmpty() && !plan.time().equalsIgnoreCase(script.time())) {
            d.add(Rule.SCRIPT_HEADING_MISMATCH, plan.where().at("time"), "scene " + plan.scene() + " is planned at "
                    + plan.time() + " but its heading says " + script.time() + "; make 'time:' agree with the heading");
        }
    }

    private void dialogue(ScenePlan plan, ScriptScene script, Diagnostics d) {
        List<DialogueBlock> blocks = script.dialogue();
        Set<Integer> spoken = new HashSet<>();
        for (Shot shot : plan.shots()) {
            int words = 0;
            for (int line : shot.lines()) {
                if (line > blocks.size()) {
                    d.add(Diagnostic.ofShot(Rule.SCHEMA_FIELD, shot.where().at("lines"), shot.fullId(), "shot "
                            + shot.fullId() + " speaks dialogue block " + line + " but scene " + plan.scene() + " has "
                            + blocks.size() + "; number the blocks of the scene from 1 in screenplay order"));
                    continue;
                }
                spoken.add(line);
                words += blocks.get(line - 1).words();
            }
            double needed = words / WORDS_PER_SECOND;
            if (needed > shot.duration() + 1e-9) {
                d.add(Diagnostic.ofShot(Rule.TIMING_DIALOGUE, shot.where().at("duration"), shot.fullId(), "shot "
                        + shot.fullId() + " lasts " + seconds(shot.duration()) + " s but its " + words + " words of dialogue need "
                        + seconds(needed) + " s at " + WORDS_PER_SECOND + " words a second; lengthen it or split the lines"));
            }
        }
        for (DialogueBlock block : blocks) {
            if (!spoken.contains(block.index())) {
                d.add(Rule.COVERAGE_DIALOGUE, block.position(), "dialogue block " + block.index() + " of scene "
                        + plan.scene() + " (" + block.character() + ") is spoken in no shot; add " + block.index()
                        + " to the 'lines' of the shot that covers it");
            }
        }
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }

    /** Headings compare without case, extra spaces or a trailing period. */
    static String normal(String heading) {
        String s = heading.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
