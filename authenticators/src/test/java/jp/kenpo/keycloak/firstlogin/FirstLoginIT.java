package jp.kenpo.keycloak.firstlogin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.pages.EmailKeyPage;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.MemberRegistrationPage;
import jp.kenpo.keycloak.pages.RegistrationCompletePage;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testsupport.Oidc;
import jp.kenpo.keycloak.testing.Pause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The union's letter: pre-issued ID and temporary password → 利用者情報入力 → 登録完了 → login with the new ID. */
@ExtendWith(KeycloakServerExtension.class)
class FirstLoginIT {

    private static final String NEW_PASSWORD = "Kenpo2026Ab";
    private static final String INVALID_LOGIN = "ログインIDまたはパスワードが正しくありません。";

    private final KeycloakServer server;
    private final Mailbox mailbox;

    FirstLoginIT(KeycloakServer server) {
        this.server = server;
        this.mailbox = server.mailbox();
    }

    private record Letter(String userId, String loginId, String temporaryPassword) {
    }

    private Letter newLetter() {
        String loginId = Members.preIssuedId();
        String password = Members.temporaryPassword();
        return new Letter(server.admin().createPreIssuedMember(loginId, password), loginId, password);
    }

    private LoginPage loginScreen(Browser browser) {
        return new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
    }

    @Test
    void letterCredentialsLeadToRegistrationThenTheNewIdLogsInWithTheEmailKey() {
        Letter letter = newLetter();
        Browser browser = new Browser();
        LoginPage firstLogin = loginScreen(browser).openFirstLogin();
        assertEquals("新規利用登録", firstLogin.title());
        assertEquals("事前にお知らせしたログインIDと仮パスワードでログインしてください。", firstLogin.intro());
        assertEquals("仮パスワード", firstLogin.label("password"));

        MemberRegistrationPage registration = new MemberRegistrationPage(browser,
                firstLogin.submit(letter.loginId(), letter.temporaryPassword()));
        assertEquals("利用者情報入力", registration.title());
        assertEquals("新しいログインID、パスワードを入力してください。", registration.intro());
        assertEquals("新ログインID", registration.label("newLoginId"));
        assertEquals("新パスワード", registration.label("newPassword"));
        assertEquals("新パスワード(確認)", registration.label("newPasswordConfirm"));
        assertEquals("メールアドレス", registration.label("email"));
        assertEquals("ニックネーム", registration.label("nickname"));
        assertEquals("ご本人", registration.value("nickname"));
        assertTrue(registration.text().contains("パスワードを表示する"));
        assertTrue(registration.text().contains("【注1】ログインIDには次の制限があります。"));
        assertTrue(registration.text().contains("ログインIDは2〜39文字で設定してください。"));
        assertTrue(registration.text().contains("ログインIDを8文字で設定すると7、8桁目には数字を設定することができません。"));
        assertTrue(registration.text().contains("【注2】パスワードは次の条件で設定を行ってください。"));
        assertTrue(registration.text().contains("パスワードは8〜39文字で設定してください。"));
        assertTrue(registration.text().contains("半角英大文字：ABCDEFGHIJKLMNOPQRSTUVWXYZ"));

        String newLoginId = Members.loginId("taro");
        String email = newLoginId + "@example.jp";
        // The member types the new ID with the IME on and leaves the nickname empty.
        RegistrationCompletePage complete = new RegistrationCompletePage(browser, registration.submit(
                Members.toFullWidth(newLoginId), NEW_PASSWORD, NEW_PASSWORD, email, ""));
        assertEquals("利用者情報登録完了", complete.title());
        assertEquals("利用登録が完了しました。ログイン画面へ進んでください。", complete.intro());
        assertEquals("ログイン画面", complete.buttonText());
        var strip = complete.page().document().getElementById("kc-attempted-username");
        assertTrue(strip == null || strip.val().equals(newLoginId), "never the letter's ID above 「新ログインIDで…」: " + strip);
        assertFalse(complete.page().body().toLowerCase().contains(letter.loginId().toLowerCase()), "the letter's ID is not shown on the completion page");

        Map<String, Object> user = server.admin().user(letter.userId());
        assertEquals(newLoginId, user.get("username"));
        assertEquals(email, user.get("email"));
        assertEquals(Boolean.FALSE, user.get("emailVerified"), "the address is proven by the first email key");
        Map<String, List<String>> attributes = attributes(user);
        assertEquals(List.of("registered"), attributes.get("kenpoRegistration"));
        assertEquals(List.of("ご本人"), attributes.get("nickname"));
        Instant registeredAt = Instant.parse(attributes.get("kenpoRegisteredAt").get(0));
        assertTrue(registeredAt.isAfter(Instant.now().minusSeconds(300)));

        // Not logged in: ログイン画面 shows the login screen, and the new ID goes through the email key.
        LoginPage login = complete.toLogin();
        assertEquals("ログイン", login.title());
        int before = mailbox.count(email);
        EmailKeyPage keyPage = new EmailKeyPage(browser, login.submit(newLoginId, NEW_PASSWORD));
        String key = mailbox.awaitKey(email, before);
        Browser.Page portal = keyPage.submit(key);
        assertTrue(portal.isPortalRedirect(), portal.uri().toString());
        assertEquals(Boolean.TRUE, server.admin().user(letter.userId()).get("emailVerified"));

        List<Map<String, Object>> events = server.admin().events(letter.userId());
        assertTrue(events.stream().anyMatch(e -> "REGISTER".equals(e.get("type"))), events.toString());
    }

