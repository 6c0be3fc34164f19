package jp.kenpo.keycloak.emailkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jp.kenpo.keycloak.pages.EmailKeyPage;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testsupport.Oidc;
import jp.kenpo.keycloak.testing.Pause;
import jp.kenpo.keycloak.testing.SilentSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The member's journey on a real Keycloak: login ID and password, then the 暗証キー read from
 * the mail the server really sent, then back to the portal app with an authorization code.
 */
@ExtendWith(KeycloakServerExtension.class)
class EmailKeyLoginIT {

    private static final String PASSWORD = "Kenpo2026ab";

    private final KeycloakServer server;
    private final Mailbox mailbox;

    EmailKeyLoginIT(KeycloakServer server) {
        this.server = server;
        this.mailbox = server.mailbox();
    }

    /** A member as union IT creates one through the admin REST API. */
    private record Member(String id, String loginId, String email) {
    }

    private Member newMember() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String loginId = "member-" + suffix;
        String email = "m" + suffix + "@example.jp";
        String id = server.admin().createMember(loginId, email, PASSWORD);
        return new Member(id, loginId, email);
    }

    private record Attempt(Browser browser, Oidc.Authorization authorization, EmailKeyPage keyPage) {
    }

    private Attempt startLogin(Member member) {
        return startLogin(new Browser(), member.loginId(), PASSWORD);
    }

    private Attempt startLogin(Browser browser, String typedLoginId, String password) {
        Oidc.Authorization authorization = Oidc.authorization(server.realmUrl(), null);
        LoginPage login = new LoginPage(browser, browser.get(authorization.url()));
        EmailKeyPage keyPage = new EmailKeyPage(browser, login.submit(typedLoginId, password));
        return new Attempt(browser, authorization, keyPage);
    }

    @Test
    void memberLogsInWithIdPasswordAndTheKeyFromTheMail() {
        Member member = newMember();
        Browser browser = new Browser();
        Oidc.Authorization authorization = Oidc.authorization(server.realmUrl(), null);

        LoginPage login = new LoginPage(browser, browser.get(authorization.url()));
        assertEquals("ログイン", login.title());
        assertEquals("登録したログインIDとパスワードでログインしてください。", login.intro());
        assertEquals("ログインID", login.label("username"));
        assertEquals("パスワード", login.label("password"));
        assertTrue(login.text().contains("パスワードを表示する"));
        assertEquals("ログインID・パスワードを忘れた方はこちら", login.forgotLink().text());
        assertEquals("新規利用登録", login.firstLoginButton().text());
        assertEquals("サンプル健康保険組合", login.header());
        assertTrue(login.text().contains("文字サイズ") && login.text().contains("中") && login.text().contains("大"));

        int before = mailbox.count(member.email());
        // Typed with the IME on: full-width letters, digits and hyphen, and an ideographic space.
        String typedLoginId = Members.toFullWidth(member.loginId()) + "\u3000";
        EmailKeyPage keyPage = new EmailKeyPage(browser, login.submit(typedLoginId, PASSWORD));
        assertEquals("暗証キー入力", keyPage.title());
        assertTrue(keyPage.text().contains("メールに記載された暗証キーを入力してください。"));
        assertTrue(keyPage.text().contains("※暗証キーを入力するまでこのページは閉じないでください。"));
        assertTrue(keyPage.text().contains("暗証キー再請求"));
        assertTrue(keyPage.text().contains("この暗証キーは約10分間有効です。"));
        assertEquals("m***@e***.jp", keyPage.maskedEmail());

        Mailbox.Mail mail = mailbox.awaitNext(member.email(), before);
        String key = mail.emailKey();
        assertEquals(10, key.length());
        assertTrue(mail.subject().contains("暗証キーのご案内"), mail.subject());
        assertTrue(mail.subject().contains("サンプル健康保険組合"), mail.subject());
        assertFalse(mail.subject().contains(key), "the key must not be in the subject");
        assertTrue(mail.text().contains("※10分以内にログインがされないと、暗証キーは無効になります。"), mail.text());
        assertTrue(mail.text().contains("サンプル健康保険組合です。"), mail.text());
        assertTrue(mail.html().contains(key), "the HTML part carries the key too");

        // Typed with the IME on: full-width digits with spaces between groups.
        String typedKey = Members.toFullWidth(key.substring(0, 5)) + "\u3000" + Members.toFullWidth(key.substring(5));
        Browser.Page portal = keyPage.submit(typedKey);
        assertTrue(portal.isPortalRedirect(), "expected the redirect to the portal, got " + portal.uri());
        Map<String, String> query = Oidc.query(portal.uri());
        assertEquals(authorization.state(), query.get("state"));
        Map<String, Object> tokens = Oidc.exchange(server.realmUrl(), query.get("code"), authorization.verifier());
        Map<String, Object> idToken = Oidc.claims((String) tokens.get("id_token"));
        assertEquals(member.loginId(), idToken.get("preferred_username"));

        awaitEvents(member, e -> "LOGIN".equals(e.get("type")));
        List<Map<String, Object>> events = server.admin().events(member.id());
        Map<String, Object> loginEvent = events.stream().filter(e -> "LOGIN".equals(e.get("type"))).findFirst().orElseThrow();
        assertEquals("verified", details(loginEvent).get("kenpo_email_key"));
        Map<String, Object> sent = events.stream().filter(e -> "SEND_VERIFY_EMAIL".equals(e.get("type"))).findFirst().orElseThrow();
        assertEquals("sent", details(sent).get("kenpo_email_key"));
        assertEquals("m***@e***.jp", details(sent).get("kenpo_masked_email"));
        assertNoSecretsIn(events, key, member.email());
    }

    @Test
    void wrongKeySaysHowManyTriesAreLeftAndCountsForBruteForce() {
        Member member = newMember();
        int before = mailbox.count(member.email());
        Attempt attempt = startLogin(member);
        String key = mailbox.awaitKey(member.email(), before);

        EmailKeyPage afterWrong = new EmailKeyPage(attempt.browser(), attempt.keyPage().submit(otherThan(key)));
        assertEquals("暗証キーが正しくありません。あと4回入力できます。", afterWrong.fieldError());
        awaitFailures(member, 1);

        List<Map<String, Object>> errors = awaitEvents(member, e -> "LOGIN_ERROR".equals(e.get("type")));
        assertTrue(errors.stream().anyMatch(e -> "invalid_email_key".equals(e.get("error"))));
        assertNoSecretsIn(errors, key, member.email());

        // The right key still works after a wrong one.
        assertTrue(afterWrong.submit(key).isPortalRedirect());
    }

    @Test
    void afterFiveWrongTriesTheKeyIsDeadAndTheSixthIsRefused() {
        Member member = newMember();
        int before = mailbox.count(member.email());
        Attempt attempt = startLogin(member);
        String key = mailbox.awaitKey(member.email(), before);

        EmailKeyPage page = attempt.keyPage();
        for (int i = 1; i <= 4; i++) {
            page = new EmailKeyPage(attempt.browser(), page.submit(otherThan(key)));
            assertEquals("暗証キーが正しくありません。あと" + (5 - i) + "回入力できます。", page.fieldError());
            Pause.pastQuickLoginCheck();
        }
        page = new EmailKeyPage(attempt.browser(), page.submit(otherThan(key)));
        assertTrue(page.fieldError().startsWith("暗証キーを5回まちがえたため"), page.fieldError());
        Pause.pastQuickLoginCheck();

        // Even the right key is refused now: only 再請求 helps.
        Browser.Page sixth = page.submit(key);
        assertFalse(sixth.isPortalRedirect());
        EmailKeyPage refused = new EmailKeyPage(attempt.browser(), sixth);
        assertTrue(refused.fieldError().contains("暗証キー再請求"), refused.fieldError());
        awaitFailures(member, 6);
    }

    @Test
    void anExpiredKeyIsRefused() {
        Member member = newMember();
        try (AdminApi.ConfigChange shortLived = server.admin().changeExecutionConfig("kenpo-email-key",
                Map.of(EmailKeyConfig.VALIDITY_SECONDS, "2"))) {
            int before = mailbox.count(member.email());
            Attempt attempt = startLogin(member);
            String key = mailbox.awaitKey(member.email(), before);
            Pause.millis(2_500);
            Browser.Page result = attempt.keyPage().submit(key);
            assertFalse(result.isPortalRedirect());
            EmailKeyPage expired = new EmailKeyPage(attempt.browser(), result);
            assertTrue(expired.fieldError().startsWith("暗証キーの有効時間（1分）が過ぎました。"), expired.fieldError());
            List<Map<String, Object>> errors = awaitEvents(member, e -> "expired_email_key".equals(e.get("error")));
            assertFalse(errors.isEmpty());
        }
    }

    @Test
    void resendIssuesANewKeyAndKillsTheOldOne() {
        Member member = newMember();
        try (AdminApi.ConfigChange noWait = server.admin().changeExecutionConfig("kenpo-email-key",
                Map.of(EmailKeyConfig.RESEND_INTERVAL_SECONDS, "0"))) {
            int before = mailbox.count(member.email());
            Attempt attempt = startLogin(member);
            String oldKey = mailbox.awaitKey(member.email(), before);

            EmailKeyPage resent = attempt.keyPage().resend();
            assertEquals("新しい暗証キーを送信しました。前にお送りした暗証キーは使えません。", resent.message());
            String newKey = mailbox.awaitKey(member.email(), before + 1);
            assertNotEquals(oldKey, newKey);

            EmailKeyPage refused = new EmailKeyPage(attempt.browser(), resent.submit(oldKey));
            assertTrue(refused.fieldError().startsWith("暗証キーが正しくありません。"), refused.fieldError());
            // The old key counts as a wrong one. Keycloak records the failure just after answering and lets no other
            // request of the member through until it has: a member needs seconds to type the new key, this test
            // would send it within milliseconds (and was then refused now and then), so it waits for the count.
            awaitFailures(member, 1);
            assertTrue(refused.submit(newKey).isPortalRedirect());

            List<Map<String, Object>> events = awaitEvents(member,
                    e -> "resent".equals(details(e).get("kenpo_email_key")));
            assertFalse(events.isEmpty());
        }
    }

    @Test
    void aSecondPressWhileTheFirstIsStillHandledAsksToTryAgainAndLocksNothing() throws Exception {
        Member member = newMember();
        try (AdminApi.ConfigChange noWait = server.admin().changeExecutionConfig("kenpo-email-key",
                Map.of(EmailKeyConfig.RESEND_INTERVAL_SECONDS, "0"))) {
            int before = mailbox.count(member.email());
            Attempt attempt = startLogin(member);
            mailbox.awaitNext(member.email(), before);

            EmailKeyPage first;
            EmailKeyPage second;
            try (SilentSmtp silent = new SilentSmtp();
                 AdminApi.ConfigChange hung = server.admin().changeMailServerPort(silent.port())) {
                // 暗証キー再請求 is pressed and its mail hangs at the mail server, so that request is still being
                // handled when the member presses it again (or types the key in another tab). Keycloak lets one
                // request of a member through at a time and refuses the other as "temporarily disabled".
                Browser otherTab = attempt.browser().newTab();
                CompletableFuture<EmailKeyPage> pressed = CompletableFuture.supplyAsync(() -> attempt.keyPage().resend());
                assertTrue(silent.awaitAttempt(), "the first 再請求 is sending its mail");
                second = new EmailKeyPage(otherTab, otherTab.post(attempt.keyPage().formAction(), Map.of("resend", "1")));
                first = pressed.get(5, TimeUnit.MINUTES);
            }
            // Not the lockout page (「ログイン画面に戻る」 only): the form stays and says to try again in a moment.
            assertEquals("前の操作をまだ処理しています。数秒待ってから、もう一度お試しください。", second.message());
            assertTrue(second.hasKeyForm(), "the key form stays");
            assertTrue(first.message().startsWith("暗証キーのメールを送信できませんでした。"), first.message());

            // Nothing was counted, nothing is locked: 再請求 works and the new key logs in.
            awaitEvents(member, e -> "previous_request_pending".equals(details(e).get("kenpo_email_key")));
            assertEquals(0, ((Number) server.admin().bruteForceStatus(member.id()).get("numFailures")).intValue());
            int seen = mailbox.count(member.email());
            EmailKeyPage resent = first.resend();
            assertEquals("新しい暗証キーを送信しました。前にお送りした暗証キーは使えません。", resent.message());
            assertTrue(resent.submit(mailbox.awaitKey(member.email(), seen)).isPortalRedirect());
        }
    }

    @Test
    void resendIsThrottledByIntervalAndCount() {
        Member member = newMember();
        int before = mailbox.count(member.email());
        Attempt attempt = startLogin(member);
        mailbox.awaitNext(member.email(), before);

        EmailKeyPage tooSoon = attempt.keyPage().resend();
        assertTrue(tooSoon.message().startsWith("暗証キーの再請求は、あと"), tooSoon.message());
        assertTrue(tooSoon.message().contains("秒たってからできます"), tooSoon.message());
        assertEquals(before + 1, mailbox.count(member.email()), "a throttled resend sends no mail");

        try (AdminApi.ConfigChange noWait = server.admin().changeExecutionConfig("kenpo-email-key",
                Map.of(EmailKeyConfig.RESEND_INTERVAL_SECONDS, "0"))) {
            EmailKeyPage page = tooSoon;
            for (int i = 0; i < 5; i++) {
                page = page.resend();
                assertEquals("新しい暗証キーを送信しました。前にお送りした暗証キーは使えません。", page.message());
            }
            EmailKeyPage limit = page.resend();
            assertEquals("暗証キーの再請求は1回のログインにつき5回までです。お手数ですが、ログイン画面から最初からやり直してください。",
                    limit.message());
            assertEquals(before + 6, mailbox.count(member.email()));
        }
    }

    @Test
    void keyMailsToOneMemberAreCappedPerHourAcrossLoginAttempts() {
        Member member = newMember();
        int before = mailbox.count(member.email());
        try (AdminApi.ConfigChange cap = server.admin().changeExecutionConfig("kenpo-email-key",
                Map.of(EmailKeyConfig.MAILS_PER_HOUR, "3", EmailKeyConfig.RESEND_INTERVAL_SECONDS, "0"))) {
            Attempt first = startLogin(member);
            assertTrue(first.keyPage().hasKeyForm());
            EmailKeyPage resent = first.keyPage().resend();
            startLogin(member);
            mailbox.awaitNext(member.email(), before + 2);
            assertEquals(before + 3, mailbox.count(member.email()));

            // Whoever holds the password starts a new attempt: its own counters are fresh, the member's cap is not.
            Attempt fourth = startLogin(member);
            String capped = "短い時間に暗証キーのメールを何度もお送りしたため、しばらくお送りできません。"
                    + "1時間ほどたってから、もう一度ログインしてください。お心当たりのない場合は、健康保険組合へお問い合わせください。";
            assertEquals(capped, fourth.keyPage().message());
            assertEquals(capped, resent.resend().message(), "a resend in an older attempt is capped too");
            Pause.millis(2_000);
            assertEquals(before + 3, mailbox.count(member.email()), "no key mail past the cap");
            awaitEvents(member, e -> "kenpo_email_key_mail_cap".equals(e.get("error")));
        }
    }

    @Test
    void aKeyFromAnotherLoginAttemptIsRefused() {
        Member member = newMember();
        int before = mailbox.count(member.email());
        Attempt first = startLogin(member);
        String firstKey = mailbox.awaitKey(member.email(), before);

        // The member closes the page and starts again, in a new browser: a new attempt with its own key.
        Attempt second = startLogin(member);
        String secondKey = mailbox.awaitKey(member.email(), before + 1);
        assertNotEquals(firstKey, secondKey);

        EmailKeyPage refused = new EmailKeyPage(second.browser(), second.keyPage().submit(firstKey));
        assertTrue(refused.fieldError().startsWith("暗証キーが正しくありません。"), refused.fieldError());
        Pause.pastQuickLoginCheck();
        assertTrue(refused.submit(secondKey).isPortalRedirect());
        assertNotNull(first);
    }

    @Test
    void aUsedKeyCannotBeReplayed() {
        Member member = newMember();
        int before = mailbox.count(member.email());
        Attempt attempt = startLogin(member);
        String key = mailbox.awaitKey(member.email(), before);
        String action = attempt.keyPage().formAction();

        assertTrue(attempt.keyPage().submit(key).isPortalRedirect());

        // Replaying the same POST, with the same key, from a fresh browser that captured it.
        Browser attacker = new Browser();
        Browser.Page replay = attacker.post(action, Map.of("emailKey", key, "login", ""));
        assertFalse(replay.isPortalRedirect(), "a replayed key must not log anyone in");
        // And from the member's own browser: the session is already complete, no second code is issued for the key.
        Browser.Page again = attempt.browser().post(action, Map.of("emailKey", key, "login", ""));
        assertFalse(again.uri().toString().contains("code="), "no new authorization code for a replayed key: " + again.uri());
    }

    @Test
    void failuresSurviveResendsAndNewLoginAttempts() {
        Member member = newMember();
        try (AdminApi.ConfigChange noWait = server.admin().changeExecutionConfig("kenpo-email-key",
                Map.of(EmailKeyConfig.RESEND_INTERVAL_SECONDS, "0"))) {
            int before = mailbox.count(member.email());
            Attempt attempt = startLogin(member);
            String key = mailbox.awaitKey(member.email(), before);
            EmailKeyPage page = new EmailKeyPage(attempt.browser(), attempt.keyPage().submit(otherThan(key)));
            Pause.pastQuickLoginCheck();
            page = new EmailKeyPage(attempt.browser(), page.submit(otherThan(key)));
            Pause.pastQuickLoginCheck();
            awaitFailures(member, 2);

            page = page.resend();
            String resentKey = mailbox.awaitKey(member.email(), before + 1);
            new EmailKeyPage(attempt.browser(), page.submit(otherThan(resentKey)));
            Pause.pastQuickLoginCheck();
            awaitFailures(member, 3);

            int seen = mailbox.count(member.email());
            Attempt next = startLogin(member);
            String nextKey = mailbox.awaitKey(member.email(), seen);
            new EmailKeyPage(next.browser(), next.keyPage().submit(otherThan(nextKey)));
            awaitFailures(member, 4);
        }
    }

    @Test
    void smtpFailureShowsAClearMessageAndRetryWorksOnceMailIsBack() {
        Member member = newMember();
        Attempt attempt;
        try (AdminApi.ConfigChange broken = server.admin().changeMailServerPort(AdminApi.NO_MAIL_SERVER)) {
            attempt = startLogin(member);
            assertTrue(attempt.keyPage().message().startsWith("暗証キーのメールを送信できませんでした。"),
                    attempt.keyPage().message());
            assertEquals(0, mailbox.count(member.email()));
            // No key was stored for a mail that never left: any key is refused.
            EmailKeyPage refused = new EmailKeyPage(attempt.browser(), attempt.keyPage().submit("0123456789"));
            assertTrue(refused.fieldError().startsWith("有効な暗証キーがありません。"), refused.fieldError());
            // It counts as a failure; recorded before the next request (see resendIssuesANewKeyAndKillsTheOldOne).
            awaitFailures(member, 1);
            List<Map<String, Object>> errors = awaitEvents(member, e -> "SEND_VERIFY_EMAIL_ERROR".equals(e.get("type")));
            assertEquals("email_key_send_failed", errors.get(0).get("error"));
            attempt = new Attempt(attempt.browser(), attempt.authorization(), refused);
        }
        EmailKeyPage retried = attempt.keyPage().resend();
        assertEquals("新しい暗証キーを送信しました。前にお送りした暗証キーは使えません。", retried.message());
        String key = mailbox.awaitKey(member.email(), 0);
        assertTrue(retried.submit(key).isPortalRedirect());
    }

    @Test
    void memberWithoutAnAddressIsToldToContactTheUnion() {
        String loginId = "noaddr-" + UUID.randomUUID().toString().substring(0, 8);
        String id = server.admin().createMember(loginId, null, PASSWORD);
        Browser browser = new Browser();
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
        EmailKeyPage page = new EmailKeyPage(browser, login.submit(loginId, PASSWORD));
        assertEquals("メールアドレスが登録されていないため、暗証キーをお送りできず、ログインできません。お手数ですが、サンプル健康保険組合へお問い合わせください。",
                page.message());
        assertFalse(page.hasKeyForm());
        List<Map<String, Object>> errors = awaitEvents(new Member(id, loginId, null),
                e -> "email_key_no_address".equals(e.get("error")));
        assertFalse(errors.isEmpty());
    }

    @Test
    void screensAndMailAreInEnglishWhenTheMemberPicksEnglish() {
        Member member = newMember();
        Browser browser = new Browser("en");
        Oidc.Authorization authorization = Oidc.authorization(server.realmUrl(), "en");
        LoginPage login = new LoginPage(browser, browser.get(authorization.url()));
        assertEquals("Log in", login.title());
        assertEquals("Please log in with your registered login ID and password.", login.intro());
        int before = mailbox.count(member.email());
        EmailKeyPage keyPage = new EmailKeyPage(browser, login.submit(member.loginId(), PASSWORD));
        assertEquals("Enter your email key", keyPage.title());
        Mailbox.Mail mail = mailbox.awaitNext(member.email(), before);
        assertTrue(mail.subject().contains("Your login key"), mail.subject());
        assertTrue(keyPage.submit(mail.emailKey()).isPortalRedirect());
    }

    // --- helpers ---

    private List<Map<String, Object>> awaitEvents(Member member, Predicate<Map<String, Object>> wanted) {
        List<Map<String, Object>> events = Pause.until(() -> server.admin().events(member.id()), e -> e.stream().anyMatch(wanted));
        assertTrue(events.stream().anyMatch(wanted), "expected event not recorded: " + events);
        return events.stream().filter(wanted).toList();
    }

    private void awaitFailures(Member member, int expected) {
        assertEquals(expected, server.admin().awaitBruteForceFailures(member.id(), expected), "brute-force failures counted");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> event) {
        Object details = event.get("details");
        return details == null ? Map.of() : (Map<String, Object>) details;
    }

    private static void assertNoSecretsIn(List<Map<String, Object>> events, String key, String email) {
        String all = events.toString();
        assertFalse(all.contains(key), "an event carries the key");
        assertFalse(all.contains(email), "an event carries the full address");
    }

    private static String otherThan(String key) {
        char first = key.charAt(0) == '9' ? '0' : (char) (key.charAt(0) + 1);
        return first + key.substring(1);
    }
}
