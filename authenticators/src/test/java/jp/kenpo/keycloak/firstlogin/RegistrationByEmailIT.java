package jp.kenpo.keycloak.firstlogin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** 新規利用登録 by email (manual ②): address → 利用登録手続きのご案内 → one-time link → 新規利用登録 → 利用者情報入力. */
@ExtendWith(KeycloakServerExtension.class)
class RegistrationByEmailIT {

    private static final String LOGIN_FORM = "kenpo-login-id-password-form";

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
    void theMailedLinkOpensFirstLoginAndTheAddressIsPrefilledAndVerified() {
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

        // The member opens the link, perhaps on another device.
        Browser phone = new Browser();
        LoginPage firstLogin = new LoginPage(phone, phone.get(mail.link()));
        assertEquals("新規利用登録", firstLogin.title());
        MemberRegistrationPage registration = new MemberRegistrationPage(phone, firstLogin.submit(loginId, temporary));
        assertEquals(email, registration.value("email"), "the mailed address is prefilled");
        String newId = Members.loginId("mail");
        new RegistrationCompletePage(phone, registration.submit(newId, "Kenpo2026Ab", "Kenpo2026Ab", email, ""));
        Map<String, Object> user = server.admin().user(userId);
        assertEquals(email, user.get("email"));
        assertEquals(Boolean.TRUE, user.get("emailVerified"), "the link proved the address");

        // The link worked once.
        Browser again = new Browser();
        Browser.Page second = again.get(mail.link());
        assertEquals(400, second.status());
        assertTrue(second.document().text().contains("このリンクはすでに使われています。"), second.document().text());
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
        Pause.millis(500);
        assertEquals(3, mailbox.count(email));
    }

}
