package jp.kenpo.keycloak.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.MemberInChromium;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The routes of issue 15 in Chromium, each screen shot at desktop and phone width (whole page): the union's
 * 問い合わせ先 under every screen and mail, パスワード再発行 as the manual's 「ID・パスワードをお忘れの方」, 新規利用登録 by
 * email for members without the letter, and the registered address on 利用者情報登録完了.
 */
class RoutesScreensIT extends MemberInChromium {

    private final Map<String, String> contact = KeycloakServer.sampleContact("ja");

    RoutesScreensIT(KeycloakServer server) {
        super(server);
    }

    @Test
    void theLoginScreenShowsTheUnionsContactAndTheHelpLinkAndOneForgotLinkBesideTheLookupLink() {
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        chromium.waitFor(By.id("kenpo-contact"));
        assertEquals("お問い合わせ先", chromium.text("kenpo-contact-heading"));
        assertEquals(contact.get("kenpoContactName"), chromium.text("kenpo-contact-name"));
        assertEquals("TEL：" + contact.get("kenpoContactTel") + "（" + contact.get("kenpoContactHours") + "）", chromium.text("kenpo-contact-tel"));
        assertEquals("tel:0300000000", driver.findElement(By.cssSelector("#kenpo-contact-tel a")).getDomAttribute("href"));
        assertEquals("mailto:" + contact.get("kenpoContactEmail"), driver.findElement(By.cssSelector("#kenpo-contact-email a")).getDomAttribute("href"));
        assertEquals(contact.get("kenpoContactUrl"), driver.findElement(By.cssSelector("#kenpo-contact-url a")).getDomAttribute("href"));
        assertEquals("自分のID、パスワードで何ができるの？", chromium.text("kenpo-help-link"));
        assertEquals(contact.get("kenpoContactHelpUrl"), driver.findElement(By.id("kenpo-help-link")).getDomAttribute("href"));
        assertEquals("ログインID・パスワードを忘れた方はこちら", chromium.text("kenpo-forgot"));
        assertEquals("配偶者・被扶養者（40歳以上）の方のID・パスワード取得はこちら", chromium.text("kenpo-lookup-open"));
        assertEquals(1, driver.findElements(By.partialLinkText("忘れた方")).size(), "one 「…忘れた方」 link for everyone");
        chromium.screen("30-login-contact");
    }

