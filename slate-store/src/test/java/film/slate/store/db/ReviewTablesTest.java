package film.slate.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.store.Store;
import film.slate.store.testing.StoreKind;
import film.slate.store.testing.TestStores;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReviewTablesTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void notesKeepFrameRateRegionRepliesAndResolutionAndAreEvents(StoreKind kind) throws Exception {
        try (Store s = STORES.open(kind, tmp)) {
            Notes notes = new Notes(s.database());
            TakeVersion t = new TakeVersion("1/1A", 2, 1);
            NoteRecord n = notes.add(new Notes.Draft(t, 47, Optional.of(60L), 30000, 1001,
                    Optional.of(new Region.Rect(0.25, 0.5, 0.5, 0.25)), "<script>alert(1)</script> too dark", Optional.empty()),
                    "mara", 1000);
            NoteRecord reply = notes.add(new Notes.Draft(t, 47, Optional.empty(), 30000, 1001,
                    Optional.of(new Region.Stroke(List.of(new Region.Point(0, 0), new Region.Point(1, 1)))), "agreed",
                    Optional.of(n.id())), "ed", 2000);
            assertThat(notes.resolve(n.id(), "ed", 3000)).isTrue();
            assertThat(notes.resolve(n.id(), "ed", 3000)).isFalse();
            assertThat(notes.list(Optional.of("1/1A"), true)).extracting(NoteRecord::id).containsExactly(reply.id());
            NoteRecord back = notes.find(n.id()).orElseThrow();
            assertThat(back.frame()).isEqualTo(47);
            assertThat(back.endFrame()).contains(60L);
            assertThat(back.fpsNum()).isEqualTo(30000);
            assertThat(back.fpsDen()).isEqualTo(1001);
            assertThat(back.region()).contains(new Region.Rect(0.25, 0.5, 0.5, 0.25));
            assertThat(back.text()).isEqualTo("<script>alert(1)</script> too dark");
            assertThat(back.resolvedBy()).contains("ed");
            assertThat(back.seconds()).isEqualTo(47 * 1001 / 30000.0);
            assertThat(notes.find(reply.id()).orElseThrow().replyTo()).contains(n.id());
            assertThat(s.events().read(Optional.of("1/1A"))).extracting(Event::action)
                    .containsExactly("noted", "replied", "resolved");
            assertThat(s.events().read(Optional.empty()).get(0).details().orElseThrow())
                    .contains("\"frame\":47").contains("\"fps\":\"30000/1001\"").doesNotContain("too dark");
            assertThatThrownBy(() -> notes.add(new Notes.Draft(t, 1, Optional.empty(), 24, 1, Optional.empty(), "x",
                    Optional.of(999L)), "mara", 1)).hasMessageContaining("no note 999");
        }
    }

    /** Whatever order verdicts come in, a shot has at most one approval: the last approval not withdrawn since. */
    @ParameterizedTest
    @MethodSource("seedsOnEachDatabase")
    void oneApprovedTakeVersionPerShot(StoreKind kind, long seed) throws Exception {
        Random random = new Random(seed);
        try (Store s = STORES.open(kind, tmp)) {
            Decisions decisions = new Decisions(s.database());
            java.util.Map<String, TakeVersion> model = new java.util.TreeMap<>();
            for (int i = 0; i < 30; i++) {
                TakeVersion t = new TakeVersion("1/" + (1 + random.nextInt(3)), 1 + random.nextInt(3), 1 + random.nextInt(2));
                Verdict v = Verdict.values()[random.nextInt(3)];
                decisions.decide(t, v, "dir", i, Optional.of("because " + i), Optional.empty());
                if (v == Verdict.APPROVED) {
                    model.put(t.shot(), t);
                } else if (t.equals(model.get(t.shot()))) {
                    model.remove(t.shot());
                }
                assertThat(decisions.approvals()).isEqualTo(model);
            }
            assertThat(decisions.history(Optional.empty())).hasSize(30);
            assertThat(s.events().read(Optional.empty())).hasSize(30).allSatisfy(e -> {
                assertThat(e.actor()).isEqualTo("dir");
                assertThat(e.reason().orElseThrow()).startsWith("because ");
            });
        }
    }

    static Stream<Arguments> seedsOnEachDatabase() {
        return Stream.of(StoreKind.values()).flatMap(k -> LongStream.rangeClosed(1, 8).mapToObj(seed -> Arguments.of(k, seed)));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void usersKeepOnlyASlowHashAndSessionsExpire(StoreKind kind) throws Exception {
        try (Store s = STORES.open(kind, tmp)) {
            Users users = new Users(s.database());
            String token = users.add("mara", Role.DIRECTOR, "admin", 5).orElseThrow();
            assertThat(users.add("mara", Role.VIEWER, "admin", 6)).isEmpty();
            String stored = s.database().read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT token_hash FROM users")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain(token.substring(5));
            assertThat(users.authenticate(token)).map(UserRecord::role).contains(Role.DIRECTOR);
            assertThat(users.authenticate(token + "x")).isEmpty();
            assertThat(users.authenticate("ed." + token.substring(5))).isEmpty();
            Sessions sessions = new Sessions(s.database());
            Sessions.Opened o = sessions.open("mara", Role.DIRECTOR, 100, 50, "token");
            assertThat(sessions.find(o.cookie(), 149)).map(SessionRecord::csrf).contains(o.session().csrf());
            assertThat(sessions.find(o.cookie(), 150)).isEmpty();
            Sessions.Opened other = sessions.open("mara", Role.DIRECTOR, 100, 500, "token");
            assertThat(users.remove("mara", "admin")).isTrue();
            assertThat(sessions.find(other.cookie(), 101)).isEmpty();
            assertThat(users.authenticate(token)).isEmpty();
            assertThat(s.events().read(Optional.empty())).extracting(Event::action)
                    .containsExactly("user-added", "logged-in", "logged-in", "user-removed");
            assertThatThrownBy(() -> users.add("../x", Role.VIEWER, "a", 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void regionsStayInsideThePicture() {
        assertThatThrownBy(() -> new Region.Rect(0.8, 0, 0.5, 0.1)).hasMessageContaining("outside the picture");
        assertThatThrownBy(() -> new Region.Point(-0.1, 0)).hasMessageContaining("outside 0..1");
        assertThatThrownBy(() -> Region.parse("{\"shape\":\"circle\"}")).hasMessageContaining("a region is");
        Region r = new Region.Stroke(List.of(new Region.Point(0.1, 0.2), new Region.Point(0.3, 0.4)));
        assertThat(Region.parse(r.toJson().toString())).isEqualTo(r);
    }
}
