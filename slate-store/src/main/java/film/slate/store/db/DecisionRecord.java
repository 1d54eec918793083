package film.slate.store.db;

import java.util.Optional;

/** A verdict on a take version: who gave it, when, why, and the note it answers if any. */
public record DecisionRecord(long id, TakeVersion take, Verdict verdict, String actor, long at, Optional<String> reason,
        Optional<Long> note) {
}
