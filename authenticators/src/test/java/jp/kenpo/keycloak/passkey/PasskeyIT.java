package jp.kenpo.keycloak.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.pages.EmailKeyPage;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.PasswordChangePage;
import jp.kenpo.keycloak.pages.ReissuePage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.MemberInChromium;
import jp.kenpo.keycloak.testing.MemberSession;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testing.Pause;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.authenticators.browser.WebAuthnPasswordlessAuthenticatorFactory;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * パスキー on a real Keycloak with Chromium's virtual authenticator (a platform authenticator with user
 * verification, like Face ID or a fingerprint): the one-time suggestion after a login with the 暗証キー,
 * Keycloak's own registration, a login with the passkey alone from ログイン, the notice mails, the email
 * key as the fallback, removal in プロフィール設定 (the account REST API the console uses) and by union staff
 * (admin API), and the union's option 「ログインID＋パスワード＋パスキー」 (the passkey instead of the 暗証キー).
 *
 * <p>WebAuthn needs a secure context and a domain (not an IP address) as RP ID: Chromium browses the
 * server as {@code localhost}.
 */
class PasskeyIT extends MemberInChromium {

    private static final String PASSWORD = "Kenpo2026Pk";
    private static final String PASSKEY = "webauthn-passwordless";

    private final Mailbox mailbox;
    private VirtualAuthenticator authenticator;
    private AdminApi.ConfigChange suggestionOn;

    PasskeyIT(KeycloakServer server) {
        super(server);
        this.mailbox = server.mailbox();
    }

    private record Member(String id, String loginId, String email) {
    }