    @Test
    void theReissuePageRoutesEveryoneAsTheManualsForgotPageDoes() {
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("kenpo-forgot")).click();
        chromium.waitFor(By.id("kenpo-reissue-form"));
        assertEquals("メールアドレスをご登録いただいている方", chromium.text("kenpo-reissue-with-address"));
        assertEquals("メールアドレスを登録していない、またはメールアドレスをお忘れの方", chromium.text("kenpo-reissue-without-address"));
        assertTrue(chromium.text("kenpo-mail-domain-note").contains("「noreply@kenpo.example.jp」からのメール受信を「許可」"),
                "the sender to allow is the realm's From address: " + chromium.text("kenpo-mail-domain-note"));
        assertTrue(chromium.text("kenpo-reissue-no-address").contains("健康保険組合へお問い合わせください"));
        assertEquals("配偶者・被扶養者（40歳以上）の方のID・パスワード取得はこちら", chromium.text("kenpo-lookup-open"));
        assertTrue(driver.findElement(By.id("kenpo-contact")).isDisplayed(), "whom to ask is on the page");
        chromium.screen("31-password-reissue-hub");
        driver.findElement(By.id("kenpo-lookup-open")).click();
        chromium.waitFor(By.id("kenpo-lookup-form"));
    }

    @Test
    void theReissueSentPageNamesTheSender() {
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("kenpo-forgot")).click();
        chromium.waitFor(By.id("kenpo-reissue-form"));
        driver.findElement(By.id("reissueEmail")).sendKeys(Members.loginId("nobody") + "@example.jp");
        driver.findElement(By.id("kenpo-send-reissue")).click();
        chromium.waitFor(By.id("kenpo-reissue-sent-notes"));
        assertEquals("メールアドレス送信元：noreply@kenpo.example.jp", chromium.text("kenpo-mail-sender"));
    }

    @Test
    void registrationByEmailSaysTheLetterIsNeededAndMailsTheContact() {
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("kenpo-first-login")).click();
        chromium.waitFor(By.id("kenpo-register-by-email"));
        driver.findElement(By.id("kenpo-register-by-email")).click();
        chromium.waitFor(By.id("kenpo-registration-email-form"));
        assertTrue(chromium.text("kenpo-registration-needs-letter").contains(
                "「健康マイポータル（健康ポータルサイト）への登録について」に記載のログインIDと仮パスワードが必要です"),
                chromium.text("kenpo-registration-needs-letter"));
        assertEquals("お知らせがお手元にない方", driver.findElement(By.cssSelector("#kenpo-no-letter h2")).getText().trim());
        assertEquals("配偶者・被扶養者（40歳以上）の方のID・パスワード取得はこちら", chromium.text("kenpo-lookup-open"));
        assertTrue(chromium.text("kenpo-no-letter-insured").contains("健康保険組合へお問い合わせください"));
        assertTrue(chromium.text("kenpo-mail-domain-note").contains("noreply@kenpo.example.jp"));
        chromium.screen("32-registration-email-letter");

        String address = Members.loginId("route") + "@example.jp";
        driver.findElement(By.id("registrationEmail")).sendKeys(address);
        driver.findElement(By.id("kenpo-send-registration-mail")).click();
        chromium.waitFor(By.id("kenpo-registration-email-not-arrived"));
        assertEquals("メールアドレス送信元：noreply@kenpo.example.jp", chromium.text("kenpo-mail-sender"), "the sender, as the manual names it");
        chromium.screen("36-registration-email-sent");
        Mailbox.Mail mail = server.mailbox().awaitNext(address, 0);
        assertTrue(mail.text().contains("「健康マイポータル（健康ポータルサイト）への登録について」に記載されているログインIDと仮パスワード"), mail.text());
        String block = String.join("\n", "[お問い合わせ先]", contact.get("kenpoContactName"),
                "TEL：" + contact.get("kenpoContactTel") + "（" + contact.get("kenpoContactHours") + "）",
                "E-mail：" + contact.get("kenpoContactEmail"), contact.get("kenpoContactUrl"));
        assertTrue(mail.text().replace("\r\n", "\n").contains(block), "the contact block under the mail:\n" + mail.text());
        assertTrue(mail.html().contains("id=\"kenpo-contact\"") && mail.html().contains(contact.get("kenpoContactName")), mail.html());
        driver.get(mail.link());
        chromium.waitFor(By.id("kenpo-registration-open"));
        assertTrue(driver.findElement(By.id("kenpo-contact")).isDisplayed());
    }

    @Test
    void theCompletionPageShowsTheRegisteredAddressAndTakesACorrection() {
        String loginId = Members.preIssuedId();
        String temporary = Members.temporaryPassword();
        server.admin().createPreIssuedMember(loginId, temporary);
        driver.get(Oidc.authorization(server.realmUrl(), null).url());
        driver.findElement(By.id("kenpo-first-login")).click();
        chromium.waitFor(By.id("kenpo-register-by-email"));
        driver.findElement(By.id("username")).sendKeys(loginId);
        driver.findElement(By.id("password")).sendKeys(temporary);
        driver.findElement(By.id("kc-login")).click();
        chromium.waitFor(By.id("kenpo-registration-form"));
        String newId = Members.loginId("routes");
        driver.findElement(By.id("newLoginId")).sendKeys(newId);
        driver.findElement(By.id("newPassword")).sendKeys("Kenpo2026Ab");
        driver.findElement(By.id("newPasswordConfirm")).sendKeys("Kenpo2026Ab");
        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys(newId + "@exmaple.jp");
        driver.findElement(By.id("kenpo-register")).click();
        chromium.waitFor(By.id("kenpo-registered-email"));
        assertEquals("登録したメールアドレス：" + newId + "@exmaple.jp", chromium.text("kenpo-registered-email").replace("\n", ""));
        assertFalse(driver.findElement(By.id("correctedEmail")).isDisplayed(), "the correction stays folded until asked for");
        chromium.screen("33-registration-complete-email");

        driver.findElement(By.id("kenpo-correct-email-open")).click();
        driver.findElement(By.id("correctedEmail")).sendKeys(newId + "@example.jp");
        chromium.screen("34-registration-complete-correct");
        driver.findElement(By.id("kenpo-correct-email-send")).click();
        chromium.waitFor(By.id("kenpo-registered-email"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> chromium.text("kenpo-registered-email").endsWith("@example.jp"));
        assertEquals("登録したメールアドレス：" + newId + "@example.jp", chromium.text("kenpo-registered-email").replace("\n", ""));
        chromium.screen("35-registration-complete-corrected");
    }

    @Test
    void anEnglishScreenShowsTheEnglishContact() {
        Map<String, String> english = KeycloakServer.sampleContact("en");
        driver.get(Oidc.authorization(server.realmUrl(), null).url() + "&ui_locales=en");
        chromium.waitFor(By.id("kenpo-contact"));
        assertEquals("Contact", chromium.text("kenpo-contact-heading"));
        assertEquals(english.get("kenpoContactName"), chromium.text("kenpo-contact-name"));
        assertTrue(chromium.text("kenpo-contact-tel").contains(english.get("kenpoContactHours")), chromium.text("kenpo-contact-tel"));
    }
}
