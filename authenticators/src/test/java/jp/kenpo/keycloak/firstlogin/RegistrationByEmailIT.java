package jp.kenpo.keycloak.firstlogin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jp.kenpo.keycloak.pages.EmailKeyPage;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.MemberRegistrationPage;
import jp.kenpo.keycloak.pages.RegistrationCompletePage;
import jp.kenpo.keycloak.pages.RegistrationEmailPage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testsupport.Oidc;
import jp.kenpo.keycloak.testing.Pause;
import jp.kenpo.keycloak.testing.SilentSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** 新規利用登録 by email (manual ②): address → 利用登録手続きのご案内 → one-time link → 新規利用登録 → 利用者情報入力. */
@ExtendWith(KeycloakServerExtension.class)
class RegistrationByEmailIT {

    private static final String LOGIN_FORM = "kenpo-login-id-password-form";
    private static final String START_FORM = "kenpo-registration-open-form";

    private final KeycloakServer server;
    private final Mailbox mailbox;

    RegistrationByEmailIT(KeycloakServer server) {
        this.server = server;
        this.mailbox = server.mailbox();
    }

    private RegistrationEmailPage emailForm(Browser browser) {
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
        return login.openFirstLogin().openRegisterByEmail();
    }

    private static String address(String prefix) {
        return Members.loginId(prefix) + "@example.jp";
    }

