package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.recipe.Recipe;
import film.slate.store.db.Event;
import film.slate.store.db.RenderRecord;
import film.slate.store.db.Takes;
import film.slate.store.testing.StoreKind;
import film.slate.store.testing.TestStores;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    @TempDir
    Path tmp;

    static Recipe recipe(String shot, int take, String prompt) {
        var p = new film.slate.core.model.Point(0, 0);
        return Recipe.of(new film.slate.core.recipe.RecipeContent(1, "test", shot, take, 1, false,
                new film.slate.core.recipe.RecipeContent.Format(24, 64, 36, 1, 24), prompt, "",
                film.slate.core.model.Framing.WS, "", List.of(), List.of(), java.util.Map.of(), java.util.Map.of(),
                new film.slate.core.recipe.RecipeContent.Place("ROOM", Optional.empty(), "DAY"),
                new film.slate.core.recipe.RecipeContent.CameraSetup(p, 1.6, 35, film.slate.core.model.Aim.at(p)),
                new film.slate.core.recipe.RecipeContent.CameraMove(film.slate.core.model.MoveType.STATIC,
                        Optional.empty(), java.util.OptionalDouble.empty(), Optional.empty(),
                        java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty()),
                java.util.Map.of(), List.of(), List.of(),
                new film.slate.core.recipe.RecipeContent.BackendRef("main", "previz", "1", "0"), List.of()), List.of());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void migratesTwice(StoreKind kind) throws Exception {
        try (Store a = STORES.open(kind, tmp); Store b = STORES.open(kind, tmp)) { // second open: nothing to do
            assertThat(b.database().integrityCheck()).isEqualTo("ok");
            assertThat(b.database().dialect()).isEqualTo(kind.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(a.takes().ofShot("1/1A")).isEmpty();
        }
    }

    @Test
    void sqliteKeepsWal() throws Exception {
        Store a = Store.open(tmp);
        String mode = a.database().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(mode).isEqualToIgnoringCase("wal");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void takesGetVersionsRendersTheirAttemptsEventsAppend(StoreKind kind) throws Exception {
        try (Store s = STORES.open(kind, tmp)) {
            takesGetVersionsRendersTheirAttemptsEventsAppend(s);
        }
    }

    private static void takesGetVersionsRendersTheirAttemptsEventsAppend(Store s) throws Exception {
        Recipe r1 = recipe("1/1A", 1, "a");
        Recipe r2 = recipe("1/1A", 1, "b");
        s.recipes().put(List.of(r1, r2));
        s.recipes().put(List.of(r1));
        assertThat(s.recipes().get(r1.id()).orElseThrow().id()).isEqualTo(r1.id());
        s.database().transaction(c -> {
            assertThat(s.renders().queue(c, r1.id(), "1/1A", 1, "main")).isTrue();
            assertThat(s.renders().queue(c, r1.id(), "1/1A", 1, "main")).isFalse();
            int attempt = s.renders().start(c, r1.id(), "w1");
            s.renders().endAttempt(c, r1.id(), attempt, "ok", null);
            s.renders().finish(c, r1.id(), RenderRecord.RENDERED, null, OptionalDouble.of(0.2));
            s.takes().append(c, "1/1A", 1, r1.id(), "main", new Takes.Output("a".repeat(64), Optional.empty(),
                    Optional.empty()), 1, 2, OptionalDouble.of(0.2));
            s.events().append(c, Event.of("tester", "rendered", r1.id(), "1/1A", "{}", null));
            return null;
        });
        s.database().transaction(c -> s.takes().append(c, "1/1A", 1, r2.id(), "main",
                new Takes.Output("b".repeat(64), Optional.empty(), Optional.empty()), 3, 4, OptionalDouble.empty()));
        assertThat(s.takes().latest("1/1A", 1).orElseThrow().version()).isEqualTo(2);
        assertThat(s.takes().ofShot("1/1A")).extracting(t -> t.version()).containsExactly(1, 2);
        assertThat(s.takes().referencedObjects()).containsExactlyInAnyOrder("a".repeat(64), "b".repeat(64));
        assertThat(s.renders().get(r1.id()).orElseThrow().attempts()).isEqualTo(1);
        assertThat(s.events().read(Optional.of("1/1A"))).singleElement().extracting(Event::action).isEqualTo("rendered");
        assertThat(s.events().read(Optional.of("2/1A"))).isEmpty();
    }
}