    @Test
    void theTemporaryPasswordIsDeadAfterRegistration() {
        Letter letter = newLetter();
        Browser browser = new Browser();
        MemberRegistrationPage registration = new MemberRegistrationPage(browser,
                loginScreen(browser).submit(letter.loginId(), letter.temporaryPassword()));
        String newLoginId = Members.loginId("hana");
        new RegistrationCompletePage(browser, registration.submit(newLoginId, NEW_PASSWORD, NEW_PASSWORD,
                newLoginId + "@example.jp", "はなこ"));

        for (String id : List.of(letter.loginId(), newLoginId)) {
            Browser other = new Browser();
            LoginPage login = loginScreen(other);
            LoginPage again = new LoginPage(other, login.submit(id, letter.temporaryPassword()));
            assertEquals(INVALID_LOGIN, again.fieldError(), "temporary password with " + id);
            Pause.pastQuickLoginCheck();
        }
        server.admin().clearBruteForce(letter.userId());
    }

    @Test
    void lettersAreAcceptedOnTheNormalLoginScreenAndHoweverTheMemberTypesThem() {
        Letter letter = newLetter();
        Browser browser = new Browser();
        // Lower case and full width, as older members type what is printed.
        String typed = Members.toFullWidth(letter.loginId().toLowerCase());
        MemberRegistrationPage registration = new MemberRegistrationPage(browser,
                loginScreen(browser).submit(typed, Members.toFullWidth(letter.temporaryPassword())));
        assertEquals("利用者情報入力", registration.title());
    }

    @Test
    void aWrongIdOrTemporaryPasswordGetsOneGenericErrorAndIsCounted() {
        Letter letter = newLetter();
        Browser browser = new Browser();
        LoginPage firstLogin = loginScreen(browser).openFirstLogin();
        LoginPage wrongPassword = new LoginPage(browser, firstLogin.submit(letter.loginId(), "Wrong1234x"));
        assertEquals(INVALID_LOGIN, wrongPassword.fieldError());
        assertEquals("新規利用登録", wrongPassword.title(), "the error re-shows the same screen");
        LoginPage unknownId = new LoginPage(browser, wrongPassword.submit(Members.preIssuedId(), letter.temporaryPassword()));
        assertEquals(INVALID_LOGIN, unknownId.fieldError());

        assertEquals(1, server.admin().awaitBruteForceFailures(letter.userId(), 1));
        server.admin().clearBruteForce(letter.userId());
    }

