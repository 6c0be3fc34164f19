package jp.kenpo.keycloak.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's axe.min.js, from the {@code com.deque.html.axe-core:selenium} jar) run in the page Chromium
 * shows: WCAG 2.1 A/AA rules and axe's best practices. The full report of each screen goes to
 * {@code target/test-artifacts/axe/<screen>.json}; {@link #check} fails on any serious or critical violation.
 */
public final class Axe {

    private static final String SOURCE = load();

    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations', 'incomplete'] }).then(function (r) {
              var blocking = r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                .map(function (v) {
                  return v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
                });
              done({ report: JSON.stringify({ url: r.url, violations: r.violations, incomplete: r.incomplete }, null, 1), blocking: blocking });
            }, function (e) { done({ report: '', blocking: ['axe failed: ' + e] }); });
            """;

    private Axe() {
    }

    /** Runs axe on the current page, writes the report as {@code name}.json and returns the serious/critical ones. */
    @SuppressWarnings("unchecked")
    public static List<String> blockingViolations(WebDriver driver, String name) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SOURCE);
        }
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(RUN);
        Path dir = Path.of(System.getProperty("kenpo.artifacts.dir", "target/test-artifacts")).resolve("axe");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".json"), (String) result.get("report"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (List<String>) result.get("blocking");
    }

    /** Fails when axe finds a serious or critical violation on the current page. */
    public static void check(WebDriver driver, String name) {
        List<String> blocking = blockingViolations(driver, name);
        if (!blocking.isEmpty()) {
            throw new AssertionError("axe-core: " + blocking.size() + " serious/critical violation(s) on " + name
                    + " (report: target/test-artifacts/axe/" + name + ".json)\n  " + String.join("\n  ", blocking));
        }
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
