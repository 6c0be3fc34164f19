package jp.kenpo.keycloak.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.pages.EmailKeyPage;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.PasswordChangePage;
import jp.kenpo.keycloak.pages.ReissuePage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testing.Pause;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * このブラウザを信頼する on a real Keycloak: off by default; when the union turns it on, a browser the member
 * trusted skips the 暗証キー (never the password), only that browser, and every revocation (プロフィール設定's
 * 「信頼したブラウザをすべて解除」, a new password, 仮ログイン, a lockout) ends it on every browser.
 */
@ExtendWith(KeycloakServerExtension.class)
class TrustedBrowserIT {

    private static final String PASSWORD = "Kenpo2026Tb";
    private static final String EMAIL_KEY = "kenpo-email-key";

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
        return server.mailbox().awaitNext(member.email(), before).emailKey();
    }

    /** A full login with the key, ticking このブラウザを信頼する; then the browser is "closed" (only the trust cookie stays). */
    private Browser trustedBrowser(Member member) {
        Browser browser = new Browser();
        int before = server.mailbox().count(member.email());
        EmailKeyPage keyPage = new EmailKeyPage(browser, password(browser, member, PASSWORD));
        assertNotNull(keyPage.trustOption(), "the option is offered");
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
            String[] parts = cookie.split("\\.");

            Browser longer = new Browser();
            longer.setCookie(TrustedBrowser.COOKIE, parts[0] + "." + (Long.parseLong(parts[1]) + 365L * 86_400) + "." + parts[2] + "." + parts[3]);
            assertKeyAsked(longer, member, "expiry pushed out");
            assertNull(longer.cookie(TrustedBrowser.COOKIE), "an invalid cookie is removed");

            Browser expired = new Browser();
            expired.setCookie(TrustedBrowser.COOKIE, parts[0] + ".1000000000." + parts[2] + "." + parts[3]);
            assertKeyAsked(expired, member, "expired");

            Browser garbage = new Browser();
            garbage.setCookie(TrustedBrowser.COOKIE, "v1.9999999999.a2lk.AAAA");
            assertKeyAsked(garbage, member, "made up");

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
        }
    }

    @Test
    void aLockoutEndsTheTrust() {
        Member member = newMember();
        try (AdminApi.ConfigChange on = trustFor(30)) {
            Browser trusted = trustedBrowser(member);
            String generation = attribute(member, MemberAttributes.TRUSTED_BROWSER_GENERATION);
            Browser attacker = new Browser();
            for (int i = 0; i < 12 && !Boolean.TRUE.equals(server.admin().bruteForceStatus(member.id()).get("disabled")); i++) {
                password(attacker, member, "Wrong2026Pw" + i);
            }
            assertEquals(Boolean.TRUE, Pause.until(() -> server.admin().bruteForceStatus(member.id()).get("disabled"), Boolean.TRUE::equals));
            assertNotEquals(generation, Pause.until(() -> attribute(member, MemberAttributes.TRUSTED_BROWSER_GENERATION),
                    g -> g != null && !g.equals(generation)), "the lockout revoked every trust");
            server.admin().clearBruteForce(member.id());
            assertKeyAsked(trusted, member, "after a lockout");
        }
    }

    @SuppressWarnings("unchecked")
    private String attribute(Member member, String name) {
        Map<String, Object> attributes = (Map<String, Object>) server.admin().user(member.id()).get("attributes");
        List<String> values = attributes == null ? null : (List<String>) attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> event) {
        Object details = event.get("details");
        return details == null ? Map.of() : (Map<String, Object>) details;
    }
}