    @Test
    void eachBrokenRuleGetsItsOwnMessageAndTypedValuesSurvive() {
        Letter letter = newLetter();
        String taken = Members.loginId("taken");
        server.admin().createMember(taken, taken + "@example.jp", NEW_PASSWORD);
        Browser browser = new Browser();
        MemberRegistrationPage page = new MemberRegistrationPage(browser,
                loginScreen(browser).submit(letter.loginId(), letter.temporaryPassword()));

        page = new MemberRegistrationPage(browser, page.submit("x", "abc", "abd", "not-an-address", "はなこ"));
        assertEquals("ログインIDは2〜39文字で入力してください。", page.error("newLoginId"));
        // One line per broken rule, in the order of the rule list under the field, not one run of text.
        assertEquals(List.of("パスワードは8文字以上で入力してください。", "パスワードには半角英大文字を1文字以上含めてください。",
                "パスワードには数字を1文字以上含めてください。"), page.errorLines("newPassword"));
        assertEquals("新パスワード(確認)が新パスワードと一致しません。", page.error("newPasswordConfirm"));
        assertEquals("メールアドレスの形式が正しくありません。もう一度ご確認ください。", page.error("email"));
        assertEquals("x", page.value("newLoginId"));
        assertEquals("not-an-address", page.value("email"));
        assertEquals("はなこ", page.value("nickname"));
        assertEquals("", page.value("newPassword"), "passwords are never sent back");

        Map<String, String> idCases = Map.of(
                "abcdef12", "8文字のログインIDは、7文字目と8文字目に数字を使えません。",
                "abcdefg1", "8文字のログインIDは、7文字目と8文字目に数字を使えません。",
                "taro@home", "ログインIDに使える文字は、半角英字・半角数字と「-」「_」「.」です。",
                "a".repeat(40), "ログインIDは2〜39文字で入力してください。",
                taken, "このログインIDはすでに使われています。別のログインIDを入力してください。",
                "", "新ログインIDを入力してください。");
        for (Map.Entry<String, String> c : idCases.entrySet()) {
            page = new MemberRegistrationPage(browser, page.submit(c.getKey(), NEW_PASSWORD, NEW_PASSWORD, "a@example.jp", ""));
            assertEquals(c.getValue(), page.error("newLoginId"), "login ID " + c.getKey());
        }

        String okId = Members.loginId("rule");
        Map<String, String> passwordCases = Map.of(
                "abcdefg1", "パスワードには半角英大文字を1文字以上含めてください。",
                "ABCDEFG1", "パスワードには半角英小文字を1文字以上含めてください。",
                "Abcdefgh", "パスワードには数字を1文字以上含めてください。",
                "Abcdef1", "パスワードは8文字以上で入力してください。",
                "Ab1" + "c".repeat(37), "パスワードは39文字以内で入力してください。",
                "Abcd123!", "パスワードに記号は使用できません。使える文字は半角英大文字・半角英小文字・半角数字です。",
                "Abcd 1234", "パスワードに記号は使用できません。使える文字は半角英大文字・半角英小文字・半角数字です。",
                "Password1", "このパスワードはよく使われていて推測されやすいため使えません。別のパスワードにしてください。",
                letter.temporaryPassword(), "仮パスワードと同じパスワードは使えません。");
        for (Map.Entry<String, String> c : passwordCases.entrySet()) {
            page = new MemberRegistrationPage(browser, page.submit(okId, c.getKey(), c.getKey(), "a@example.jp", ""));
            assertEquals(c.getValue(), page.error("newPassword"), "password " + c.getKey());
            assertEquals("", page.error("newLoginId"));
        }
        // The boundaries that pass: 2 and 39 characters of ID, 8 and 39 of password.
        String longPassword = "Ab1" + "c".repeat(36);
        RegistrationCompletePage done = new RegistrationCompletePage(browser,
                page.submit(okId, longPassword, longPassword, "a@example.jp", ""));
        assertNotNull(done);
    }

    @Test
    void rulesHoldInTheAdminRestApiToo() {
        Map<String, String> refused = Map.of(
                "abcdef12", "kenpoLoginIdReserved",
                "a", "kenpoLoginIdLength",
                "a".repeat(40), "kenpoLoginIdLength",
                "taro@home", "kenpoLoginIdCharacters");
        for (Map.Entry<String, String> c : refused.entrySet()) {
            var answer = server.admin().tryCreateUser(Map.of("username", c.getKey(), "enabled", true));
            assertEquals(400, answer.status(), c.getKey() + ": " + answer.body());
            assertTrue(answer.body().contains(c.getValue()), answer.body());
        }
        var twoChars = server.admin().tryCreateUser(Map.of("username", "z" + (char) ('a' + (int) (Math.random() * 26)), "enabled", true));
        assertTrue(twoChars.status() == 201 || twoChars.body().contains("exists"), twoChars.body());

        String id = server.admin().createMember(Members.loginId("rest"), null, NEW_PASSWORD);
        var symbol = server.admin().tryResetPassword(id, "Abcd123!");
        assertEquals(400, symbol.status(), symbol.body());
        assertTrue(symbol.body().contains("kenpoPasswordCharacters") || symbol.body().contains("記号"), symbol.body());
        var common = server.admin().tryResetPassword(id, "Password1");
        assertEquals(400, common.status(), common.body());
        assertEquals(204, server.admin().tryResetPassword(id, "Kenpo2027Xy").status());
    }

