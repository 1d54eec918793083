package film.slate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import film.slate.review.ReviewServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review room in a real browser (Debian's Chromium, headless) on the example production built
 * with the real previz backend: overview, shot, frame steps, a region note at a frame, an approval,
 * a damaged proxy refused and said so; then the command line confirms what was stored. Screenshots
 * go to target/review-screenshots/.
 */
class ReviewBrowserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SHOTS = Path.of("target", "review-screenshots");

    @TempDir
    Path tmp;

    /** slate without the test-pattern stand-in: the example's previz backend renders real H.264 proxies. */
    static Slate.Run slate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Slate.Run(code, out.toString(), err.toString());
    }

    static Path example(Path tmp) throws Exception {
        Path source = Path.of("..", "examples", "lighthouse");
        Path dir = tmp.resolve("lighthouse");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(p -> !p.toString().contains(film.slate.store.Store.FOLDER)).toList()) {
                Path to = dir.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Slate.Run build = slate("build", dir.toString(), "--shots", "1/*");
        assertThat(build.code()).as(build.out() + build.err()).isZero();
        return dir;
    }

    static WebDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=1400,1000", "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static void screenshot(WebDriver driver, String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void overviewShotStepsRegionNoteAndApprovalAreStored() throws Exception {
        Path dir = example(tmp);
        WebDriver driver = null;
        try (Workspace ws = Workspace.open(dir); ReviewServer server = ReviewCommand.serve(ws, "127.0.0.1", 0, Clock.systemUTC())) {
            // Shot 1/1B's proxy is damaged before anything is served: its bytes no longer match its name.
            Path proxy = ws.store.objects().path(ws.store.takes().ofShot("1/1B").get(0).proxy().orElseThrow());
            byte[] bytes = Files.readAllBytes(proxy);
            bytes[bytes.length / 2] ^= 0x5a;
            proxy.toFile().setWritable(true);
            Files.write(proxy, bytes);
            driver = chromium(Files.createDirectories(tmp.resolve("profile")));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
            // Live updates redraw the overview's cards: an element found a moment ago may be gone; look again.
            wait.ignoring(StaleElementReferenceException.class);
            driver.get(server.address("mara"));
            wait.until(d -> !d.findElements(By.cssSelector(".card[data-state=rendered]")).isEmpty());
            // Read the cards' shots in one script: a live redraw between finding a card and reading it
            // would leave a stale element behind.
            List<String> shots = ((List<?>) ((JavascriptExecutor) driver).executeScript(
                    "return Array.from(document.querySelectorAll('.card'), c => c.dataset.shot);")).stream()
                    .map(String::valueOf).toList();
            assertThat(shots).startsWith("1/1A");
            screenshot(driver, "overview");

            String shot = wait.until(d -> {
                WebElement card = d.findElement(By.cssSelector(".card[data-state=rendered]"));
                String id = card.getAttribute("data-shot");
                card.click();
                return id;
            });
            wait.until(d -> d.findElement(By.id("shot-status")).getText().startsWith("take 1 v1"));
            for (int i = 0; i < 5; i++) {
                new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
            }
            wait.until(d -> "5".equals(d.findElement(By.id("frame-number")).getAttribute("data-frame")));
            new Actions(driver).sendKeys(Keys.ARROW_LEFT).perform();
            wait.until(d -> "4".equals(d.findElement(By.id("frame-number")).getAttribute("data-frame")));
            assertThat(driver.findElement(By.id("frame-number")).getText()).isEqualTo("frame 4");
            assertThat(driver.findElement(By.id("timecode")).getText()).isEqualTo("00:00:00:04");
            Object lit = ((JavascriptExecutor) driver).executeScript("const c = document.getElementById('picture');"
                    + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "let s = 0; for (let i = 0; i < d.length; i += 4) s += d[i] + d[i + 1] + d[i + 2]; return s;");
            assertThat(((Number) lit).longValue()).as("the picture is drawn").isPositive();

            new Actions(driver).sendKeys("n").perform();
            wait.until(d -> d.findElement(By.id("note-form")).isDisplayed());
            WebElement overlay = driver.findElement(By.id("overlay"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", overlay);
            int w = overlay.getSize().getWidth();
            int h = overlay.getSize().getHeight();
            // Offsets are from the element's centre: from (1/4, 1/4) to (3/4, 1/2) of the picture.
            new Actions(driver).moveToElement(overlay, -w / 4, -h / 4).clickAndHold().moveByOffset(w / 4, h / 8)
                    .moveByOffset(w / 4, h / 8).release().perform();
            driver.findElement(By.id("note-text")).sendKeys("<script>alert(1)</script> the lamp flickers here");
            driver.findElement(By.id("note-save")).click();
            String noted = wait.until(d -> {
                List<WebElement> texts = d.findElements(By.cssSelector("#notes li .text"));
                return texts.isEmpty() ? null : texts.get(0).getText();
            });
            assertThat(noted).isEqualTo("<script>alert(1)</script> the lamp flickers here");
            driver.findElement(By.id("approve")).click();
            wait.until(d -> !d.findElements(By.cssSelector("#history li")).isEmpty());
            screenshot(driver, "shot");

            driver.get(server.address("mara").replaceAll("login\\?token=.*", "") + "#/cut");
            wait.until(d -> !d.findElements(By.cssSelector(".cut-list li")).isEmpty());
            screenshot(driver, "cut");

            // The damaged proxy is refused by the server (409) and the shot page says so, showing no picture.
            driver.get(server.address("mara").replaceAll("login\\?token=.*", "") + "#/shot/1/1B");
            wait.until(d -> d.findElement(By.id("shot-status")).getText().contains("cannot be played: its proxy is missing"
                    + " or damaged; run slate verify"));
            screenshot(driver, "damaged");

            // Signing out ends the session on the server: a reload asks to sign in again.
            driver.findElement(By.id("signout")).click();
            wait.until(d -> !d.findElements(By.id("signin")).isEmpty());
            driver.navigate().refresh();
            wait.until(d -> !d.findElements(By.id("signin")).isEmpty());
            screenshot(driver, "signed-out");

            JsonNode note = JSON.readTree(slate("notes", dir.toString(), "--format", "json").out()).path("notes").get(0);
            assertThat(note.path("shot").asText()).isEqualTo(shot);
            assertThat(note.path("frame").asLong()).isEqualTo(4);
            assertThat(note.path("fps").asText()).isEqualTo("24/1");
            assertThat(note.path("author").asText()).isEqualTo("mara");
            JsonNode region = note.path("region");
            assertThat(region.path("shape").asText()).isEqualTo("rect");
            assertThat(region.path("x").asDouble()).isCloseTo(0.25, within(0.02));
            assertThat(region.path("y").asDouble()).isCloseTo(0.25, within(0.02));
            assertThat(region.path("w").asDouble()).isCloseTo(0.5, within(0.02));
            assertThat(region.path("h").asDouble()).isCloseTo(0.25, within(0.02));
            JsonNode status = JSON.readTree(slate("status", dir.toString(), "--format", "json").out());
            for (JsonNode s : status.path("shots")) {
                boolean approved = s.path("shot").asText().equals(shot);
                assertThat(s.path("takes").get(0).path("approved").asBoolean()).as(s.path("shot").asText()).isEqualTo(approved);
            }
            assertThat(slate("log", dir.toString()).out()).contains("mara  approved  " + shot + "#1 v1")
                    .contains("mara  noted  note/1").contains("mara  logged-in  user/mara")
                    .contains("mara  logged-out  user/mara");
        } finally {
            if (driver != null) {
                driver.quit();
            }
        }
    }
}
