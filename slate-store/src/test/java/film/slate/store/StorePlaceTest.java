package film.slate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import film.slate.core.recipe.Sha256;
import film.slate.store.db.Event;
import film.slate.store.db.Notes;
import film.slate.store.db.Role;
import film.slate.store.db.TakeVersion;
import film.slate.store.db.Users;
import film.slate.store.testing.StoreKind;
import film.slate.store.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where the store lives: slate.yaml's store:, the environment over it, and the password kept out of everything. */
class StorePlaceTest {
    @RegisterExtension
    static final TestStores STORES = new TestStores();

    @TempDir
    Path tmp;

    private Path production(String storeLines) throws Exception {
        Path p = Files.createDirectories(tmp.resolve("film"));
        Files.writeString(p.resolve("slate.yaml"), "title: Test\nid: test\n" + storeLines, StandardCharsets.UTF_8);
        return p;
    }

    /** On either database, objects go to the named folder, in the same layout, written aside and renamed in. */
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void objectsLiveInTheNamedFolderAndSlateObjectsMapsItElsewhere(StoreKind kind) throws Exception {
        String database = kind == StoreKind.POSTGRESQL ? STORES.storeYaml().replace("store:\n", "") : "";
        Path production = production("store:\n" + database + "  objects: ../shared/objects\n");
        Map<String, String> env = kind == StoreKind.POSTGRESQL ? STORES.environment() : Map.of();
        byte[] bytes = "a take".getBytes(StandardCharsets.UTF_8);
        String hash = Sha256.hex(bytes);
        try (Store s = Store.open(production, env)) {
            assertThat(s.objects().put(bytes)).isEqualTo(hash);
        }
        Path shared = tmp.resolve("shared/objects");
        assertThat(shared.resolve("sha256").resolve(hash.substring(0, 2)).resolve(hash.substring(2))).hasBinaryContent(bytes);
        assertThat(shared.resolve("tmp")).isEmptyDirectory(); // written aside there, then renamed into place
        assertThat(production.resolve(Store.FOLDER).resolve("objects")).doesNotExist();

        // A worker that mounts the same folder elsewhere names its own path; the objects are the same.
        Path mount = tmp.resolve("mnt/slate");
        Files.createDirectories(mount.getParent());
        Files.createSymbolicLink(mount, shared);
        var mapped = new java.util.HashMap<>(env);
        mapped.put(StorePlace.OBJECTS_ENV, mount.toString());
        try (Store s = Store.open(production, mapped)) {
            assertThat(s.objects().path(hash)).startsWithRaw(mount);
            assertThat(s.objects().read(hash)).isEqualTo(bytes);
        }
    }

    @Test
    void withoutStoreTheDatabaseIsSqliteInTheProductionsFolder() throws Exception {
        Path production = production("");
        try (Store s = Store.open(production, Map.of())) {
            assertThat(s.database().dialect()).isEqualTo("sqlite");
            assertThat(s.objects().path(Sha256.hex(new byte[] {1}))).startsWithRaw(production.resolve(Store.FOLDER + "/objects"));
        }
        assertThat(production.resolve(Store.FOLDER).resolve("slate.db")).exists();
    }

    /** Everything a studio does through the store, then: the password is in no file, no row, no message. */
    @Test
    void thePasswordIsNeverWrittenAnywhere() throws Exception {
        String password = STORES.cluster().password();
        Path production = production(STORES.storeYaml() + "  objects: " + tmp.resolve("objects") + "\n");
        try (Store s = Store.open(production, STORES.environment())) {
            var r = DatabaseTest.recipe("1/1A", 1, "a door opens");
            s.recipes().put(List.of(r));
            s.objects().put(new byte[] {1, 2, 3});
            s.database().transaction(c -> {
                s.events().append(c, Event.of("tester", "rendered", r.id(), "1/1A", "{}", null));
                return null;
            });
            new Users(s.database()).add("mara", Role.DIRECTOR, "admin", 1);
            new Notes(s.database()).add(new Notes.Draft(new TakeVersion("1/1A", 1, 1), 3, Optional.empty(), 24, 1,
                    Optional.empty(), "darker", Optional.empty()), "mara", 2);
            assertThat(s.database().dialect()).isEqualTo("postgresql");
        }
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(contains(Files.readAllBytes(f), secret)).as(f.toString()).isFalse();
            }
        }
        String dump = STORES.cluster().dump(STORES.database());
        assertThat(dump).contains("a door opens").contains("darker").doesNotContain(password);

        // A refused login names the server and the user, never the password that was tried.
        String wrong = "not-" + password;
        assertThatThrownBy(() -> Store.open(production, Map.of(TestStores.PASSWORD_ENV, wrong)))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(STORES.cluster().url(STORES.database())).hasMessageContaining("password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
    }

    @Test
    void theUrlMayComeFromTheEnvironmentWithTheUserInIt() throws Exception {
        Path production = production("");
        String url = STORES.cluster().url(STORES.database());
        Map<String, String> env = Map.of(StorePlace.URL_ENV, url.replace("postgresql://", "postgresql://slate@"),
                "SLATE_DB_PASSWORD", STORES.cluster().password());
        try (Store s = Store.open(production, env)) {
            assertThat(s.database().dialect()).isEqualTo("postgresql");
            s.recipes().put(List.of(DatabaseTest.recipe("1/1A", 1, "x")));
        }
        assertThat(production.resolve(Store.FOLDER).resolve("slate.db")).doesNotExist();
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() throws Exception {
        Path production = production("");
        assertThatThrownBy(() -> Store.open(production, Map.of(StorePlace.URL_ENV,
                "postgresql://slate:hunter2@127.0.0.1:1/x")))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining(StorePlace.URL_ENV)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThat(production.resolve(Store.FOLDER)).doesNotExist();
    }

    @Test
    void aPasswordInSlateYamlIsRefusedAtItsLine() throws Exception {
        Path production = production("store:\n  database: postgresql://db.studio:5432/film\n  password: hunter2\n");
        assertThatThrownBy(() -> Store.open(production, Map.of())).isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith("slate.yaml:5:").hasMessageContaining("password_env")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThat(production.resolve(Store.FOLDER)).doesNotExist();
    }

    @Test
    void aServerThatIsDownIsOneSentence() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        Path production = production("store:\n  database: postgresql://127.0.0.1:" + port + "/film\n  user: slate\n");
        assertThatThrownBy(() -> Store.open(production, Map.of("SLATE_DB_PASSWORD", "s3cret-value")))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith("cannot use the store's database postgresql://127.0.0.1:" + port + "/film as slate")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-value"));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