    @Test
    void reloadingTheCompletionPageNeverLogsIn() {
        Letter letter = newLetter();
        Browser browser = new Browser();
        MemberRegistrationPage registration = new MemberRegistrationPage(browser,
                loginScreen(browser).submit(letter.loginId(), letter.temporaryPassword()));
        String newLoginId = Members.loginId("reload");
        Browser.Page done = registration.submit(newLoginId, NEW_PASSWORD, NEW_PASSWORD, newLoginId + "@example.jp", "");
        new RegistrationCompletePage(browser, done);
        // Posting the registration form again (browser back + 登録) shows the completion page, not the portal.
        Browser.Page again = registration.submit(newLoginId, NEW_PASSWORD, NEW_PASSWORD, newLoginId + "@example.jp", "");
        assertFalse(again.isPortalRedirect());
    }

    @Test
    void aTypoInTheAddressIsShownOnTheCompletionPageAndCorrectedThereBeforeItLocksTheMemberOut() {
        Letter letter = newLetter();
        Browser browser = new Browser();
        MemberRegistrationPage registration = new MemberRegistrationPage(browser,
                loginScreen(browser).submit(letter.loginId(), letter.temporaryPassword()));
        String newLoginId = Members.loginId("typo");
        String typo = newLoginId + "@exmaple.jp";
        String right = newLoginId + "@example.jp";
        RegistrationCompletePage complete = new RegistrationCompletePage(browser,
                registration.submit(newLoginId, NEW_PASSWORD, NEW_PASSWORD, typo, ""));
        assertEquals("登録したメールアドレス：" + typo, complete.registeredEmail());
        assertTrue(complete.text().contains("メールアドレスに誤りがあると暗証キーが届かず、ログインできません。"), complete.text());

        RegistrationCompletePage refused = complete.correctEmail("taro@");
        assertEquals("メールアドレスの形式が正しくありません。もう一度ご確認ください。", refused.error("correctedEmail"));
        assertEquals(typo, server.admin().user(letter.userId()).get("email"), "a refused correction changes nothing");

        RegistrationCompletePage corrected = refused.correctEmail(" " + Members.toFullWidth(right) + " ");
        assertEquals("登録したメールアドレス：" + right, corrected.registeredEmail(), "typed as meant: full-width folded, spaces dropped");
        assertEquals("メールアドレスを修正しました。", corrected.message());
        Map<String, Object> user = server.admin().user(letter.userId());
        assertEquals(right, user.get("email"));
        assertEquals(Boolean.FALSE, user.get("emailVerified"), "proven by its first email key, like any typed address");
        assertTrue(server.admin().events(letter.userId()).stream().anyMatch(e -> "UPDATE_EMAIL".equals(e.get("type"))));

        // The key of the next login goes to the corrected address.
        LoginPage login = corrected.toLogin();
        int before = mailbox.count(right);
        EmailKeyPage keyPage = new EmailKeyPage(browser, login.submit(newLoginId, NEW_PASSWORD));
        assertTrue(keyPage.submit(mailbox.awaitKey(right, before)).isPortalRedirect());
        assertEquals(0, mailbox.count(typo));
    }

    @Test
    void theCompletionPagesCorrectionWorksOnlyInTheAttemptThatRegistered() {
        Letter letter = newLetter();
        Browser browser = new Browser();
        MemberRegistrationPage registration = new MemberRegistrationPage(browser,
                loginScreen(browser).submit(letter.loginId(), letter.temporaryPassword()));
        String newLoginId = Members.loginId("steal");
        String email = newLoginId + "@example.jp";
        RegistrationCompletePage complete = new RegistrationCompletePage(browser,
                registration.submit(newLoginId, NEW_PASSWORD, NEW_PASSWORD, email, ""));
        String action = complete.page().document().getElementById("kenpo-correct-email-form").absUrl("action");
        // Another browser (no cookies of this attempt) posting the same form gets nowhere.
        Browser stranger = new Browser();
        Browser.Page answer = stranger.post(action, Map.of("correctedEmail", "stranger@example.jp", "kenpoCorrectEmail", ""));
        assertFalse(answer.isPortalRedirect());
        assertEquals(email, server.admin().user(letter.userId()).get("email"));
    }