    @BeforeEach
    void open() {
        suggestionOn = server.admin().changeRequirement(PasskeySuggestionFactory.PROVIDER_ID, "REQUIRED");
        authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    @AfterEach
    void close() {
        // The browser is ChromiumExtension's (closed after this). If it failed to start, open() did not run: nothing to undo.
        if (suggestionOn != null) {
            suggestionOn.close();
        }
    }

    private String realmUrl() {
        return server.realmUrl().replace("//127.0.0.1:", "//localhost:");
    }

    private Member newMember() {
        String loginId = Members.loginId("pk");
        String email = loginId + "@example.jp";
        return new Member(server.admin().createMember(loginId, email, PASSWORD), loginId, email);
    }

    /** A member with a second registered address (メールアドレス2). */
    private Member newMember(String secondAddress) {
        String loginId = Members.loginId("pk");
        String email = loginId + "@example.jp";
        return new Member(server.admin().createMember(loginId, email, PASSWORD, Map.of(MemberAttributes.EMAIL_2, List.of(secondAddress))), loginId, email);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** ログイン with ID and password, then the 暗証キー from the mail, in Chromium. */
    private void loginWithEmailKey(Member member) {
        driver.get(Oidc.authorization(realmUrl(), null).url());
        waiting().until(d -> !d.findElements(By.id("kc-form-login")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(member.loginId());
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        int before = mailbox.count(member.email());
        driver.findElement(By.id("kc-login")).click();
        waiting().until(d -> !d.findElements(By.id("kc-email-key-form")).isEmpty());
        driver.findElement(By.id("emailKey")).sendKeys(mailbox.awaitKey(member.email(), before));
        driver.findElement(By.id("kc-login")).click();
    }

    private void awaitPortal() {
        waiting().until(d -> d.getCurrentUrl().startsWith(Oidc.REDIRECT_URI));
        assertTrue(driver.getCurrentUrl().contains("code="), driver.getCurrentUrl());
    }

    /**
     * The suggestion after the key, 登録する, then Keycloak's passkey registration with the virtual authenticator;
     * returns the notice mail once it has arrived (it is sent after the registration commits, so a later step
     * counting mails must not race it).
     */
    private Mailbox.Mail registerPasskeyAfterLogin(Member member, boolean screenshots) {
        loginWithEmailKey(member);
        waiting().until(d -> !d.findElements(By.id("kenpo-passkey-suggestion-form")).isEmpty());
        assertEquals("パスキーのご案内", text("kc-page-title"));
        assertTrue(driver.getPageSource().contains("次回からパスキーで簡単・安全にログインできます"));
        assertEquals("今はしない", text("kenpo-passkey-later"));
        if (screenshots) {
            chromium.screen("passkey-01-suggestion");
        }
        driver.findElement(By.id("kenpo-passkey-register")).click();
        waiting().until(d -> !d.findElements(By.id("registerWebAuthn")).isEmpty());
        assertEquals("パスキーの登録", text("kc-page-title"));
        if (screenshots) {
            chromium.screen("passkey-02-register");
        }
        driver.findElement(By.id("registerWebAuthn")).click();
        acceptLabelPrompt();
        awaitPortal();
        assertEquals(1, authenticator.getCredentials().size(), "the virtual authenticator holds the passkey");
        List<Mailbox.Mail> notices = Pause.until(() -> mailsWithSubject(member.email(), "パスキーが登録されました"), m -> !m.isEmpty());
        assertFalse(notices.isEmpty(), "the passkey notice mail arrives");
        return notices.get(0);
    }

    /** The member comes back later: the login session is gone (the portal's address answers nothing here, so cookies are cleared through DevTools). */
    private void newVisit() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Keycloak's registration may ask for the passkey's name in a prompt: the suggested name is kept. */
    private void acceptLabelPrompt() {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            try {
                Alert prompt = driver.switchTo().alert();
                prompt.accept();
                return;
            } catch (NoAlertPresentException e) {
                try {
                    if (driver.getCurrentUrl().startsWith(Oidc.REDIRECT_URI)) {
                        return;
                    }
                } catch (UnhandledAlertException opened) {
                    continue; // the prompt opened just now: accept it on the next turn
                }
                Pause.millis(200);
            }
        }
    }

    private List<Map<String, Object>> credentials(Member member) {
        return server.admin().get("/realms/" + KeycloakServer.REALM + "/users/" + member.id() + "/credentials", new TypeReference<>() { });
    }

    private long passkeys(Member member) {
        return credentials(member).stream().filter(c -> PASSKEY.equals(c.get("type"))).count();
    }

    @Test
    void aMemberRegistersAPasskeyAfterTheEmailKeyAndLogsInWithItAlone() {
        Member member = newMember();
        Mailbox.Mail notice = registerPasskeyAfterLogin(member, true);
        assertEquals(1, passkeys(member));
        assertTrue(notice.text().contains(member.loginId()), notice.text());
        assertTrue(notice.subject().contains("サンプル健康保険組合"), notice.subject());

        // Next time: ログイン offers the passkey (conditional UI); no password, no key mail. Chromium's virtual
        // authenticator answers the conditional request at once, where a member picks the passkey at the
        // ログインID field; 「パスキーでログイン」 asks for it directly.
        newVisit();
        int mails = mailbox.count(member.email());
        driver.get(Oidc.authorization(realmUrl(), null).url());
        waiting().until(d -> d.getCurrentUrl().startsWith(Oidc.REDIRECT_URI) || !d.findElements(By.id("kc-form-login")).isEmpty());
        if (!driver.getCurrentUrl().startsWith(Oidc.REDIRECT_URI)) {
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().startsWith(Oidc.REDIRECT_URI));
            } catch (org.openqa.selenium.TimeoutException e) {
                driver.findElement(By.id("authenticateWebAuthnButton")).click();
            }
        }
        awaitPortal();
        Map<String, String> query = Oidc.query(java.net.URI.create(driver.getCurrentUrl()));
        assertTrue(query.get("code") != null && !query.get("code").isEmpty());
        assertEquals(mails, mailbox.count(member.email()), "no 暗証キー mailed for a passkey login");
        List<Map<String, Object>> logins = Pause.until(() -> server.admin().events(member.id()),
                e -> e.stream().filter(ev -> "LOGIN".equals(ev.get("type"))).count() >= 2);
        assertTrue(logins.stream().filter(ev -> "LOGIN".equals(ev.get("type"))).count() >= 2, logins.toString());
    }

    @Test
    void withAPasskeyTheEmailKeyRemainsAndRemovingThePasskeyInTheProfileEndsIt() {
        Member member = newMember();
        registerPasskeyAfterLogin(member, false);

        // A password reissue by union IT (a new password) leaves the passkey.
        assertEquals(204, server.admin().tryResetPassword(member.id(), PASSWORD).status());
        assertEquals(1, passkeys(member));

        // ID + password + 暗証キー still works, from any browser.
        Browser other = new Browser();
        int before = mailbox.count(member.email());
        EmailKeyPage keyPage = new EmailKeyPage(other, new LoginPage(other, other.get(Oidc.authorization(server.realmUrl(), null).url()))
                .submit(member.loginId(), PASSWORD));
        assertTrue(keyPage.submit(mailbox.awaitKey(member.email(), before)).isPortalRedirect(),
                "the email key is the fallback, and the suggestion is not shown to a member with a passkey");

        // プロフィール設定 lists the passkey and removes it (the console's 削除 opens Keycloak's delete_credential action).
        MemberSession session = MemberSession.login(server, member.loginId(), PASSWORD, member.email());
        String credentialId = session.passkeyCredentialIds().get(0);
        Browser console = session.browser();
        Browser.Page confirm = console.get(Oidc.authorization(server.realmUrl(), null).url() + "&kc_action=delete_credential:" + credentialId);
        assertTrue(confirm.document().text().contains("パスキー"), confirm.document().text());
        Browser.Page done = console.post(confirm.document().select("form").last().absUrl("action"), Map.of("accept", ""));
        assertTrue(done.isPortalRedirect(), done.uri() + "\n" + done.document().text());
        assertEquals(0, passkeys(member));
        Pause.until(() -> mailbox.to(member.email()).stream().anyMatch(m -> m.subject().contains("パスキーが削除されました")), found -> found);

        // The removed passkey no longer logs in: Chromium offers it again and again, Keycloak refuses it each time.
        long logins = logins(member);
        newVisit();
        driver.get(Oidc.authorization(realmUrl(), null).url());
        Pause.millis(8_000);
        assertEquals(logins, logins(member), "a removed passkey must not log in");
        authenticator.removeAllCredentials();
    }

    private long logins(Member member) {
        return server.admin().events(member.id()).stream().filter(e -> "LOGIN".equals(e.get("type"))).count();
    }

    @Test
    void notNowIsRememberedAndTheSuggestionDoesNotComeBack() {
        Member member = newMember();
        driver.get(Oidc.authorization(realmUrl(), null).url());
        waiting().until(d -> !d.findElements(By.id("kc-form-login")).isEmpty());
        assertEquals("username webauthn", driver.findElement(By.id("username")).getDomAttribute("autocomplete"),
                "conditional UI: the browser offers passkeys at the ログインID field");
        assertEquals("パスキーでログイン", text("authenticateWebAuthnButton"));
        chromium.screen("passkey-03-login");

        loginWithEmailKey(member);
        waiting().until(d -> !d.findElements(By.id("kenpo-passkey-suggestion-form")).isEmpty());
        driver.findElement(By.id("kenpo-passkey-later")).click();
        awaitPortal();
        assertEquals(0, passkeys(member));

        newVisit();
        loginWithEmailKey(member);
        awaitPortal();
    }

    // ---- union staff remove a passkey (admin console → Users → Credentials → Delete) ----

    private List<Mailbox.Mail> mailsWithSubject(String address, String subject) {
        return mailbox.to(address).stream().filter(m -> m.subject().contains(subject)).toList();
    }

    @Test
    void whenUnionStaffDeleteAPasskeyEveryAddressOfTheMemberIsToldAndOtherCredentialsTellNothing() {
        String second = Members.loginId("pk2") + "@example.jp";
        Member member = newMember(second);
        registerPasskeyAfterLogin(member, false);
        assertEquals(1, Pause.until(() -> mailsWithSubject(second, "パスキーが登録されました").size(), n -> n == 1), "every address");
        String passkeyId = credentials(member).stream().filter(c -> PASSKEY.equals(c.get("type")))
                .map(c -> (String) c.get("id")).findFirst().orElseThrow();
        String passwordId = credentials(member).stream().filter(c -> "password".equals(c.get("type")))
                .map(c -> (String) c.get("id")).findFirst().orElseThrow();

        // Keycloak calls the listener with admin events whether or not the realm stores them: off for this test.
        Map<String, Object> realm = server.admin().realm();
        Object stored = realm.get("adminEventsEnabled");
        server.admin().updateRealm(Map.of("adminEventsEnabled", false));
        try {
            assertEquals(204, server.admin().deleteCredential(member.id(), passwordId).status(), "a password: no passkey notice");
            assertEquals(204, server.admin().deleteCredential(member.id(), passkeyId).status());
        } finally {
            server.admin().updateRealm(Map.of("adminEventsEnabled", stored));
        }
        assertEquals(0, passkeys(member));

        for (String address : List.of(member.email(), second)) {
            Mailbox.Mail notice = Pause.until(() -> mailsWithSubject(address, "当組合でパスキーを削除しました"), l -> !l.isEmpty()).get(0);
            assertTrue(notice.subject().startsWith("【サンプル健康保険組合】"), notice.subject());
            for (String body : List.of(notice.text(), notice.html())) {
                assertTrue(body.contains("パスキー削除のお知らせ"), body);
                assertTrue(body.contains("ログインID「" + member.loginId() + "」に登録されていたパスキーを、当組合の担当者が削除しました。"), body);
                assertTrue(body.contains("お心当たりがない場合は、すぐにサンプル健康保険組合へご連絡ください。"), body);
                assertTrue(body.contains("（日本時間）"), body);
            }
            assertFalse(notice.text().contains("」のパスキーが削除されました。"), "not the wording of a member's own removal");
        }
        // One notice per address; the deleted password (deleted first) queued none, nor did any other step.
        for (String address : List.of(member.email(), second)) {
            assertEquals(1, mailsWithSubject(address, "パスキー").stream().filter(m -> m.subject().contains("削除")).count(),
                    mailbox.to(address).stream().map(Mailbox.Mail::subject).toList().toString());
        }
    }

    // ---- the union's option: ID + password + passkey instead of the 暗証キー ----

    private static final String PASSKEY_STEP = WebAuthnPasswordlessAuthenticatorFactory.PROVIDER_ID;
    private static final Pattern TEMPORARY = Pattern.compile("ログインID：(\\S+)\\s+仮パスワード：(\\S+)");

    /**
     * A new visit to ログイン, ID and password typed and sent. The virtual authenticator lends out no passkey meanwhile
     * (Chromium's would otherwise answer the browser's passkey offer at the ログインID field at once and log in without
     * the password, as whoever's passkey it holds); the passkeys it held are returned, to put back.
     */
    private List<Credential> submitPassword(Member member) {
        newVisit();
        List<Credential> held = authenticator.getCredentials();
        authenticator.removeAllCredentials();
        driver.get(Oidc.authorization(realmUrl(), null).url());
        waiting().until(d -> !d.findElements(By.id("kc-form-login")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(member.loginId());
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        return held;
    }

    private void awaitPasskeyStep() {
        waiting().until(d -> !d.findElements(By.id("kc-page-title")).isEmpty() && "パスキーで本人確認".equals(text("kc-page-title")));
    }

    private void awaitEmailKeyForm() {
        waiting().until(d -> !d.findElements(By.id("kc-email-key-form")).isEmpty());
    }

    private void typeKey(Member member, int mailsBefore) {
        driver.findElement(By.id("emailKey")).sendKeys(mailbox.awaitKey(member.email(), mailsBefore));
        driver.findElement(By.id("kc-login")).click();
    }

    @Test
    void withTheUnionsOptionAMemberWithAPasskeyConfirmsWithItAfterThePasswordAndCanStillChooseTheEmailKey() {
        Member member = newMember();
        registerPasskeyAfterLogin(member, false);

        // Option off (as shipped): the passkey holder who types ID and password gets the 暗証キー, as before.
        int before = mailbox.count(member.email());
        List<Credential> held = submitPassword(member);
        awaitEmailKeyForm();
        assertTrue(driver.findElements(By.id("try-another-way")).isEmpty(), "no other way while the option is off");
        typeKey(member, before);
        awaitPortal();
        held.forEach(authenticator::addCredential);

        try (AdminApi.ConfigChange option = server.admin().changeRequirement(PASSKEY_STEP, "ALTERNATIVE")) {
            // Option on: password, then the passkey (Face ID, fingerprint, PIN); no key mail.
            int mails = mailbox.count(member.email());
            held = submitPassword(member);
            awaitPasskeyStep();
            assertEquals("パスキーでログイン", text("authenticateWebAuthnButton"));
            assertEquals("別の方法でログインする", text("try-another-way"));
            chromium.screen("passkey-04-instead-of-key");
            held.forEach(authenticator::addCredential);
            driver.findElement(By.id("authenticateWebAuthnButton")).click();
            awaitPortal();
            assertEquals(mails, mailbox.count(member.email()), "no 暗証キー mailed when the passkey confirms the password");

            // The 暗証キー stays: 「別の方法でログインする」 → ログイン方法 → 暗証キー.
            held = submitPassword(member);
            awaitPasskeyStep();
            int keyMails = mailbox.count(member.email());
            driver.findElement(By.id("try-another-way")).click();
            waiting().until(d -> "ログイン方法を選んでください".equals(text("kc-page-title")));
            List<WebElement> ways = driver.findElements(By.cssSelector("[role=button]"));
            String listed = ways.stream().map(WebElement::getText).toList().toString();
            assertTrue(ways.stream().anyMatch(w -> w.getText().contains("パスキー") && w.getText().contains("顔認証")), listed);
            assertTrue(ways.stream().anyMatch(w -> w.getText().contains("暗証キー") && w.getText().contains("メールアドレスに届く")), listed);
            chromium.screen("passkey-05-choose-way");
            ways.stream().filter(w -> w.getText().contains("暗証キー")).findFirst().orElseThrow().click();
            awaitEmailKeyForm();
            assertEquals("別の方法でログインする", text("try-another-way"), "and back to the passkey from there");
            typeKey(member, keyMails);
            awaitPortal();
            held.forEach(authenticator::addCredential);

            // A member without a passkey gets the 暗証キー as before, with no other way offered.
            Member without = newMember();
            int withoutBefore = mailbox.count(without.email());
            held = submitPassword(without);
            awaitEmailKeyForm();
            assertTrue(driver.findElements(By.id("try-another-way")).isEmpty(), "nothing else to choose");
            typeKey(without, withoutBefore);
            waiting().until(d -> !d.findElements(By.id("kenpo-passkey-suggestion-form")).isEmpty());
            driver.findElement(By.id("kenpo-passkey-later")).click();
            awaitPortal();
            held.forEach(authenticator::addCredential);

            // 仮ログイン never asks for the passkey: the temporary password came by mail (the key would prove nothing
            // more, and a passkey is not asked instead).
            Browser browser = new Browser();
            LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
            int reissueBefore = mailbox.count(member.email());
            assertTrue(new ReissuePage(browser, browser.get(login.forgotLink().absUrl("href"))).send(member.email()).isSentPage());
            Mailbox.Mail reissue = mailbox.awaitNext(member.email(), reissueBefore);
            Matcher temporary = TEMPORARY.matcher(reissue.text());
            assertTrue(temporary.find() && temporary.group(1).equalsIgnoreCase(member.loginId()), reissue.text());
            PasswordChangePage change = new PasswordChangePage(browser,
                    new LoginPage(browser, browser.get(reissue.link())).submit(member.loginId(), temporary.group(2)));
            assertEquals("パスワード変更", change.title());
            Browser.Page portal = change.submit("Kenpo2026Pk2", "Kenpo2026Pk2");
            assertTrue(portal.isPortalRedirect(), "no passkey and no key after 仮ログイン: " + portal.uri() + "\n" + portal.document().text());
        }
        assertEquals("DISABLED", server.admin().flowExecutions("kenpo browser forms").stream()
                .filter(e -> PASSKEY_STEP.equals(e.get("providerId"))).findFirst().orElseThrow().get("requirement"), "switched off again");
    }
}
