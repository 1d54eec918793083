package film.slate.core.finaldraft;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.fountain.Element;
import film.slate.core.fountain.Fountain;
import film.slate.core.fountain.FountainDocument;
import film.slate.core.fountain.FountainWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fountain to Final Draft and back keeps every element's type and text (and names, extensions,
 * scene numbers, dual sides), on generated screenplays that use every element type. More trials:
 * {@code -Dslate.trials=N}.
 */
class RoundTripTest {
    private static final int TRIALS = 150 * Math.max(1, Integer.getInteger("slate.trials", 1));

    static LongStream seeds() {
        return LongStream.range(0, TRIALS);
    }

    private static FountainDocument fountain(String text) {
        return Fountain.parse("s.fountain", text.getBytes(StandardCharsets.UTF_8));
    }

    /** What a conversion must keep of each element. */
    private static List<String> kept(FountainDocument d) {
        return d.elements().stream().map(RoundTripTest::kept).toList();
    }

    private static String kept(Element e) {
        return e.type().jsonName() + " " + e.sceneNumber().orElse("") + " " + e.depth().orElse(0) + " "
                + e.dual().orElse("") + " " + e.name().orElse("") + " " + e.extension().orElse("") + " | " + e.text();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void fountainToFdxToFountainKeepsEveryElement(long seed) throws FinalDraftException {
        FountainDocument original = fountain(new ElementMix(seed).write(1 + (int) (seed % 6)));

        FountainDocument fdx = FinalDraft.read("s.fdx", FinalDraft.write(original).getBytes(StandardCharsets.UTF_8));
        FountainDocument back = fountain(FountainWriter.write(fdx));

        assertThat(kept(fdx)).isEqualTo(kept(original));
        assertThat(kept(back)).isEqualTo(kept(original));
        assertThat(back.titlePage()).isEqualTo(original.titlePage());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void writingFountainReadsBackTheSameElements(long seed) {
        FountainDocument original = fountain(new ElementMix(seed).write(1 + (int) (seed % 6)));

        assertThat(kept(fountain(FountainWriter.write(original)))).isEqualTo(kept(original));
    }
}
