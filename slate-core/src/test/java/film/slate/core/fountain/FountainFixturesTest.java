package film.slate.core.fountain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One fixture per element type of the Fountain 1.1 spec and per edge case of issue 6, each with a
 * golden listing ({@code NAME.expected}: {@code line:column type flags "text"}, then diagnostics)
 * checked by hand against the spec.
 */
class FountainFixturesTest {

    @ParameterizedTest
    @ValueSource(strings = {"title_page", "no_title_page", "scene_heading", "action", "character", "dialogue",
        "parenthetical", "dual_dialogue", "transition", "centered", "lyrics", "notes", "boneyard",
        "section_synopsis", "page_break", "emphasis"})
    void parsesAsTheSpecSays(String name) throws IOException {
        byte[] source = resource(name + ".fountain");
        String expected = new String(resource(name + ".expected"), StandardCharsets.UTF_8);

        FountainDocument document = Fountain.parse(name + ".fountain", source);

        assertThat(Listing.of(document)).isEqualTo(expected);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = FountainFixturesTest.class.getResourceAsStream("/fountain/" + name)) {
            if (in == null) {
                throw new IOException("no test resource /fountain/" + name);
            }
            return in.readAllBytes();
        }
    }
}
