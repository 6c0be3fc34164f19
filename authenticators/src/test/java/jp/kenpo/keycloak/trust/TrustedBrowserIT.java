package jp.kenpo.keycloak.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kenpo.keycloak.pages.EmailKeyPage;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.PasswordChangePage;
import jp.kenpo.keycloak.pages.ReissuePage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testing.Axe;
import jp.kenpo.keycloak.testing.Chromium;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.MemberSession;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testing.Pause;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * このブラウザを信頼する on a real Keycloak: off by default; when the union turns it on, a browser the member
 * trusted skips the 暗証キー (never the password), only that browser; one browser holds the trusts of several
 * members; プロフィール設定 lists the trust (credential type {@value TrustedBrowserCredentialProvider#TYPE}) and
 * every revocation (its 削除, an admin's, 「信頼したブラウザをすべて解除」, a new password, 仮ログイン, a lockout)
 * ends it on every browser.
 */
@ExtendWith(KeycloakServerExtension.class)
class TrustedBrowserIT {

    private static final String PASSWORD = "Kenpo2026Tb";
    private static final String EMAIL_KEY = "kenpo-email-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer server;

    TrustedBrowserIT(KeycloakServer server) {
        this.server = server;
    }

    private record Member(String id, String loginId, String email) {
    }

    private Member newMember() {
        String loginId = Members.loginId("tb");
        String email = loginId + "@example.jp";
        return new Member(server.admin().createMember(loginId, email, PASSWORD), loginId, email);
    }

    private AdminApi.ConfigChange trustFor(int days) {
        return server.admin().changeExecutionConfig(EMAIL_KEY, Map.of(TrustedBrowserConfig.DAYS, Integer.toString(days)));
    }

    /** ログイン with ID and password from a browser's start; the page that follows (暗証キー, or the portal). */
    private Browser.Page password(Browser browser, Member member, String password) {
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
        return login.submit(member.loginId(), password);
    }

    private String keyFor(Member member, int before) {
        return server.mailbox().awaitKey(member.email(), before);
    }

    /** A full login with the key, ticking このブラウザを信頼する; then the browser is "closed" (only the trust cookie stays). */
    private Browser trustedBrowser(Member member) {
        return trust(new Browser(), member);
    }

    /** The member trusts {@code browser} (which may already hold other members' trusts). */
    private Browser trust(Browser browser, Member member) {
        int before = server.mailbox().count(member.email());
        Browser.Page afterPassword = password(browser, member, PASSWORD);
        EmailKeyPage keyPage = new EmailKeyPage(browser, afterPassword);
        assertNotNull(keyPage.trustOption(), () -> "the option is offered: " + afterPassword.status() + " " + afterPassword.uri()
                + "\n" + afterPassword.document().text());
        Browser.Page portal = keyPage.submitTrusting(keyFor(member, before));
        assertTrue(portal.isPortalRedirect(), portal.uri() + "\n" + portal.document().text());
        assertNotNull(browser.cookie(TrustedBrowser.COOKIE), "the trust cookie is set");
        reopen(browser);
        return browser;
    }

    /** The member closes the browser: the login session ends, the long-lived trust cookie stays. */
    private static void reopen(Browser browser) {
        browser.forgetCookiesExcept(TrustedBrowser.COOKIE);
    }

    private void assertKeyAsked(Browser browser, Member member, String why) {
        Browser.Page next = password(browser, member, PASSWORD);
        assertFalse(next.isPortalRedirect(), why + ": the key must be asked");
        new EmailKeyPage(browser, next);
    }

    private void assertKeySkipped(Browser browser, Member member) {
        Browser.Page next = password(browser, member, PASSWORD);
        assertTrue(next.isPortalRedirect(), "a trusted browser skips the key: " + next.uri() + "\n" + next.document().text());
        reopen(browser);
    }

    @Test
    void offByDefaultTheOptionIsNotShownAndNoCookieIsSet() {
        Member member = newMember();
        Browser browser = new Browser();
        int before = server.mailbox().count(member.email());
        EmailKeyPage keyPage = new EmailKeyPage(browser, password(browser, member, PASSWORD));
        assertNull(keyPage.trustOption(), "off by default");
        assertFalse(keyPage.text().contains("このブラウザを信頼する"));
        // A hand-made form with the box ticked is ignored too.
        Browser.Page portal = keyPage.submitTrusting(keyFor(member, before));
        assertTrue(portal.isPortalRedirect());
        assertNull(browser.cookie(TrustedBrowser.COOKIE));
    }

    @Test
    void aTrustedBrowserSkipsTheKeyButNeverThePasswordAndOnlyThatBrowser() {
        Member member = newMember();
        try (AdminApi.ConfigChange on = trustFor(30)) {
            Browser probe = new Browser();
            EmailKeyPage offered = new EmailKeyPage(probe, password(probe, member, PASSWORD));
            assertEquals("このブラウザを信頼する（30日間 暗証キーを省略）", offered.trustOption());

            Browser trusted = trustedBrowser(member);
            int mails = server.mailbox().count(member.email());
            assertKeySkipped(trusted, member);
            assertEquals(mails, server.mailbox().count(member.email()), "no key mailed to a trusted browser");
            List<Map<String, Object>> logins = Pause.until(() -> server.admin().events(member.id()),
                    e -> e.stream().anyMatch(ev -> "LOGIN".equals(ev.get("type")) && "trusted_browser".equals(details(ev).get("kenpo_email_key"))));
            assertTrue(logins.stream().anyMatch(ev -> "skipped".equals(details(ev).get("kenpo_trusted_browser"))), logins.toString());
            assertFalse(logins.toString().contains(trusted.cookie(TrustedBrowser.COOKIE)), "the cookie never appears in an event");

            LoginPage wrong = new LoginPage(trusted, password(trusted, member, "Wrong2026Pw"));
            assertEquals("ログイン", wrong.title(), "the password is still checked");
            server.admin().clearBruteForce(member.id());

            assertKeyAsked(new Browser(), member, "another browser");

            // The cookie on another member's login: ignored (it is bound to its member).
            Member other = newMember();
            Browser shared = new Browser();
            shared.setCookie(TrustedBrowser.COOKIE, trusted.cookie(TrustedBrowser.COOKIE));
            assertKeyAsked(shared, other, "another member");
        }
    }

    @Test
    void aTamperedOrForeignCookieIsIgnored() {
        Member member = newMember();
        try (AdminApi.ConfigChange on = trustFor(30)) {
            Browser trusted = trustedBrowser(member);
            String cookie = trusted.cookie(TrustedBrowser.COOKIE);
            assertFalse(cookie.contains(TrustCookie.SEPARATOR), "one member, one entry: " + cookie);
            String[] parts = cookie.split("\\.");
            assertEquals(6, parts.length, cookie);

            Browser longer = new Browser();
            parts[1] = Long.toString(Long.parseLong(parts[1]) + 365L * 86_400);
            longer.setCookie(TrustedBrowser.COOKIE, String.join(".", parts));
            assertKeyAsked(longer, member, "expiry pushed out");
            assertNull(longer.cookie(TrustedBrowser.COOKIE), "an invalid cookie is removed");

            Browser expired = new Browser();
            parts[1] = "1000000000";
            expired.setCookie(TrustedBrowser.COOKIE, String.join(".", parts));
            assertKeyAsked(expired, member, "expired");

            Browser garbage = new Browser();
            garbage.setCookie(TrustedBrowser.COOKIE, "v2.9999999999.a2lk.AAAA.AAAA.AAAA");
            assertKeyAsked(garbage, member, "made up");

            Browser old = new Browser();
            old.setCookie(TrustedBrowser.COOKIE, "v1.9999999999.a2lk." + parts[5]);
            assertKeyAsked(old, member, "a cookie of the first format (before the trust became a credential)");

            assertKeySkipped(trusted, member);
        }
    }

    @Test
    void revokingAllTrustedBrowsersInTheProfileEndsTheTrustOnEveryBrowser() {
        Member member = newMember();
        try (AdminApi.ConfigChange on = trustFor(30)) {
            Browser first = trustedBrowser(member);
            Browser second = trustedBrowser(member);
            // Logged in on the first browser (its trust skips the key), the member opens 「信頼したブラウザをすべて解除」.
            Oidc.Authorization authorization = Oidc.authorization(server.realmUrl(), null);
            LoginPage login = new LoginPage(first, first.get(authorization.url()));
            assertTrue(login.submit(member.loginId(), PASSWORD).isPortalRedirect());
            Browser.Page revoke = first.get(Oidc.authorization(server.realmUrl(), null).url()
                    + "&kc_action=" + RevokeTrustedBrowsersActionFactory.ID);
            assertTrue(revoke.document().text().contains("信頼したブラウザをすべて解除"), revoke.document().text());
            Browser.Page done = first.post(revoke.document().getElementById("kenpo-trust-revoke-form").absUrl("action"), Map.of("revoke", ""));
            assertTrue(done.isPortalRedirect(), done.uri() + "\n" + done.document().text());
            assertNull(first.cookie(TrustedBrowser.COOKIE), "removed from this browser");

            reopen(first);
            assertKeyAsked(first, member, "this browser after 解除");
            assertKeyAsked(second, member, "the other browser after 解除");
        }
    }

    @Test
    void aNewPasswordEndsTheTrust() {
        Member member = newMember();
        try (AdminApi.ConfigChange on = trustFor(30)) {
            Browser trusted = trustedBrowser(member);
            assertEquals(204, server.admin().tryResetPassword(member.id(), PASSWORD).status(), "a new password (even the same text)");
            assertKeyAsked(trusted, member, "after a password change");
            assertEquals(List.of(), Pause.until(() -> trustCredentials(member), List::isEmpty),
                    "プロフィール設定 no longer lists a trust that no longer holds");
        }
    }

    @Test
    void aTemporaryLoginEndsTheTrustOnEveryBrowser() {
        Member member = newMember();
        try (AdminApi.ConfigChange on = trustFor(30)) {
            Browser trusted = trustedBrowser(member);
            // Someone with the member's mailbox asks for パスワード再発行 and logs in with the temporary password,
            // then leaves the password change: the old password still works, the trust does not.
            Browser other = new Browser();
            LoginPage login = new LoginPage(other, other.get(Oidc.authorization(server.realmUrl(), null).url()));
            int before = server.mailbox().count(member.email());
            assertTrue(new ReissuePage(other, other.get(login.forgotLink().absUrl("href"))).send(member.email()).isSentPage());
            var mail = server.mailbox().awaitNext(member.email(), before);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("仮パスワード：(\\S+)").matcher(mail.text());
            assertTrue(m.find(), mail.text());
            LoginPage temporaryLogin = new LoginPage(other, other.get(mail.link()));
            new PasswordChangePage(other, temporaryLogin.submit(member.loginId(), m.group(1)));

            assertKeyAsked(trusted, member, "after 仮ログイン");
            assertEquals(List.of(), trustCredentials(member), "the trust credential is gone");
        }
    }

    @Test
    void aLockoutEndsTheTrust() {
        Member member = newMember();
        try (AdminApi.ConfigChange on = trustFor(30)) {
            Browser trusted = trustedBrowser(member);
            assertEquals(1, trustCredentials(member).size());
            Browser attacker = new Browser();
            for (int i = 0; i < 12 && !Boolean.TRUE.equals(server.admin().bruteForceStatus(member.id()).get("disabled")); i++) {
                password(attacker, member, "Wrong2026Pw" + i);
            }
            assertEquals(Boolean.TRUE, Pause.until(() -> server.admin().bruteForceStatus(member.id()).get("disabled"), Boolean.TRUE::equals));
            assertEquals(List.of(), Pause.until(() -> trustCredentials(member), List::isEmpty), "the lockout revoked every trust");
            server.admin().clearBruteForce(member.id());
            assertKeyAsked(trusted, member, "after a lockout");
        }
    }

    @Test
    void theProfileListsTheTrustAndDeletingItThereEndsItOnEveryBrowser() {
        Member member = newMember();
        try (AdminApi.ConfigChange on = trustFor(30)) {
            Browser first = trustedBrowser(member);
            Browser second = trustedBrowser(member);
            assertEquals(1, trustCredentials(member).size(), "one credential per member, however many browsers");

            String token = accessToken(first, member);
            reopen(first);
            Map<String, Object> type = trustedBrowserType(signingIn(token));
            assertNotNull(type, "ログイン設定 lists 信頼したブラウザ: " + signingIn(token));
            assertEquals(TrustedBrowserCredentialProvider.DISPLAY_NAME, type.get("displayName"));
            assertEquals(TrustedBrowserCredentialProvider.HELP_TEXT, type.get("helptext"));
            assertEquals("two-factor", type.get("category"));
            assertEquals(Boolean.TRUE, type.get("removeable"), "with a 削除 button");
            assertNull(type.get("createAction"), "nothing to set up there: a trust is made at the 暗証キー screen");
            assertNull(type.get("updateAction"));
            List<Map<String, Object>> entries = entries(type);
            assertEquals(1, entries.size(), entries.toString());
            assertEquals("信頼したブラウザ（すべて）", entries.get(0).get("userLabel"));
            assertNull(entries.get(0).get("secretData"), "the secret never leaves the server");

            String deadEntry = second.cookie(TrustedBrowser.COOKIE);
            // 削除 (the account REST API the console uses) ends the trust on both browsers.
            HttpResponse<String> deleted = send("DELETE", server.realmUrl() + "/account/credentials/" + entries.get(0).get("id"), token);
            assertEquals(204, deleted.statusCode(), deleted.body());
            assertNull(trustedBrowserType(signingIn(token)), "nothing left to list");
            assertKeyAsked(first, member, "this browser after 削除");
            assertKeyAsked(second, member, "the other browser after 削除");

            // Trusting again makes a new trust; the deleted one stays dead.
            Browser again = trustedBrowser(member);
            assertKeySkipped(again, member);
            Browser stale = new Browser();
            stale.setCookie(TrustedBrowser.COOKIE, deadEntry);
            assertKeyAsked(stale, member, "an entry of the deleted trust");
        }
    }

    @Test
    void aMemberWhoNeverTrustedABrowserDoesNotSeeTheType() {
        Member member = newMember();
        try (AdminApi.ConfigChange on = trustFor(30)) {
            MemberSession session = MemberSession.login(server, member.loginId(), PASSWORD, member.email());
            List<Map<String, Object>> types = signingIn(session.accessToken());
            assertNull(trustedBrowserType(types), types.toString());
            assertTrue(types.stream().anyMatch(t -> "password".equals(t.get("type"))), "the list itself is there: " + types);
        }
    }

    @Test
    void theSigningInPageOffersNoAuthenticatorAppTheLoginWouldNeverAskFor() {
        // The 暗証キー step reports failures in Keycloak's otp category (for the brute-force protector), so the console
        // lists that type; with CONFIGURE_TOTP off it offers no set-up a member could do in vain.
        Member member = newMember();
        MemberSession session = MemberSession.login(server, member.loginId(), PASSWORD, member.email());
        List<Map<String, Object>> types = signingIn(session.accessToken());
        assertTrue(types.stream().noneMatch(t -> t.get("createAction") != null
                && List.of("otp", "recovery-authn-codes").contains(t.get("type"))), types.toString());
    }

    @Test
    void anAdminDeletingTheTrustInTheCredentialsTabEndsIt() {
        Member member = newMember();
        try (AdminApi.ConfigChange on = trustFor(30)) {
            Browser trusted = trustedBrowser(member);
            List<Map<String, Object>> credentials = trustCredentials(member);
            assertEquals(1, credentials.size());
            assertNull(credentials.get(0).get("secretData"), "the admin API does not show the secret either");
            HttpResponse<String> deleted = send("DELETE", server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users/"
                    + member.id() + "/credentials/" + credentials.get(0).get("id"), server.admin().token());
            assertEquals(204, deleted.statusCode(), deleted.body());
            assertKeyAsked(trusted, member, "after the admin's 削除");
        }
    }

    @Test
    void oneBrowserHoldsTheTrustOfSeveralMembersEachEntryOnItsOwn() {
        Member mother = newMember();
        Member son = newMember();
        try (AdminApi.ConfigChange on = trustFor(30)) {
            Browser shared = trustedBrowser(mother);
            String motherEntry = shared.cookie(TrustedBrowser.COOKIE);
            trust(shared, son);
            String both = shared.cookie(TrustedBrowser.COOKIE);
            List<String> entries = List.of(both.split(TrustCookie.SEPARATOR));
            assertEquals(2, entries.size(), both);
            assertEquals(motherEntry, entries.get(1), "the first member's entry stays as it was; the newest comes first");
            for (Member m : List.of(mother, son)) {
                assertFalse(both.contains(m.id()) || both.contains(m.loginId()), "the cookie names nobody: " + both);
            }
            assertKeySkipped(shared, mother);
            assertKeySkipped(shared, son);
            assertEquals(both, shared.cookie(TrustedBrowser.COOKIE), "skipping changes nothing");

            // The son ends his trusts (「信頼したブラウザをすべて解除」): his entry goes, his mother's stays.
            assertTrue(password(shared, son, PASSWORD).isPortalRedirect());
            Browser.Page revoke = shared.get(Oidc.authorization(server.realmUrl(), null).url() + "&kc_action=" + RevokeTrustedBrowsersActionFactory.ID);
            Browser.Page done = shared.post(revoke.document().getElementById("kenpo-trust-revoke-form").absUrl("action"), Map.of("revoke", ""));
            assertTrue(done.isPortalRedirect(), done.uri() + "\n" + done.document().text());
            assertEquals(motherEntry, shared.cookie(TrustedBrowser.COOKIE), "only the son's entry was removed");
            reopen(shared);
            assertKeySkipped(shared, mother);
            assertKeyAsked(shared, son, "after his 解除");
            reopen(shared);
            trust(shared, son);
            entries = List.of(shared.cookie(TrustedBrowser.COOKIE).split(TrustCookie.SEPARATOR));
            assertEquals(2, entries.size());

            // Someone alters the mother's entry: only that entry is dropped, the son's stays and holds.
            String[] parts = entries.get(1).split("\\.");
            parts[1] = Long.toString(Long.parseLong(parts[1]) + 86_400);
            shared.setCookie(TrustedBrowser.COOKIE, entries.get(0) + TrustCookie.SEPARATOR + String.join(".", parts));
            assertKeyAsked(shared, mother, "her altered entry");
            assertEquals(entries.get(0), shared.cookie(TrustedBrowser.COOKIE), "only the altered entry was dropped");
            reopen(shared);
            assertKeySkipped(shared, son);
        }
    }

    @Test
    void theAccountConsoleShowsTrustedBrowsersInJapanese() {
        Member member = newMember();
        try (AdminApi.ConfigChange on = trustFor(30); Chromium chromium = new Chromium("ja")) {
            trustedBrowser(member);
            ChromeDriver driver = chromium.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(server.realmUrl() + "/account/account-security/signing-in");
            wait.until(d -> !d.findElements(By.id("kc-form-login")).isEmpty());
            driver.findElement(By.id("username")).sendKeys(member.loginId());
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            int before = server.mailbox().count(member.email());
            driver.findElement(By.id("kc-login")).click();
            wait.until(d -> !d.findElements(By.id("kc-email-key-form")).isEmpty());
            driver.findElement(By.id("emailKey")).sendKeys(keyFor(member, before));
            driver.findElement(By.id("kc-login")).click();
            By title = By.cssSelector("[data-testid='" + TrustedBrowserCredentialProvider.TYPE + "/title']");
            wait.until(d -> !d.findElements(title).isEmpty());
            assertEquals("信頼したブラウザ", driver.findElement(title).getText());
            String help = driver.findElement(By.cssSelector("[data-testid='" + TrustedBrowserCredentialProvider.TYPE + "/help-text']")).getText();
            assertTrue(help.contains("削除すると、信頼したすべてのブラウザで解除され"), help);
            String list = driver.findElement(By.cssSelector("[data-testid='" + TrustedBrowserCredentialProvider.TYPE + "/credential-list']")).getText();
            assertTrue(list.contains("信頼したブラウザ（すべて）") && list.contains("削除"), list);
            // As Chromium.screen, limited to what the pack puts on this page: Keycloak's own console has findings
            // of its own on it (its collapsed navigation's links counted over the content, see ours(); on the
            // phone, the "set up" menu of other credential types is a button with no name, axe button-name).
            // The 信頼したブラウザ entry has neither (no link, nothing to set up).
            String name = "trusted-browser-01-account-signing-in";
            chromium.screenshot(name);
            assertEquals(List.of(), ours(chromium.layoutProblems()), "desktop layout");
            Axe.check(driver, name);
            chromium.asPhone(() -> {
                chromium.screenshot(name + "-phone");
                assertEquals(List.of(), ours(chromium.layoutProblems()), "phone layout");
                List<String> blocking = Axe.blockingViolations(driver, name + "-phone").stream()
                        .filter(v -> !(v.startsWith("critical button-name:")
                                && List.of(v.substring(v.indexOf(" at ") + 4).split(", ")).stream().allMatch(t -> consolesOwnMenuToggle(driver, t))))
                        .toList();
                assertEquals(List.of(), blocking, "axe on the phone (report: target/test-artifacts/axe/" + name + "-phone.json)");
            });
        }
    }

    /** True when every element axe names by {@code selector} is a menu toggle of the console outside the 信頼したブラウザ entry. */
    private static boolean consolesOwnMenuToggle(org.openqa.selenium.WebDriver driver, String selector) {
        List<org.openqa.selenium.WebElement> found = driver.findElements(By.cssSelector(selector));
        return !found.isEmpty() && found.stream().allMatch(e -> String.valueOf(e.getDomAttribute("class")).contains("pf-v5-c-menu-toggle")
                && e.findElements(By.xpath("ancestor::*[@data-testid='" + TrustedBrowserCredentialProvider.TYPE + "/credential-list']")).isEmpty());
    }

    /**
     * The layout problems that touch the 信頼したブラウザ entry (its title, help, label or button), but not those
     * the layout check reports for a link: the entry has none, and the console's collapsed navigation (links
     * such as アプリケーション, not drawn in the screenshots) is counted over whatever content sits at its height.
     */
    private static List<String> ours(List<String> problems) {
        return problems.stream().filter(p -> !p.startsWith("a \"")).filter(p -> p.contains("信頼したブラウザ")
                || p.contains("このブラウザを信頼する") || p.contains(TrustedBrowserCredentialProvider.TYPE)).toList();
    }

    /** The member's trusted-browser credentials as the admin console's Credentials tab lists them. */
    private List<Map<String, Object>> trustCredentials(Member member) {
        List<Map<String, Object>> all = server.admin().get("/realms/" + KeycloakServer.REALM + "/users/" + member.id() + "/credentials",
                new TypeReference<>() { });
        return all.stream().filter(c -> TrustedBrowserCredentialProvider.TYPE.equals(c.get("type"))).toList();
    }

    /** A login from {@code browser} through the portal, its tokens (the account REST API accepts the access token). */
    private String accessToken(Browser browser, Member member) {
        Oidc.Authorization authorization = Oidc.authorization(server.realmUrl(), null);
        LoginPage login = new LoginPage(browser, browser.get(authorization.url()));
        Browser.Page next = login.submit(member.loginId(), PASSWORD);
        assertTrue(next.isPortalRedirect(), "a trusted browser: " + next.uri() + "\n" + next.document().text());
        return (String) Oidc.exchange(server.realmUrl(), Oidc.query(next.uri()).get("code"), authorization.verifier()).get("access_token");
    }

    private static HttpResponse<String> send(String method, String url, String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** プロフィール設定's ログイン設定 as the account REST API gives it: the credential types the console shows. */
    private List<Map<String, Object>> signingIn(String token) {
        HttpResponse<String> response = send("GET", server.realmUrl() + "/account/credentials", token);
        assertEquals(200, response.statusCode(), response.body());
        try {
            return JSON.readValue(response.body(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> trustedBrowserType(List<Map<String, Object>> types) {
        return types.stream().filter(t -> TrustedBrowserCredentialProvider.TYPE.equals(t.get("type"))).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> type) {
        return ((List<Map<String, Object>>) type.get("userCredentialMetadatas")).stream()
                .map(m -> (Map<String, Object>) m.get("credential")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> event) {
        Object details = event.get("details");
        return details == null ? Map.of() : (Map<String, Object>) details;
    }
}