    @Test
    void aLetterPasswordPastItsValidityShowsWhatToDoButOnlyToWhoeverKnowsIt() {
        Letter letter = newLetter();
        // Union IT's admin console: the letter was issued 179 days ago (the default validity is 180 days).
        server.admin().setAttribute(letter.userId(), "kenpoLetterPasswordIssuedAt", Instant.now().minus(Duration.ofDays(179)).toString());
        Browser browser = new Browser();
        assertEquals("利用者情報入力", new MemberRegistrationPage(browser,
                loginScreen(browser).submit(letter.loginId(), letter.temporaryPassword())).title());

        server.admin().setAttribute(letter.userId(), "kenpoLetterPasswordIssuedAt", Instant.now().minus(Duration.ofDays(181)).toString());
        Browser stranger = new Browser();
        LoginPage wrong = new LoginPage(stranger, loginScreen(stranger).openFirstLogin().submit(letter.loginId(), "Wrong2026Ab"));
        assertEquals(INVALID_LOGIN, wrong.fieldError(), "a wrong password learns nothing about the expiry");
        Pause.pastQuickLoginCheck();

        Browser member = new Browser();
        Browser.Page expired = loginScreen(member).openFirstLogin().submit(letter.loginId(), letter.temporaryPassword());
        assertExpiredPage(expired, "kenpo-temporary-password-expired");
        String text = expired.document().text();
        assertTrue(text.contains("仮パスワードの有効期限（発行から180日）が過ぎています。"), text);
        assertTrue(text.contains("への登録について」の再発行"), text);
        List<Map<String, Object>> events = server.admin().events(letter.userId());
        assertTrue(events.stream().anyMatch(e -> "LOGIN_ERROR".equals(e.get("type")) && "kenpo_letter_password_expired".equals(e.get("error"))),
                events.toString());
        // Submitting the expired page again never reaches 利用者情報入力.
        Browser.Page again = loginScreen(member).submit(letter.loginId(), letter.temporaryPassword());
        assertExpiredPage(again, "kenpo-temporary-password-expired");
        server.admin().clearBruteForce(letter.userId());
    }

    @Test
    void aLookupPasswordPastItsValiditySaysToDoTheLookupAgain() {
        Letter shown = newLetter();
        server.admin().setAttribute(shown.userId(), "kenpoLookupPasswordIssuedAt", Instant.now().minus(Duration.ofHours(71)).toString());
        Browser browser = new Browser();
        assertEquals("利用者情報入力", new MemberRegistrationPage(browser,
                loginScreen(browser).submit(shown.loginId(), shown.temporaryPassword())).title());

        server.admin().setAttribute(shown.userId(), "kenpoLookupPasswordIssuedAt", Instant.now().minus(Duration.ofHours(73)).toString());
        Browser member = new Browser();
        Browser.Page expired = loginScreen(member).submit(shown.loginId(), shown.temporaryPassword());
        assertExpiredPage(expired, "kenpo-temporary-password-expired");
        String text = expired.document().text();
        assertTrue(text.contains("仮パスワードの有効期限（表示から72時間）が過ぎています。"), text);
        assertTrue(text.contains("ID・パスワードの取得"), text);
        assertNotNull(expired.document().getElementById("kenpo-lookup-again"), "a way to the lookup");
        List<Map<String, Object>> events = server.admin().events(shown.userId());
        assertTrue(events.stream().anyMatch(e -> "kenpo_lookup_password_expired".equals(e.get("error"))), events.toString());
        server.admin().clearBruteForce(shown.userId());
    }

    private static void assertExpiredPage(Browser.Page page, String pageId) {
        assertFalse(page.isPortalRedirect());
        assertTrue(page.document().select("[data-page-id]").attr("data-page-id").contains(pageId),
                page.uri() + "\n" + page.document().text());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> attributes(Map<String, Object> user) {
        return (Map<String, List<String>>) user.get("attributes");
    }

}
