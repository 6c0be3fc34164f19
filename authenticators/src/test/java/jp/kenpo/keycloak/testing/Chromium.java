package jp.kenpo.keycloak.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver, in Japanese, saving a screenshot of each
 * screen under {@code target/test-artifacts/screenshots}.
 */
public final class Chromium implements AutoCloseable {

    private static final String BINARY = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path screenshots;

    public Chromium(String language) {
        if (!new File(BINARY).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("Install Debian's chromium and chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1024, 900));
        screenshots = Path.of(System.getProperty("kenpo.artifacts.dir", "target/test-artifacts")).resolve("screenshots");
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The visible text of the element with this id, trimmed. */
    public String text(String id) {
        return driver.findElement(org.openqa.selenium.By.id(id)).getText().trim();
    }

    /** Waits (at most 30 s) until the page has such an element. */
    public org.openqa.selenium.WebElement waitFor(org.openqa.selenium.By locator) {
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** Saves a PNG of the current screen and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path target = screenshots.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The phone every screen is also checked on: 375 CSS pixels wide (iPhone SE to 15 mini), as a phone lays it out. */
    public static final int PHONE_WIDTH = 375;

    private static final String LAYOUT = """
            var problems = [];
            var root = document.documentElement;
            if (root.scrollWidth > root.clientWidth + 1) {
              problems.push('scrolls sideways: ' + root.scrollWidth + ' px wide in a ' + root.clientWidth + ' px window');
            }
            function visible(e) {
              var r = e.getBoundingClientRect(), s = getComputedStyle(e);
              // checkVisibility: false inside a closed <details> too, whose content keeps a box but is not drawn.
              return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0'
                  && (!e.checkVisibility || e.checkVisibility()) && onTop(e, r);
            }
            // Drawn where it stands (not under another layer, e.g. the account console's closed menu under its page).
            function onTop(e, r) {
              var x = r.left + r.width / 2, y = r.top + Math.min(r.height / 2, 8);
              if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) { return true; }
              var hit = document.elementFromPoint(x, y);
              return !hit || hit === e || e.contains(hit) || hit.contains(e);
            }
            function name(e) {
              return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.innerText || e.value || '').trim().substring(0, 30) + '"';
            }
            var els = Array.prototype.filter.call(document.querySelectorAll(
                'h1, h2, p, label, dt, dd, li, button, a, input:not([type=hidden]), select, textarea, img, .kenpo-text-size'), visible);
            for (var i = 0; i < els.length; i++) {
              var a = els[i], ra = a.getBoundingClientRect();
              if (ra.right > root.clientWidth + 1) { problems.push(name(a) + ' sticks out on the right (' + Math.round(ra.right) + ' px)'); }
              for (var j = i + 1; j < els.length; j++) {
                var b = els[j];
                if (a.contains(b) || b.contains(a)) { continue; }
                var rb = b.getBoundingClientRect();
                var w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
                var h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
                if (w > 2 && h > 2) { problems.push(name(a) + ' overlaps ' + name(b)); }
              }
            }
            return problems;
            """;

    /**
     * One screen as members see it, checked: a screenshot on a desktop ({@code name}.png, 1024 px) and on a phone
     * ({@code name}-phone.png, {@value #PHONE_WIDTH} px, the whole page), and at both sizes axe-core (no serious or
     * critical violation, report in {@code target/test-artifacts/axe/}), no sideways scrolling, nothing sticking out
     * and no two pieces of text or controls overlapping.
     */
    public Path screen(String name) {
        Path desktop = screenshot(name);
        List<String> problems = new ArrayList<>(layoutProblems());
        Axe.check(driver, name);
        asPhone(() -> {
            screenshot(name + "-phone");
            problems.addAll(layoutProblems().stream().map(p -> "phone: " + p).toList());
            Axe.check(driver, name + "-phone");
        });
        if (!problems.isEmpty()) {
            throw new AssertionError("layout of " + name + ":\n  " + String.join("\n  ", problems));
        }
        return desktop;
    }

    /** Overlaps, sideways scrolling and pieces sticking out of the window, on the page as it is now. */
    @SuppressWarnings("unchecked")
    public List<String> layoutProblems() {
        return (List<String>) driver.executeScript(LAYOUT);
    }

    /** Runs {@code check} with the page laid out as on a phone ({@value #PHONE_WIDTH} px, as tall as the page). */
    public void asPhone(Runnable check) {
        try {
            phoneMetrics(812);
            Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
            phoneMetrics(Math.min(Math.max(height.intValue(), 812), 6000));
            check.run();
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            settle();
        }
    }

    private void phoneMetrics(int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", height, "deviceScaleFactor", 1, "mobile", true));
        settle();
    }

    // A relayout (and the account console's re-render on a media-query change) is not synchronous with the CDP call.
    private static void settle() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
