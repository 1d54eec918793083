package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import film.slate.core.diagnostic.SourcePosition;
import film.slate.core.lock.LockedShot;
import film.slate.core.lock.PictureLock;
import film.slate.core.recipe.Recipe;
import film.slate.engine.build.Status;
import film.slate.engine.build.TakeState;
import film.slate.store.db.TakeVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code slate status --format json} writes its answer as it makes it: over seeded random shots
 * (every phase, locks with and without a reason, approvals, reasons, changed fields, names with
 * quotes, control characters and non-ASCII letters), the text is the one a tree of Jackson nodes
 * printed, which the format's readers were written against.
 */
class StatusJsonTest {
    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 77L + 13L * i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theStreamedAnswerIsTheTreesText(long seed) throws Exception {
        Random random = new Random(seed);
        Map<String, List<TakeState>> shots = new LinkedHashMap<>();
        Map<String, LockedShot> locks = new LinkedHashMap<>();
        Map<String, TakeVersion> approved = new LinkedHashMap<>();
        for (int s = random.nextInt(6); s > 0; s--) {
            String shot = word(random) + "/" + s + word(random);
            List<TakeState> takes = new ArrayList<>();
            for (int t = 1; t <= 1 + random.nextInt(3); t++) {
                TakeState.Phase phase = TakeState.Phase.values()[random.nextInt(TakeState.Phase.values().length)];
                takes.add(new TakeState(shot, t, hex(random), phase, random.nextInt(3),
                        random.nextBoolean() ? Optional.of(hex(random)) : Optional.empty(),
                        random.nextBoolean() ? Optional.of(word(random)) : Optional.empty(),
                        random.nextBoolean() ? List.of() : List.of(word(random), word(random))));
            }
            shots.put(shot, takes);
            if (random.nextInt(3) == 0) {
                locks.put(shot, new LockedShot(shot, 1, 1 + random.nextInt(2), Recipe.ofCanonical(hex(random), "{}",
                        new Recipe.Heading(shot, 1, 2.0)), hex(random), word(random), Instant.ofEpochSecond(random.nextInt()),
                        random.nextBoolean() ? Optional.of(word(random)) : Optional.empty(), SourcePosition.ofFile("lock.yaml")));
            }
            if (random.nextBoolean()) {
                approved.put(shot, new TakeVersion(shot, 1 + random.nextInt(3), 1 + random.nextInt(2)));
            }
        }
        PictureLock lock = new PictureLock(locks);
        StringWriter streamed = new StringWriter();
        StatusCommand.json(new PrintWriter(streamed), shots, lock, approved);
        assertThat(streamed.toString()).isEqualTo(tree(shots, lock, approved) + System.lineSeparator());
    }

    /** The answer as status made it before it streamed: a tree of nodes, printed. */
    private static String tree(Map<String, List<TakeState>> shots, PictureLock lock, Map<String, TakeVersion> approved) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        ArrayNode list = root.putArray("shots");
        shots.forEach((shot, takes) -> {
            ObjectNode s = list.addObject().put("shot", shot).put("state", Status.shotState(takes));
            lock.shot(shot).ifPresent(l -> s.putObject("locked").put("take", l.take()).put("version", l.version())
                    .put("recipe", l.recipe().id()).put("master", l.master()).put("by", l.by())
                    .put("at", l.at().toString()).put("reason", l.reason().orElse(null)));
            ArrayNode ts = s.putArray("takes");
            for (TakeState t : takes) {
                ObjectNode o = ts.addObject().put("take", t.take()).put("version", t.version()).put("recipe", t.recipe())
                        .put("state", t.state())
                        .put("approved", new TakeVersion(shot, t.take(), Math.max(1, t.version())).equals(approved.get(shot)));
                if (t.master().isPresent()) {
                    o.put("master", t.master().get());
                } else {
                    o.putNull("master");
                }
                t.reason().ifPresent(r -> o.put("reason", r));
                if (!t.changed().isEmpty()) {
                    ArrayNode why = o.putArray("why");
                    t.changed().forEach(why::add);
                }
            }
        });
        return root.toString();
    }

    private static String word(Random random) {
        String[] parts = {"a", "Mara", "\"quoted\"", "tab\there", "line\nbreak", "é", "雨", "\u0007", "\\", "/", "😀", " "};
        StringBuilder b = new StringBuilder();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            b.append(parts[random.nextInt(parts.length)]);
        }
        return b.toString();
    }

    private static String hex(Random random) {
        return Long.toHexString(random.nextLong());
    }
}