    @Test
    void theMailedLinkOpensFirstLoginWithTheAddressPrefilledButNotYetVerified() {
        String loginId = Members.preIssuedId();
        String temporary = Members.temporaryPassword();
        String userId = server.admin().createPreIssuedMember(loginId, temporary);
        String email = address("start");

        Browser browser = new Browser();
        RegistrationEmailPage form = emailForm(browser);
        assertTrue(form.isForm());
        assertEquals("新規利用登録", form.title());
        assertTrue(form.text().contains("メールアドレス"));
        assertTrue(form.text().contains("送信する"));
        assertTrue(form.text().contains("※送信前にはメールアドレスに間違いがないか再度ご確認ください。"));

        RegistrationEmailPage sent = form.send(Members.toFullWidth(email));
        assertTrue(sent.isSentPage(), sent.text());
        assertEquals("メール送信確認", sent.title());
        assertTrue(sent.notArrived().contains("迷惑メール"), sent.notArrived());

        Mailbox.Mail mail = mailbox.awaitNext(email, 0);
        assertTrue(mail.subject().contains("利用登録手続きのご案内"), mail.subject());
        assertTrue(mail.subject().contains("サンプル健康保険組合"), mail.subject());
        assertTrue(mail.text().contains("※このURLの有効期限は24時間です。"), mail.text());
        assertTrue(mail.text().contains("※本メールには返信できませんのでご了承ください。"), mail.text());
        assertTrue(mail.html().contains(mail.link().replace("&", "&amp;")) || mail.html().contains(mail.link()));

        // A mail gateway's scanner opens the link first: that shows a page with a button and uses nothing up.
        Browser.Page scanned = new Browser().get(mail.link());
        assertEquals(200, scanned.status());
        assertTrue(scanned.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertNotNull(scanned.document().getElementById(START_FORM), scanned.document().text());
        assertNotNull(new Browser().get(mail.link()).document().getElementById(START_FORM), "a second GET still shows the button");

        // The member opens the link, perhaps on another device, and presses the button.
        Browser phone = new Browser();
        Browser.Page opened = phone.get(mail.link());
        assertEquals("新規利用登録", opened.document().getElementById("kc-page-title").text());
        LoginPage firstLogin = new LoginPage(phone, phone.submit(opened, START_FORM, Map.of()));
        assertEquals("新規利用登録", firstLogin.title());
        MemberRegistrationPage registration = new MemberRegistrationPage(phone, firstLogin.submit(loginId, temporary));
        assertEquals(email, registration.value("email"), "the mailed address is prefilled");
        String newId = Members.loginId("mail");
        RegistrationCompletePage complete = new RegistrationCompletePage(phone, registration.submit(newId, "Kenpo2026Ab", "Kenpo2026Ab", email, ""));
        Map<String, Object> user = server.admin().user(userId);
        assertEquals(email, user.get("email"));
        assertEquals(Boolean.FALSE, user.get("emailVerified"), "whoever sent the link does not own the address: the email key proves it");

        // The button worked once.
        Browser again = new Browser();
        Browser.Page second = again.submit(scanned, START_FORM, Map.of());
        assertEquals(400, second.status());
        assertTrue(second.document().text().contains("このリンクはすでに使われています。"), second.document().text());
        Browser.Page reopened = new Browser().get(mail.link());
        assertTrue(reopened.document().text().contains("このリンクはすでに使われています。"), reopened.document().text());

        // The first email-key login verifies the address (this attempt, started by the link, ends in the account console).
        LoginPage login = complete.toLogin();
        EmailKeyPage keyPage = new EmailKeyPage(phone, login.submit(newId, "Kenpo2026Ab"));
        keyPage.submit(mailbox.awaitKey(email, 1));
        assertEquals(Boolean.TRUE, server.admin().user(userId).get("emailVerified"));
    }

    @Test
    void aHungMailServerDoesNotHoldTheAnswer() throws Exception {
        // Sent before answering, the mail would make the answer wait for the mail server.
        String email = address("hung");
        try (SilentSmtp silent = new SilentSmtp();
             AdminApi.ConfigChange hung = server.admin().changeMailServerPort(silent.port())) {
            RegistrationEmailPage sent = emailForm(new Browser()).send(email);
            assertTrue(sent.isSentPage(), sent.text());
            assertEquals(0, silent.abandonedAttempts(), "the answer came while the mail was still waiting for the server");
            assertTrue(silent.awaitAttempt(), "the mail does go out");
            RegistrationEmailPage other = emailForm(new Browser()).send(address("hung2"));
            assertEquals(sent.text(), other.text(), "every valid address gets the same page");
        }
    }

    @Test
    void anExpiredOrForgedLinkIsRefused() {
        String email = address("expire");
        try (AdminApi.ConfigChange shortLived = server.admin().changeExecutionConfig(LOGIN_FORM,
                Map.of("kenpo.registrationMail.validitySeconds", "2"))) {
            emailForm(new Browser()).send(email);
        }
        Mailbox.Mail mail = mailbox.awaitNext(email, 0);
        assertTrue(mail.text().contains("※このURLの有効期限は1分です。"), mail.text());
        Pause.millis(3_000);
        Browser.Page expired = new Browser().get(mail.link());
        assertEquals(400, expired.status());
        assertTrue(expired.document().text().contains("このリンクの有効期限が過ぎています。"), expired.document().text());

        String forged = mail.link().substring(0, mail.link().length() - 4) + "AAAA";
        Browser.Page invalid = new Browser().get(forged);
        assertEquals(400, invalid.status());
        assertTrue(invalid.document().text().contains("このリンクは正しくありません。"), invalid.document().text());
    }

    @Test
    void theAnswerIsTheSameForKnownAndUnknownAddresses() {
        String known = address("known");
        server.admin().createMember(Members.loginId("known"), known, "Kenpo2026Ab");
        String unknown = address("unknown");

        RegistrationEmailPage forKnown = emailForm(new Browser()).send(known);
        RegistrationEmailPage forUnknown = emailForm(new Browser()).send(unknown);
        assertTrue(forKnown.isSentPage() && forUnknown.isSentPage());
        assertEquals(forKnown.title(), forUnknown.title());
        assertEquals(forKnown.intro(), forUnknown.intro());
        assertEquals(forKnown.notArrived(), forUnknown.notArrived());
        assertEquals(forKnown.page().status(), forUnknown.page().status());
        // Both addresses get the same mail: nothing is looked up.
        assertEquals(mailbox.awaitNext(known, 0).subject(), mailbox.awaitNext(unknown, 0).subject());
    }

    @Test
    void requestsAreThrottledPerAddressAndBadAddressesAreExplained() {
        String email = address("throttle");
        Browser browser = new Browser();
        RegistrationEmailPage page = emailForm(browser);
        RegistrationEmailPage invalid = page.send("taro@");
        assertEquals("メールアドレスの形式が正しくありません。もう一度ご確認ください。", invalid.fieldError());
        assertEquals("taro@", invalid.page().document().getElementById("registrationEmail").val());

        for (int i = 0; i < 3; i++) {
            assertTrue(emailForm(new Browser()).send(email).isSentPage());
        }
        RegistrationEmailPage throttled = emailForm(new Browser()).send(email);
        assertFalse(throttled.isSentPage());
        assertTrue(throttled.message().startsWith("短い時間に何度も送信されたため"), throttled.message());
        // The mails go out from the queue, perhaps behind other tests' mails: wait for the third, then see no fourth.
        mailbox.awaitNext(email, 2);
        Pause.millis(500);
        assertEquals(3, mailbox.count(email));
    }

}
