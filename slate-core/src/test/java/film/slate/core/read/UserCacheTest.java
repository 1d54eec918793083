package film.slate.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserCacheTest {
    @Test
    void anAbsoluteXdgCacheHomeIsTheFolder() {
        assertThat(UserCache.folder(Map.of("XDG_CACHE_HOME", "/srv/cache"), "/home/mara")).contains(Path.of("/srv/cache"));
        assertThat(UserCache.folder(Map.of("XDG_CACHE_HOME", "/srv/cache"), null)).contains(Path.of("/srv/cache"));
    }

    @Test
    void unsetEmptyOrRelativeFallsBackToTheHomesCache() {
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("XDG_CACHE_HOME", ""),
                Map.of("XDG_CACHE_HOME", "cache"), Map.of("XDG_CACHE_HOME", "./x"))) {
            assertThat(UserCache.folder(env, "/home/mara")).as("%s", env).contains(Path.of("/home/mara/.cache"));
        }
    }

    @Test
    void noHomeAndNoXdgNamesNoFolder() {
        assertThat(UserCache.folder(Map.of("XDG_CACHE_HOME", "rel"), null)).isEqualTo(Optional.empty());
        assertThat(UserCache.folder(Map.of(), " ")).isEqualTo(Optional.empty());
    }
}
