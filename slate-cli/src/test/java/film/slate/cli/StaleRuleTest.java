package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.core.testing.SyntheticProduction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: over random sequences of edits and reverts, status, why and build agree on one rule
 * (the latest version's recipe against the current recipe). After a build every take is
 * rendered and up to date, and what status called stale is exactly what the build changed.
 */
class StaleRuleTest {
    static final int TRIALS = Integer.getInteger("slate.trials", 1);

    @TempDir
    Path tmp;

    static Stream<Long> seeds() {
        return IntStream.range(0, 3 * TRIALS).mapToObj(i -> 7000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void editsAndRevertsNeverLeaveAShotStale(long seed) throws Exception {
        Random rnd = new Random(seed);
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 3);
        Path style = dir.resolve("bible/style.yaml");
        Path shots = dir.resolve("shots/0001.yaml");
        String[] styles = {Files.readString(style), Files.readString(style).replace("muted teal", "cold teal")};
        String[] lenses = {Files.readString(shots), Files.readString(shots).replaceFirst("lens: \\d+", "lens: 85")};
        assertThat(styles[1]).isNotEqualTo(styles[0]);
        assertThat(lenses[1]).isNotEqualTo(lenses[0]);
        int s = 0;
        int l = 0;
        assertThat(Slate.inProcess("build", dir.toString()).code()).isZero();
        for (int step = 0; step < 5; step++) {
            if (rnd.nextBoolean()) {
                s = 1 - s;
                Files.writeString(style, styles[s]);
            } else {
                l = 1 - l;
                Files.writeString(shots, lenses[l]);
            }
            String where = "seed " + seed + ", step " + step + " (style " + s + ", lens " + l + ")";
            List<JsonNode> before = takes(dir).toList();
            Set<String> toReuse = labels(before.stream().filter(t -> t.path("reason").asText().contains("current again")));
            Set<String> toRender = labels(before.stream().filter(t -> !t.path("state").asText().equals("rendered")
                    && !t.path("reason").asText().contains("current again")));
            long reusedBefore = reusedEvents(dir);
            Slate.Run build = Slate.inProcess("build", dir.toString(), "--json");
            assertThat(build.code()).as(build.err()).isZero();
            Set<String> rendered = BuildCommandTest.lines(build.out()).stream()
                    .filter(e -> e.path("event").asText().equals("rendered"))
                    .map(e -> e.path("shot").asText() + "#" + e.path("take").asInt()).collect(Collectors.toSet());
            assertThat(rendered).as(where).isEqualTo(toRender);
            assertThat(reusedEvents(dir) - reusedBefore).as(where).isEqualTo(toReuse.size());
            assertThat(takes(dir)).as(where).allSatisfy(t -> assertThat(t.path("state").asText()).isEqualTo("rendered"));
            for (String shot : new String[] {"1/1S1", "1/1S2", "1/1S3"}) {
                assertThat(Slate.inProcess("why", shot, dir.toString()).out()).as(where).contains("up to date");
            }
            JsonNode again = BuildGuaranteesTest.last(Slate.inProcess("build", dir.toString(), "--json"));
            assertThat(again.path("rendered").asInt()).as(where).isZero();
        }
    }

    static Set<String> labels(Stream<JsonNode> takes) {
        return takes.map(t -> t.path("shot").asText() + "#" + t.path("take").asInt()).collect(Collectors.toSet());
    }

    static long reusedEvents(Path dir) {
        return Slate.inProcess("log", dir.toString()).out().lines().filter(l -> l.contains("  reused  ")).count();
    }

    static Stream<JsonNode> takes(Path dir) throws Exception {
        Slate.Run status = Slate.inProcess("status", dir.toString(), "--format", "json");
        assertThat(status.code()).as(status.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(status.out());
        Stream.Builder<JsonNode> out = Stream.builder();
        root.path("shots").forEach(s -> s.path("takes").forEach(t -> out.add(((com.fasterxml.jackson.databind.node.ObjectNode) t)
                .put("shot", s.path("shot").asText()))));
        return out.build();
    }
}
