package film.slate.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.store.Store;
import film.slate.store.testing.StoreKind;
import film.slate.store.testing.TestStores;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link EventLog#after}: a live page reads only the events it has not seen, in order, a page at a time. */
class EventLogTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void afterReadsExactlyTheNewerEventsInOrderAPageAtATime(StoreKind kind) throws Exception {
        try (Store s = STORES.open(kind, tmp)) {
            EventLog log = s.events();
            assertThat(log.lastId()).isZero();
            assertThat(log.after(0, 10)).isEmpty();
            Random random = new Random(1313);
            for (int i = 0; i < 40; i++) {
                log.append(Event.of("ed", random.nextBoolean() ? "noted" : "approved", "1/1A#1 v" + i,
                        random.nextBoolean() ? "1/1A" : null, null, null));
            }
            List<Event> all = log.read(Optional.empty());
            assertThat(log.lastId()).isEqualTo(all.get(all.size() - 1).id());
            for (int trial = 0; trial < 25; trial++) {
                long from = all.get(random.nextInt(all.size())).id() - random.nextInt(2);
                int limit = 1 + random.nextInt(50);
                List<Event> expected = all.stream().filter(e -> e.id() > from).limit(limit).toList();
                assertThat(log.after(from, limit)).as("after %d, limit %d", from, limit).isEqualTo(expected);
            }
            // Paging from the last id seen reads the whole log once, each event once.
            long seen = 0;
            int pages = 0;
            List<Event> paged = new java.util.ArrayList<>();
            for (List<Event> page = log.after(seen, 7); !page.isEmpty(); page = log.after(seen, 7)) {
                paged.addAll(page);
                seen = page.get(page.size() - 1).id();
                pages++;
            }
            assertThat(paged).isEqualTo(all);
            assertThat(pages).isEqualTo(6);
        }
    }
}
