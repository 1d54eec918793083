package film.slate.store.testing;

/** The databases the store runs on; the store's tests run on each. */
public enum StoreKind {
    SQLITE,
    POSTGRESQL
}
