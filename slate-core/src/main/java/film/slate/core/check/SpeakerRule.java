package film.slate.core.check;

import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import film.slate.core.screenplay.DialogueBlock;
import film.slate.core.screenplay.ScriptScene;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code ref/speaker}: everyone who speaks in the screenplay needs a bible entry (how they look is
 * what every take of them is made from). Reported once per character, at their first cue.
 */
final class SpeakerRule implements CheckRule {

    @Override
    public void check(Scene scene, Diagnostics d) {
        scene.production().screenplay().ifPresent(screenplay -> {
            Set<String> reported = new HashSet<>();
            for (ScriptScene s : screenplay.scenes()) {
                for (DialogueBlock block : s.dialogue()) {
                    String who = block.character();
                    if (!scene.production().bible().characters().containsKey(who) && reported.add(who)) {
                        d.add(Rule.REF_SPEAKER, block.position(), who + " speaks in scene " + s.number()
                                + " but has no entry in bible/characters.yaml; add " + who
                                + " with a description (or run 'slate init' to write stubs)");
                    }
                }
            }
        });
    }
}
