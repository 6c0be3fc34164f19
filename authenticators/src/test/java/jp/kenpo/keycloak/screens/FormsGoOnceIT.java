package jp.kenpo.keycloak.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jp.kenpo.keycloak.emailkey.EmailKeyConfig;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.MemberInChromium;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testing.Pause;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Members who double-click (many do, and more of the older ones) send each form once: the second press must not reach
 * Keycloak with the step's old code and turn the next screen into 「有効期限が切れました」. Checked in Chromium on the
 * screens whose buttons carry a value the server reads (送信, 暗証キー再請求, 新規利用登録) and on ログイン.
 */
class FormsGoOnceIT extends MemberInChromium {

    private static final String PASSWORD = "Kenpo2026ab";

    FormsGoOnceIT(KeycloakServer server) {
        super(server);
    }

    @Test
    void aDoubleClickOnTheReissueButtonShowsTheSentPage() {
        String loginId = Members.loginId("twice");
        String email = loginId + "@example.jp";
        server.admin().createMember(loginId, email, PASSWORD);
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("kenpo-forgot")).click();
        chromium.waitFor(By.id("kenpo-reissue-form"));
        driver.findElement(By.id("reissueEmail")).sendKeys(email);

        doubleClickAndWaitForTheNextPage(By.id("kenpo-send-reissue"));
        assertEquals("パスワード再発行", chromium.text("kc-page-title"));
        assertTrue(driver.findElements(By.id("kenpo-reissue-sent-notes")).size() == 1,
                "the sent page, not " + chromium.text("kc-page-title") + ": " + driver.getCurrentUrl());
    }

    @Test
    void aDoubleClickOnResendSendsOneKeyAndSaysSo() {
        String loginId = Members.loginId("twicekey");
        String email = loginId + "@example.jp";
        server.admin().createMember(loginId, email, PASSWORD);
        Mailbox mailbox = server.mailbox();
        // No wait between keys, so that a second press would be handled (a second key, or 「前の操作をまだ処理しています」).
        try (AdminApi.ConfigChange noWait = server.admin().changeExecutionConfig("kenpo-email-key",
                Map.of(EmailKeyConfig.RESEND_INTERVAL_SECONDS, "0"))) {
            driver.get(Oidc.authorization(server.realmUrl(), null).url());
            driver.findElement(By.id("username")).sendKeys(loginId);
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("kc-login")).click();
            chromium.waitFor(By.id("kc-email-key-form"));
            mailbox.awaitKey(email, 0);

            doubleClickAndWaitForTheNextPage(By.id("kenpo-resend"));
            assertTrue(driver.findElements(By.id("kc-email-key-form")).size() == 1, pageText());
            assertTrue(pageText().contains("新しい暗証キーを送信しました。"), "the page says a new key went: " + pageText());
            // The key mail is sent while the request is handled, so it is in the mailbox by the time the page shows.
            assertEquals(2, mailbox.count(email), "the login's key and one new key");
            String key = mailbox.awaitKey(email, 1);
            Pause.pastQuickLoginCheck();
            driver.findElement(By.id("emailKey")).sendKeys(key);
            driver.findElement(By.id("kc-login")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(Oidc.REDIRECT_URI));
        }
    }

    @Test
    void aDoubleClickOnFirstLoginOpensTheRegistrationScreen() {
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        chromium.waitFor(By.id("kenpo-first-login"));

        doubleClickAndWaitForTheNextPage(By.id("kenpo-first-login"));
        assertEquals("新規利用登録", chromium.text("kc-page-title"), driver.getCurrentUrl());
        assertTrue(driver.findElements(By.id("kenpo-register-by-email")).size() == 1, pageText());
    }

    @Test
    void aDoubleClickOnLoginAsksForTheKey() {
        String loginId = Members.loginId("twicelogin");
        server.admin().createMember(loginId, loginId + "@example.jp", PASSWORD);
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("username")).sendKeys(loginId);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);

        doubleClickAndWaitForTheNextPage(By.id("kc-login"));
        assertEquals("暗証キー入力", chromium.text("kc-page-title"), driver.getCurrentUrl());
    }

    @Test
    void aPageShownAgainFromTheBrowsersHistoryCanBeSentAgain() {
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        chromium.waitFor(By.id("kenpo-first-login"));
        // Each submission is seen at the window, after the pack's guard, and kept from leaving the page; the page is then
        // shown as the browser shows a page it kept whole when the member goes back to it.
        Object seen = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                var form = document.getElementById('kenpo-first-login-form');
                var seen = [];
                window.addEventListener('submit', function (e) { seen.push(e.defaultPrevented ? 'held' : 'sent'); e.preventDefault(); });
                form.requestSubmit(document.getElementById('kenpo-first-login'));
                var marked = form.hasAttribute('data-kenpo-sending') && form.getAttribute('aria-busy') === 'true';
                form.requestSubmit(document.getElementById('kenpo-first-login'));
                window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
                var released = !form.hasAttribute('data-kenpo-sending') && !form.hasAttribute('aria-busy');
                form.requestSubmit(document.getElementById('kenpo-first-login'));
                return seen.join(' ') + ' ' + marked + ' ' + released;""");
        assertEquals("sent held sent true true", seen);
    }

    @Test
    void aFormSentAgainFromTheBackButtonSaysToGoOnFromHereAndThenGoes() {
        String email = Members.loginId("back") + "@example.jp";
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("kenpo-forgot")).click();
        chromium.waitFor(By.id("kenpo-reissue-form"));
        driver.findElement(By.id("reissueEmail")).sendKeys(email);
        driver.findElement(By.id("kenpo-send-reissue")).click();
        chromium.waitFor(By.id("kenpo-reissue-sent-notes"));

        driver.navigate().back();
        chromium.waitFor(By.id("kenpo-send-reissue"));
        driver.findElement(By.id("reissueEmail")).clear();
        driver.findElement(By.id("reissueEmail")).sendKeys(email);
        WebElement send = driver.findElement(By.id("kenpo-send-reissue"));
        send.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(send));
        chromium.waitFor(By.id("kenpo-send-reissue"));
        chromium.screen("40-sent-again-from-history");
        assertEquals("時間が経ったか、手続きが先に進んだため、その操作は受け付けられませんでした。この画面から、もう一度お進みください。",
                driver.findElement(By.cssSelector(".kc-feedback-text")).getText().trim(), pageText());

        driver.findElement(By.id("reissueEmail")).clear();
        driver.findElement(By.id("reissueEmail")).sendKeys(email);
        driver.findElement(By.id("kenpo-send-reissue")).click();
        chromium.waitFor(By.id("kenpo-reissue-sent-notes"));
    }

    private String pageText() {
        return driver.getCurrentUrl() + " | " + driver.findElement(By.tagName("body")).getText();
    }

    /** Two quick presses, as a member's double click gives; then waits until the page the browser settles on is shown. */
    private void doubleClickAndWaitForTheNextPage(By button) {
        WebElement pressed = driver.findElement(button);
        new Actions(driver).doubleClick(pressed).perform();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(pressed));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState"))
                        && !d.findElements(By.id("kc-page-title")).isEmpty());
    }
}
