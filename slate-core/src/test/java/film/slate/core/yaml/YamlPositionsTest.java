package film.slate.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.diagnostic.Diagnostic;
import film.slate.core.diagnostic.Diagnostics;
import film.slate.core.diagnostic.Rule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlPositionsTest {

    private static Optional<YamlNode> read(String text, Diagnostics d) {
        return YamlReader.read("f.yaml", text.getBytes(StandardCharsets.UTF_8), d);
    }

    @Test
    void everyValueKnowsItsLineAndColumn() {
        Diagnostics d = new Diagnostics();
        YamlMapping root = (YamlMapping) read("title: A\nformat:\n  fps: 24\nlist: [1, two]\n", d).orElseThrow();
        assertThat(root.entry("format").orElseThrow().keyPosition().line()).isEqualTo(2);
        YamlMapping format = (YamlMapping) root.get("format").orElseThrow();
        YamlScalar fps = (YamlScalar) format.get("fps").orElseThrow();
        assertThat(fps.position().line()).isEqualTo(3);
        assertThat(fps.position().column()).isEqualTo(8);
        assertThat(fps.kind()).isEqualTo(YamlScalar.Kind.INTEGER);
        YamlSequence list = (YamlSequence) root.get("list").orElseThrow();
        assertThat(list.items().get(1).position().column()).isEqualTo(11);
        assertThat(((YamlScalar) list.items().get(1)).kind()).isEqualTo(YamlScalar.Kind.STRING);
        assertThat(d.size()).isZero();
    }

    @Test
    void quotedNumbersStayText() {
        Diagnostics d = new Diagnostics();
        YamlMapping root = (YamlMapping) read("a: \"12\"\nb: 12\nc: no\n", d).orElseThrow();
        assertThat(((YamlScalar) root.get("a").orElseThrow()).kind()).isEqualTo(YamlScalar.Kind.STRING);
        assertThat(((YamlScalar) root.get("b").orElseThrow()).kind()).isEqualTo(YamlScalar.Kind.INTEGER);
        assertThat(((YamlScalar) root.get("c").orElseThrow()).kind()).isEqualTo(YamlScalar.Kind.STRING);
    }

    @Test
    void aliasesShareTheAnchoredNodeAndMergeKeysMerge() {
        Diagnostics d = new Diagnostics();
        YamlMapping root = (YamlMapping) read("base: &cam { lens: 35, height: 1.6 }\nshot: { <<: *cam, lens: 50 }\nsame: *cam\n", d)
                .orElseThrow();
        assertThat(root.get("same").orElseThrow()).isSameAs(root.get("base").orElseThrow());
        YamlMapping shot = (YamlMapping) root.get("shot").orElseThrow();
        assertThat(((YamlScalar) shot.get("lens").orElseThrow()).text()).isEqualTo("50");
        assertThat(((YamlScalar) shot.get("height").orElseThrow()).text()).isEqualTo("1.6");
        assertThat(d.size()).isZero();
    }

    @Test
    void duplicateKeysAreReportedAtTheSecondKey() {
        Diagnostics d = new Diagnostics();
        assertThat(read("a: 1\nb: 2\na: 3\n", d)).isEmpty();
        List<Diagnostic> found = d.sorted();
        assertThat(found).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(Rule.SYNTAX_YAML);
            assertThat(x.position().line()).isEqualTo(3);
            assertThat(x.message()).contains("'a' appears twice");
        });
    }

    @Test
    void brokenSyntaxPointsAtTheFault() {
        Diagnostics d = new Diagnostics();
        assertThat(read("a: 1\nb: [1, 2\nc: 3\n", d)).isEmpty();
        assertThat(d.sorted()).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(Rule.SYNTAX_YAML);
            assertThat(x.position().line()).isBetween(2, 4);
        });
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() {
        Diagnostics d = new Diagnostics();
        byte[] bytes = {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        assertThat(YamlReader.read("f.yaml", bytes, d)).isEmpty();
        assertThat(d.sorted()).singleElement().satisfies(x -> {
            assertThat(x.position().line()).isEqualTo(2);
            assertThat(x.position().column()).isEqualTo(4);
            assertThat(x.message()).contains("UTF-8");
        });
    }

    @Test
    void unknownFieldsGetTheNearestKnownName() {
        Diagnostics d = new Diagnostics();
        YamlNode root = read("duraton: 3\nlens: 35\n", d).orElseThrow();
        Fields f = Fields.of(root, "shot 1/1A", d).orElseThrow();
        f.number("duration", 0, 10);
        f.number("lens", 1, 1000);
        f.finish();
        assertThat(d.sorted()).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(Rule.SCHEMA_FIELD);
            assertThat(x.position().line()).isEqualTo(1);
            assertThat(x.message()).contains("unknown field 'duraton'").contains("did you mean 'duration'?");
        });
    }

    @Test
    void numbersOutOfRangeNameTheRange() {
        Diagnostics d = new Diagnostics();
        Fields f = Fields.of(read("fps: 0\n", d).orElseThrow(), "format", d).orElseThrow();
        assertThat(f.number("fps", 1, 240)).isEmpty();
        assertThat(d.sorted()).singleElement().satisfies(x -> assertThat(x.message()).contains("outside 1 to 240"));
    }

    @Test
    void aMonstrousLineIsRefusedBeforeTheScannerChokesOnIt() {
        Diagnostics d = new Diagnostics();
        String text = "a: 1\nb: " + "x".repeat(YamlReader.MAX_LINE + 1) + "\n";
        assertThat(read(text, d)).isEmpty();
        assertThat(d.sorted()).singleElement().satisfies(x -> {
            assertThat(x.position().line()).isEqualTo(2);
            assertThat(x.message()).contains("more than the " + YamlReader.MAX_LINE);
        });
        assertThat(read("b: " + "x".repeat(YamlReader.MAX_LINE - 3) + "\n", new Diagnostics())).isPresent();
    }
}
