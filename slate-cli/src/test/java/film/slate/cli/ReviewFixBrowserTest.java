package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import film.slate.core.testing.SyntheticProduction;
import film.slate.review.ReviewServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Fix" on a note in a real browser (headless Chromium): the button on a note with a region asks
 * for the fix, the page redraws when the live stream says it is made, the version tree shows the
 * fix under its parent, and the diff view shows the changed pixels. Every value is read from the
 * DOM by JavaScript inside the wait, so a live redraw cannot leave a stale element behind.
 */
class ReviewFixBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void aFixFromANoteAppearsInTheTreeAndItsDiffShowsTheChangedPixels() throws Exception {
        Path dir = SyntheticProduction.write(tmp.resolve("p"), 1, 1);
        assertThat(FixCommandTest.real("build", dir.toString()).code()).isZero();
        Slate.Run note = FixCommandTest.real("note", "1/1S1", "-C", dir.toString(), "--take", "1", "--at", "0.2",
                "--to", "0.45", "--region", "16,9,32,18", "the hand shakes");
        assertThat(note.code()).as(note.err()).isZero();
        WebDriver driver = null;
        try (Workspace ws = Workspace.open(dir); ReviewServer server = ReviewCommand.serve(ws, "127.0.0.1", 0,
                Clock.systemUTC())) {
            driver = ReviewBrowserTest.chromium(Files.createDirectories(tmp.resolve("profile")));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(180));
            driver.get(server.address("mara"));
            wait.until(d -> js(d, "return document.querySelector('.card') !== null"));
            driver.get("http://127.0.0.1:" + server.port() + "/#/shot/1/1S1");
            wait.until(d -> js(d, "const b = document.querySelector('#notes button.fix');"
                    + " const t = document.querySelector('#version-tree .tree-version');"
                    + " if (!b || !t) return false; document.getElementById('fix-prompt').value = 'a steady hand';"
                    + " b.click(); return true;"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> tree = (List<Map<String, Object>>) wait.until(d -> ((JavascriptExecutor) d)
                    .executeScript("const li = [...document.querySelectorAll('#version-tree .tree-version')];"
                            + " return li.length < 2 ? null : li.map((e) => ({version: e.dataset.version, kind:"
                            + " e.dataset.kind, parent: e.dataset.parent, text: e.textContent}));"));
            assertThat(tree).extracting(m -> m.get("kind")).containsExactly("render", "fix");
            assertThat(tree.get(1).get("parent")).isEqualTo("1");
            assertThat(tree.get(1).get("text")).asString().contains("frames 2–5").contains("a steady hand");
            assertThat(js(driver, "return document.querySelectorAll('#takes .version').length === 2"))
                    .as("the new version can be watched").isTrue();
            Object verdict = wait.until(d -> ((JavascriptExecutor) d).executeScript(
                    "const b = document.querySelector('#version-tree button.diff-parent');"
                            + " const v = document.getElementById('diff-verdict');"
                            + " const i = document.getElementById('diff-picture');"
                            + " if (!v) { if (b && !b.dataset.asked) { b.dataset.asked = '1'; b.click(); } return null; }"
                            + " return i && i.complete && i.naturalWidth === 64 ? v.textContent : null;"));
            assertThat(verdict).isEqualTo("nothing changed outside the fixes' masks and frames");
            ((JavascriptExecutor) driver).executeScript("document.getElementById('versions').scrollIntoView();");
            ReviewBrowserTest.screenshot(driver, "shot-fix-diff");
        } finally {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    private static boolean js(WebDriver d, String script) {
        return Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script));
    }
}
