package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The shot page's lineage, floor plan and lock in a real browser (headless Chromium). Every value
 * is read from the DOM by JavaScript inside the wait, so a redraw between two reads cannot leave a
 * stale element behind.
 */
class ReviewLineageBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void theShotPageDrawsTheLineageTheFloorPlanAndTheLock() throws Exception {
        Path dir = ReviewLineageTest.threeVersionsLocked(tmp);
        WebDriver driver = null;
        try (Workspace ws = Workspace.open(dir); ReviewServer server = ReviewCommand.serve(ws, "127.0.0.1", 0,
                Clock.systemUTC())) {
            driver = ReviewBrowserTest.chromium(Files.createDirectories(tmp.resolve("profile")));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
            driver.get(server.address("mara"));
            wait.until(d -> js(d, "return document.querySelector('.card') !== null"));
            driver.get("http://127.0.0.1:" + server.port() + "/#/shot/1/1S1");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lineage = (List<Map<String, Object>>) wait.until(d -> {
                Object v = ((JavascriptExecutor) d).executeScript("const li = [...document.querySelectorAll("
                        + "'#lineage .lineage-version')]; return li.length < 3 ? null : li.map((e) => ({version:"
                        + " e.dataset.version, changed: e.dataset.changed, text: e.textContent}));");
                return v;
            });
            assertThat(lineage).extracting(m -> m.get("version")).containsExactly("1", "2", "3");
            assertThat(lineage.get(0).get("text")).asString().contains("first render");
            assertThat(lineage.get(1).get("changed")).isEqualTo("/camera/lens");
            assertThat(lineage.get(1).get("text")).asString().contains("changed: /camera/lens");
            assertThat(lineage.get(2).get("text")).asString().contains("the recipe of v1 again");
            // The floor plan is the storyboard's SVG, loaded as an image (so nothing in it can run).
            Object width = wait.until(d -> ((JavascriptExecutor) d).executeScript("const i = document.getElementById("
                    + "'floor-plan'); return i && i.complete && i.naturalWidth > 0 ? i.naturalWidth : null;"));
            assertThat(((Number) width).intValue()).isPositive();
            Object locked = wait.until(d -> ((JavascriptExecutor) d).executeScript(
                    "const p = document.getElementById('locked'); return p ? p.textContent : null;"));
            assertThat(locked).asString().isEqualTo("Picture locked on take 1 v3 by " + System.getProperty("user.name")
                    + ": reel one");
            ReviewBrowserTest.screenshot(driver, "shot-lineage");
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
