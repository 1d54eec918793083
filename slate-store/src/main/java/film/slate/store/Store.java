package film.slate.store;

import film.slate.store.db.Database;
import film.slate.store.db.EventLog;
import film.slate.store.db.Recipes;
import film.slate.store.db.Renders;
import film.slate.store.db.Takes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A production's store: {@code .slate/objects} and {@code .slate/slate.db} by default, or a
 * PostgreSQL database and a shared objects folder named by slate.yaml's {@code store:} ({@link StorePlace}).
 */
public final class Store implements AutoCloseable {
    public static final String FOLDER = ".slate";

    private final Path root;
    private final ObjectStore objects;
    /** Empty until first asked for when there is no store: an empty in-memory one is made then. */
    private volatile Database database;
    private final boolean present;

    private Store(Path root, ObjectStore objects, Database database) {
        this.root = root;
        this.objects = objects;
        this.database = database;
        this.present = database != null;
    }

    /**
     * Opens (creating and migrating when needed) the store of the production in {@code production}.
     *
     * @throws ForeignStoreException when the store belongs to another production
     * @throws IOException when it cannot be opened (a damaged database, a read-only or full disk)
     */
    public static Store open(Path production) throws IOException {
        return open(production, System.getenv());
    }

    /**
     * Opens the store of {@code production} as {@link #open(Path)} does, its place ({@link StorePlace})
     * read from slate.yaml and {@code environment}: SQLite in {@code .slate/} unless a PostgreSQL
     * database is named there.
     */
    public static Store open(Path production, java.util.Map<String, String> environment) throws IOException {
        StorePlace place = StorePlace.of(production, environment);
        Path root = production.resolve(FOLDER);
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IOException(root + " is a file, but Slate keeps its store in a folder of that name; move the file away");
        }
        Files.createDirectories(root);
        ProductionMark.claim(root, production);
        ObjectStore objects = new ObjectStore(place.objects());
        if (place.database().isPresent()) {
            StorePlace.Server server = place.database().get();
            return new Store(root, objects, Database.postgresql(server.url(), server.user(), server.password()));
        }
        Path db = root.resolve("slate.db");
        Database.probe(db);
        Database database;
        try {
            database = Database.sqlite(db);
        } catch (RuntimeException e) { // a damaged page found while migrating, or a full disk
            throw new IOException(StoreFault.sentence(db, e).orElse("cannot open " + db + " (" + e.getMessage()
                    + "); run 'slate verify' to see what is wrong with the store"), e);
        }
        return new Store(root, objects, database);
    }

    /**
     * The store as read-only commands see it: the production's own when it has one, else an empty
     * one in memory, so that looking at a fresh production writes nothing into it.
     */
    public static Store openIfPresent(Path production) throws IOException {
        Path root = production.resolve(FOLDER);
        StorePlace place = StorePlace.of(production, System.getenv());
        if (place.database().isPresent() || Files.isDirectory(root) && Files.exists(root.resolve("slate.db"))) {
            return open(production); // a named server is the production's store whether or not anything is in it yet
        }
        return new Store(root, new ObjectStore(place.objects()), null);
    }

    /**
     * Whether the production has a store (a folder or a named server); when not, every record is
     * known to be absent without opening a database, which costs a read-only command a third of its start.
     */
    public boolean present() {
        return present;
    }

    public Path root() {
        return root;
    }

    public ObjectStore objects() {
        return objects;
    }

    public Database database() {
        Database d = database;
        if (d == null) {
            synchronized (this) {
                if (database == null) {
                    database = Database.empty();
                }
                d = database;
            }
        }
        return d;
    }

    public Takes takes() {
        return new Takes(database(), Optional.of(objects));
    }

    public Renders renders() {
        return new Renders(database());
    }

    public Recipes recipes() {
        return new Recipes(database());
    }

    /** Fix recipes (issue 14). */
    public film.slate.store.db.Fixes fixes() {
        return new film.slate.store.db.Fixes(database());
    }

    public EventLog events() {
        return new EventLog(database());
    }

    /** The processes rendering from the shared queue, and the gc lease (a farm). */
    public film.slate.store.db.Workers workers() {
        return new film.slate.store.db.Workers(database());
    }

    /** The renders' scratch folders under {@code .slate/work}. */
    public WorkFolders work() {
        return new WorkFolders(root);
    }

    /** Closes the database's connections; the store can be opened again. */
    @Override
    public void close() {
        Database d = database;
        if (d != null) {
            d.close();
        }
    }
}
