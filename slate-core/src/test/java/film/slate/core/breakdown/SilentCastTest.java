package film.slate.core.breakdown;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.fountain.Fountain;
import film.slate.core.screenplay.Screenplay;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Non-speaking cast measured against scripts labelled by hand ({@code breakdown/NAME.labels}: per
 * scene, who is there without speaking, as a first AD reading the script would list them). The
 * scripts hold the traps of real ones: sounds and props in capitals, "the kid" and "a voice",
 * characters introduced with a surname the cues leave out, a dog only the bible names.
 */
class SilentCastTest {
    private static final List<String> SCRIPTS = List.of("harbour", "diner");

    private static String resource(String name) throws IOException {
        try (InputStream in = SilentCastTest.class.getResourceAsStream("/breakdown/" + name)) {
            if (in == null) {
                throw new IOException("no test resource /breakdown/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> names(String list) {
        Set<String> out = new HashSet<>();
        for (String n : list.split(",")) {
            if (!n.isBlank()) {
                out.add(n.strip());
            }
        }
        return out;
    }

    @Test
    void precisionAndRecallOnHandLabelledScripts() throws IOException {
        int truePositives = 0;
        int found = 0;
        int labelled = 0;
        List<String> misses = new ArrayList<>();
        for (String script : SCRIPTS) {
            List<String> labels = resource(script + ".labels").lines().filter(l -> !l.startsWith("#")).toList();
            List<String> bible = List.copyOf(names(labels.get(0).substring("bible:".length())));
            Breakdown b = Breakdown.of(Screenplay.of(Fountain.parse(script + ".fountain",
                    resource(script + ".fountain").getBytes(StandardCharsets.UTF_8))),
                    new BreakdownInputs(List.of(), bible, Map.of()));
            assertThat(b.scenes()).hasSize(labels.size() - 1);
            for (SceneBreakdown s : b.scenes()) {
                Set<String> truth = names(labels.get(s.ordinal()).substring(labels.get(s.ordinal()).indexOf(':') + 1));
                Set<String> got = new HashSet<>(s.nonSpeakingCast());
                for (String g : got) {
                    if (truth.contains(g)) {
                        truePositives++;
                    } else {
                        misses.add(script + " scene " + s.number() + ": not there " + g);
                    }
                }
                truth.stream().filter(t -> !got.contains(t)).forEach(t -> misses.add(script + " scene " + s.number()
                        + ": missed " + t));
                found += got.size();
                labelled += truth.size();
            }
        }
        double precision = truePositives / (double) found;
        double recall = truePositives / (double) labelled;
        System.out.printf("non-speaking cast: precision %.2f (%d/%d), recall %.2f (%d/%d); %s%n", precision,
                truePositives, found, recall, truePositives, labelled, misses);
        assertThat(precision).as("precision; wrong: %s", misses).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("recall; missed: %s", misses).isGreaterThanOrEqualTo(0.85);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The kid hides. A voice calls.|''",
        "The KID hides. A VOICE calls.|KID,VOICE",
        "Kid hides; Voice calls out.|KID,VOICE",
        "Voices murmur. Kids play. KIDNAPPERS lurk.|''",
        "A SHOTGUN rests. BANG! NELL, 9, waits.|NELL"})
    void onlyNamesInCapitalsOrCapitalisedCount(String action, String expected) {
        SilentCast cast = SilentCast.of(List.of("The KID and a VOICE are introduced here."), List.of("KID", "VOICE"),
                List.of());
        SilentCast withNell = SilentCast.of(List.of(action), Set.of(), List.of());

        List<String> got = new ArrayList<>(cast.in(action, Set.of()));
        got.addAll(withNell.in(action, Set.of()));
        assertThat(String.join(",", got)).isEqualTo(expected);
    }

    @Test
    void aSpeakerNeverWrittenInCapitalsInActionIsNoSilentCandidate() {
        SilentCast cast = SilentCast.of(List.of("The guard yawns."), Set.of("GUARD"), List.of());

        assertThat(cast.in("Guard yawns.", Set.of())).isEmpty();
        assertThat(SilentCast.of(List.of(), Set.of("GUARD"), List.of("GUARD")).in("Guard yawns.", Set.of()))
                .containsExactly("GUARD");
    }
}
