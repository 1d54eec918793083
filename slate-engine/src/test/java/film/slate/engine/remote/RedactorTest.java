package film.slate.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The redactor as a property: over random keys, every encoding a server or program may echo them
 * in, random surrounding text and random cut points, no run of a key's form longer than
 * {@link Redactor#EDGE_RUN} characters survives, whether the text is cut before (by a server or a
 * tail) or after redaction. {@code -Dslate.trials=N} runs more.
 */
class RedactorTest {
    private static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_/+=.~";

    static Stream<Long> seeds() {
        return LongStream.range(0, Long.getLong("slate.trials", 200)).boxed();
    }

    /** The ways a key reaches text, each with the string that must not survive in it. */
    static List<String[]> echoes(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        String url = URLEncoder.encode(key, StandardCharsets.UTF_8);
        List<String[]> e = new ArrayList<>();
        e.add(new String[] {"Authorization: Bearer " + key, key});
        e.add(new String[] {"?key=" + url, url});
        e.add(new String[] {"?key=" + url.replace("%2F", "/"), url.replace("%2F", "/")});
        e.add(new String[] {"\"token\": \"" + key.replace("/", "\\/") + "\"", key.replace("/", "\\/")});
        String bearer = Base64.getEncoder().encodeToString(("Bearer " + key).getBytes(StandardCharsets.UTF_8));
        e.add(new String[] {"X-Auth: " + bearer, core(bearer, 7, k.length)});
        for (String user : List.of("u", "ab", "api", "user")) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8));
            e.add(new String[] {"Authorization: Basic " + basic, core(basic, user.length() + 1, k.length)});
        }
        return e;
    }

    /** The base64 characters that encode only the key's bytes (from byte {@code at}, {@code n} bytes long). */
    private static String core(String b64, int at, int n) {
        int first = (at + 2) / 3 * 4;
        int last = (at + n) / 3 * 4;
        return b64.substring(first, Math.max(first, last));
    }

    private static String randomKey(Random r) {
        StringBuilder b = new StringBuilder(r.nextBoolean() ? "sk-" : "");
        int n = 12 + r.nextInt(40);
        for (int i = 0; i < n; i++) {
            b.append(KEY_CHARS.charAt(r.nextInt(KEY_CHARS.length())));
        }
        return b.toString();
    }

    private static String filler(Random r, int n) {
        String words = " error: the request failed, retry later. {}[]()<>!?#";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(words.charAt(r.nextInt(words.length())));
        }
        return b.toString();
    }

    private static void assertNoRun(String text, String form, String what) {
        for (int i = 0; i + Redactor.EDGE_RUN < form.length(); i++) {
            String run = form.substring(i, i + Redactor.EDGE_RUN + 1);
            assertThat(text).as("%s: a run of %d characters of the secret", what, run.length()).doesNotContain(run);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void noRunOfAKeySurvivesInAnyEncodingAtAnyCut(long seed) {
        Random r = new Random(seed);
        String key = randomKey(r);
        Redactor redactor = new Redactor(List.of(key));
        for (String[] echo : echoes(key)) {
            String text = filler(r, r.nextInt(300)) + echo[0] + filler(r, r.nextInt(300));
            String form = echo[1];
            assertNoRun(redactor.apply(text), form, "whole " + echo[0]);
            for (int t = 0; t < 20; t++) {
                int max = r.nextInt(text.length() + 1);
                assertNoRun(redactor.excerpt(text, max), form, "excerpt " + max);
                int from = r.nextInt(text.length() + 1);
                int to = from + r.nextInt(text.length() - from + 1);
                assertNoRun(redactor.apply(text.substring(from, to)), form, "cut first " + from + ".." + to);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aStreamCopiedInAnyChunksHoldsNoRunOfTheKey(long seed) throws Exception {
        Random r = new Random(seed);
        String key = randomKey(r);
        Redactor redactor = new Redactor(List.of(key));
        StringBuilder text = new StringBuilder();
        List<String> forms = new ArrayList<>();
        for (String[] echo : echoes(key)) {
            text.append(filler(r, r.nextInt(20_000))).append(r.nextBoolean() ? "\n" : "").append(echo[0]);
            forms.add(echo[1]);
        }
        var out = new java.io.ByteArrayOutputStream();
        RedactingCopy.copy(new java.io.ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), out,
                redactor);
        String copied = out.toString(StandardCharsets.UTF_8);
        for (String form : forms) {
            assertNoRun(copied, form, "copied");
        }
        assertThat(copied).contains(Redactor.MASK);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void ordinaryTextIsLeftAlone(long seed) {
        Random r = new Random(seed);
        Redactor redactor = new Redactor(List.of(randomKey(r)));
        String text = filler(r, 500);
        assertThat(redactor.apply(text)).isEqualTo(text);
        assertThat(Redactor.none().excerpt(text, 80)).isEqualTo(text.replaceAll("\\s+", " ").strip().length() <= 80
                ? text.replaceAll("\\s+", " ").strip() : text.replaceAll("\\s+", " ").strip().substring(0, 80) + "...");
    }
}
