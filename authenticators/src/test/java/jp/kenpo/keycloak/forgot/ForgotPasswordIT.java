package jp.kenpo.keycloak.forgot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kenpo.keycloak.pages.EmailKeyPage;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.PasswordChangePage;
import jp.kenpo.keycloak.pages.ReissuePage;
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

/** ログインID・パスワードを忘れた方: パスワード再発行 → mail → 仮ログイン → パスワード変更 → back to the portal. */
@ExtendWith(KeycloakServerExtension.class)
class ForgotPasswordIT {

    private static final String PASSWORD = "Kenpo2026Ab";
    private static final String NEW_PASSWORD = "Kenpo2027Cd";
    private static final String REISSUE = "kenpo-password-reissue";
    private static final Pattern TEMPORARY = Pattern.compile("ログインID：(\\S+)\\s+仮パスワード：(\\S+)");

    private final KeycloakServer server;
    private final Mailbox mailbox;

    ForgotPasswordIT(KeycloakServer server) {
        this.server = server;
        this.mailbox = server.mailbox();
    }

    private record Member(String id, String loginId, String email) {
    }

    private Member newMember(String email) {
        String loginId = Members.loginId("fgt");
        return new Member(server.admin().createMember(loginId, email, PASSWORD), loginId, email);
    }

    private static String address() {
        return Members.loginId("fgt") + "@example.jp";
    }

    private static Map<String, String> temporaryPasswords(Mailbox.Mail mail) {
        Map<String, String> found = new HashMap<>();
        Matcher m = TEMPORARY.matcher(mail.text());
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    private ReissuePage reissueForm(Browser browser, Oidc.Authorization authorization) {
        LoginPage login = new LoginPage(browser, browser.get(authorization.url()));
        return new ReissuePage(browser, browser.get(login.forgotLink().absUrl("href")));
    }

    @Test
    void fullPathFromTheForgotLinkBackToThePortal() {
        Member member = newMember(address());
        Browser browser = new Browser();
        Oidc.Authorization authorization = Oidc.authorization(server.realmUrl(), null);
        ReissuePage form = reissueForm(browser, authorization);
        assertTrue(form.isForm(), form.text());
        assertEquals("パスワード再発行", form.title());
        assertEquals("メールアドレスを入力し、送信してください。", form.intro());
        assertTrue(form.text().contains("ログイン画面"));

        ReissuePage sent = form.send(Members.toFullWidth(member.email()));
        assertTrue(sent.isSentPage(), sent.text());
        Mailbox.Mail mail = mailbox.awaitNext(member.email(), 0);
        assertTrue(mail.subject().contains("パスワード再発行のご案内"), mail.subject());
        assertTrue(mail.subject().contains("サンプル健康保険組合"));
        assertTrue(mail.text().contains("※仮パスワードの有効期限は発行から3時間です。"), mail.text());
        String temporary = temporaryPasswords(mail).get(member.loginId());
        assertTrue(temporary != null && temporary.matches("[A-Za-z0-9]{10}") && temporary.matches(".*[A-Z].*")
                && temporary.matches(".*[a-z].*") && temporary.matches(".*[0-9].*"), mail.text());

        // Same browser: the link returns to this login attempt.
        LoginPage temporaryLogin = new LoginPage(browser, browser.get(mail.link()));
        assertEquals("仮ログイン", temporaryLogin.title());
        assertEquals("メールでお知らせしたログインIDと仮パスワードでログインしてください。", temporaryLogin.intro());
        assertEquals("仮パスワード", temporaryLogin.label("password"));
        assertTrue(temporaryLogin.text().contains("※尚、仮パスワードの有効期限は発行から3時間です。"));

        PasswordChangePage change = new PasswordChangePage(browser, temporaryLogin.submit(member.loginId(), temporary));
        assertEquals("パスワード変更", change.title());
        assertEquals("新しいパスワード", change.label("password-new"));
        assertEquals("パスワード確認", change.label("password-confirm"));
        assertTrue(change.text().contains("パスワードを表示する"));

        PasswordChangePage several = new PasswordChangePage(browser, change.submit("abcdefg!", "abcdefg!"));
        assertEquals(List.of("パスワードには半角英大文字を1文字以上含めてください。", "パスワードには数字を1文字以上含めてください。",
                "パスワードに記号は使用できません。使える文字は半角英大文字・半角英小文字・半角数字です。"),
                several.errorLines("password-new"), "one line per broken rule, in the order of the rules");
        PasswordChangePage refused = new PasswordChangePage(browser, several.submit("Abcd123!", "Abcd123!"));
        assertTrue(refused.error("password-new").contains("パスワードに記号は使用できません。"), refused.error("password-new"));
        Browser.Page portal = refused.submit(NEW_PASSWORD, NEW_PASSWORD);
        assertTrue(portal.isPortalRedirect(), "no email key after 仮ログイン: " + portal.uri());
        assertEquals(authorization.state(), Oidc.query(portal.uri()).get("state"), "back to the attempt the portal started");
        Oidc.exchange(server.realmUrl(), Oidc.query(portal.uri()).get("code"), authorization.verifier());

        Mailbox.Mail notice = mailbox.awaitNext(member.email(), 1);
        assertTrue(notice.subject().contains("パスワードが変更されました"), notice.subject());
        assertTrue(notice.text().contains("ログインID「" + member.loginId() + "」のパスワードが変更されました。"), notice.text());
        assertTrue(notice.text().contains("（日本時間）"));

        List<Map<String, Object>> events = server.admin().events(member.id());
        for (String type : List.of("SEND_RESET_PASSWORD", "RESET_PASSWORD", "UPDATE_PASSWORD", "LOGIN")) {
            assertTrue(events.stream().anyMatch(e -> type.equals(e.get("type"))), type + " in " + events);
        }
        String all = events.toString();
        assertFalse(all.contains(temporary) || all.contains(NEW_PASSWORD) || all.contains(member.email()), all);

        // The old password is dead, the new one works (with the email key).
        Browser later = new Browser();
        LoginPage login = new LoginPage(later, later.get(Oidc.authorization(server.realmUrl(), null).url()));
        assertEquals("ログインIDまたはパスワードが正しくありません。", new LoginPage(later, login.submit(member.loginId(), PASSWORD)).fieldError());
        Pause.pastQuickLoginCheck();
        LoginPage retry = new LoginPage(later, later.get(Oidc.authorization(server.realmUrl(), null).url()));
        new EmailKeyPage(later, retry.submit(member.loginId(), NEW_PASSWORD));
    }

    @Test
    void theCurrentPasswordKeepsWorkingUntilTheTemporaryOneIsUsedAndATemporaryPasswordWorksOnce() {
        Member member = newMember(address());
        reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)).send(member.email());
        String temporary = temporaryPasswords(mailbox.awaitNext(member.email(), 0)).get(member.loginId());

        // A stranger's request locks nobody out: the current password still logs in.
        Browser browser = new Browser();
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
        new EmailKeyPage(browser, login.submit(member.loginId(), PASSWORD));

        Browser first = new Browser();
        LoginPage temporaryLogin = new LoginPage(first, first.get(mailbox.to(member.email()).get(0).link()));
        new PasswordChangePage(first, temporaryLogin.submit(member.loginId(), temporary));
        Pause.pastQuickLoginCheck();
        Browser second = new Browser();
        LoginPage again = new LoginPage(second, second.get(mailbox.to(member.email()).get(0).link()));
        LoginPage refused = new LoginPage(second, again.submit(member.loginId(), temporary));
        assertTrue(refused.fieldError().startsWith("ログインIDまたは仮パスワードが正しくないか"), refused.fieldError());
        server.admin().clearBruteForce(member.id());
    }

    @Test
    void wrongAndExpiredTemporaryPasswordsAreRefusedAndCounted() {
        Member member = newMember(address());
        try (AdminApi.ConfigChange shortLived = server.admin().changeExecutionConfig(REISSUE,
                Map.of("kenpo.reissue.validitySeconds", "1"))) {
            reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)).send(member.email());
        }
        Mailbox.Mail mail = mailbox.awaitNext(member.email(), 0);
        assertTrue(mail.text().contains("※仮パスワードの有効期限は発行から1分です。"), mail.text());
        String temporary = temporaryPasswords(mail).get(member.loginId());

        Browser browser = new Browser();
        LoginPage temporaryLogin = new LoginPage(browser, browser.get(mail.link()));
        LoginPage wrong = new LoginPage(browser, temporaryLogin.submit(member.loginId(), "Wrong23456"));
        assertTrue(wrong.fieldError().startsWith("ログインIDまたは仮パスワードが正しくないか"), wrong.fieldError());
        assertEquals("仮ログイン", wrong.title());
        Pause.pastQuickLoginCheck(); // past the one-second validity, and slower than Keycloak's quick-login check
        LoginPage expired = new LoginPage(browser, wrong.submit(member.loginId(), temporary));
        assertTrue(expired.fieldError().startsWith("ログインIDまたは仮パスワードが正しくないか"), expired.fieldError());

        awaitFailures(member, 2);
        List<Map<String, Object>> events = server.admin().events(member.id());
        assertTrue(events.stream().anyMatch(e -> "expired_temporary_password".equals(e.get("error"))), events.toString());
        assertTrue(events.stream().anyMatch(e -> "invalid_temporary_password".equals(e.get("error"))), events.toString());
        server.admin().clearBruteForce(member.id());
    }

    @Test
    void twoAccountsOnOneAddressGetOneMailWithATemporaryPasswordEach() {
        String shared = address();
        Member parent = newMember(shared);
        Member child = newMember(shared);
        reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)).send(shared);
        Mailbox.Mail mail = mailbox.awaitNext(shared, 0);
        Map<String, String> temporaries = temporaryPasswords(mail);
        assertEquals(2, temporaries.size(), mail.text());
        assertTrue(mail.text().contains("このメールアドレスには複数のログインIDが登録されています。"));
        assertNotEquals(temporaries.get(parent.loginId()), temporaries.get(child.loginId()));
        Pause.millis(1_000);
        assertEquals(1, mailbox.count(shared), "one mail for the address");

        // The child's temporary password does not open the parent's account.
        Browser browser = new Browser();
        LoginPage temporaryLogin = new LoginPage(browser, browser.get(mail.link()));
        LoginPage refused = new LoginPage(browser, temporaryLogin.submit(parent.loginId(), temporaries.get(child.loginId())));
        assertTrue(refused.fieldError().startsWith("ログインIDまたは仮パスワードが正しくないか"));
        Pause.pastQuickLoginCheck();
        new PasswordChangePage(browser, refused.submit(child.loginId(), temporaries.get(child.loginId())));
        server.admin().clearBruteForce(parent.id());
    }

    @Test
    void anUnregisteredAddressGetsTheSamePageAndNoMail() {
        Member member = newMember(address());
        String unknown = address();
        ReissuePage known = reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)).send(member.email());
        ReissuePage stranger = reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)).send(unknown);
        assertTrue(known.isSentPage() && stranger.isSentPage());
        assertEquals(known.title(), stranger.title());
        assertEquals(known.intro(), stranger.intro());
        assertEquals(known.page().status(), stranger.page().status());
        assertTrue(stranger.text().contains("配偶者・被扶養者（40歳以上）の方は、ログイン画面の「配偶者・被扶養者（40歳以上）の方のID・パスワード取得はこちら」からお手続きください。"),
                "one message: spouses and dependents go to the lookup, not to the union: " + stranger.text());
        mailbox.awaitNext(member.email(), 0);
        Pause.millis(1_500);
        assertEquals(0, mailbox.count(unknown));
    }

    @Test
    void aReissueMailGoesOnlyToAVerifiedAddress() {
        // An address typed at 利用者情報入力 (or by an admin) is not proven until its first email key.
        String email = address();
        String loginId = Members.loginId("fgt");
        Map<String, Object> user = new HashMap<>(Map.of("username", loginId, "enabled", true, "email", email, "emailVerified", false,
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
        assertEquals(201, server.admin().tryCreateUser(user).status());
        ReissuePage unverified = reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)).send(email);
        assertTrue(unverified.isSentPage(), "the same page as for any address");
        Pause.millis(1_500);
        assertEquals(0, mailbox.count(email), "no reissue mail to an unproven address");

        Browser browser = new Browser();
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
        EmailKeyPage keyPage = new EmailKeyPage(browser, login.submit(loginId, PASSWORD));
        assertTrue(keyPage.submit(mailbox.awaitKey(email, 0)).isPortalRedirect());

        reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)).send(email);
        Mailbox.Mail mail = mailbox.awaitNext(email, 1);
        assertTrue(mail.subject().contains("パスワード再発行のご案内"), mail.subject());
        assertTrue(temporaryPasswords(mail).containsKey(loginId), mail.text());
    }

    @Test
    void aHungMailServerDoesNotHoldTheAnswerForAKnownAddress() throws Exception {
        // Were the mail sent before answering, a known address would answer only once the mail server
        // had answered or the send had given up, and so later than an unknown one: that would tell
        // a stranger which addresses are registered. The server here never answers at all.
        Member member = newMember(address());
        try (SilentSmtp silent = new SilentSmtp();
             AdminApi.ConfigChange hung = server.admin().changeMailServerPort(silent.port())) {
            ReissuePage known = reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)).send(member.email());
            assertTrue(known.isSentPage(), known.text());
            assertEquals(0, silent.abandonedAttempts(), "the answer came while the mail was still waiting for the server");
            assertTrue(silent.awaitAttempt(), "the mail to the known address does go out");

            ReissuePage unknown = reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)).send(address());
            assertEquals(known.text(), unknown.text(), "a known and an unknown address get the same page");
        }
    }

    @Test
    void aMailServerThatIsDownGetsTheMailOnRetry() {
        Member member = newMember(address());
        ReissuePage sent;
        try (AdminApi.ConfigChange down = server.admin().changeMailServerPort(AdminApi.NO_MAIL_SERVER)) {
            sent = reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)).send(member.email());
            Pause.millis(1_500);
            assertEquals(0, mailbox.count(member.email()));
        }
        assertTrue(sent.isSentPage());
        // The outbox retries after a back-off (on the test server 1 s, then 2 s; in production 5 s, doubling).
        Mailbox.Mail mail = mailbox.awaitNext(member.email(), 0);
        assertTrue(temporaryPasswords(mail).containsKey(member.loginId()));
    }

    @Test
    void requestsAreThrottledPerAddress() {
        Member member = newMember(address());
        for (int i = 0; i < 3; i++) {
            assertTrue(reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)).send(member.email()).isSentPage());
        }
        ReissuePage throttled = reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)).send(member.email());
        assertTrue(throttled.isForm());
        assertTrue(throttled.message().startsWith("短い時間に何度も送信されたため"), throttled.message());
        ReissuePage invalid = reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)).send("taro@");
        assertEquals("メールアドレスの形式が正しくありません。もう一度ご確認ください。", invalid.fieldError());
    }

    @Test
    void aBurstOfFiftyParallelRequestsForOneAddressPassesAtMostTheLimit() throws Exception {
        Member member = newMember(address());
        List<ReissuePage> forms = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            forms.add(reissueForm(new Browser(), Oidc.authorization(server.realmUrl(), null)));
        }
        List<ReissuePage> answers = new ArrayList<>();
        // Every test comes from 127.0.0.1: only the per-address limit (3 per hour) is under test here.
        try (AdminApi.ConfigChange lifted = server.admin().changeExecutionConfig(REISSUE,
                Map.of("kenpo.reissue.perClientPerHour", "10000"))) {
            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ReissuePage>> sent = new ArrayList<>();
                for (ReissuePage form : forms) {
                    sent.add(pool.submit(() -> {
                        start.await();
                        return form.send(member.email());
                    }));
                }
                start.countDown();
                for (Future<ReissuePage> answer : sent) {
                    answers.add(answer.get(2, TimeUnit.MINUTES));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        long accepted = answers.stream().filter(ReissuePage::isSentPage).count();
        long throttled = answers.stream().filter(a -> a.isForm() && a.message().startsWith("短い時間に何度も送信されたため")).count();
        assertEquals(3, accepted, "at most the per-address limit is accepted");
        assertEquals(47, throttled);
        mailbox.awaitNext(member.email(), 2);
        Pause.millis(3_000);
        assertEquals(3, mailbox.count(member.email()), "one mail per accepted request");
    }

    @Test
    void recoveryEndsOfflineSessionsSoAnOldOfflineTokenNoLongerRefreshes() throws Exception {
        Member member = newMember(address());
        // The member (or whoever had the password) holds an offline token of the portal.
        Browser holder = new Browser();
        Oidc.Authorization offline = Oidc.authorization(server.realmUrl(), null);
        String offlineUrl = offline.url().replace("scope=openid", "scope=openid%20offline_access");
        LoginPage login = new LoginPage(holder, holder.get(offlineUrl));
        EmailKeyPage keyPage = new EmailKeyPage(holder, login.submit(member.loginId(), PASSWORD));
        Browser.Page portal = keyPage.submit(mailbox.awaitKey(member.email(), 0));
        assertTrue(portal.isPortalRedirect(), portal.uri().toString());
        Map<String, Object> tokens = Oidc.exchange(server.realmUrl(), Oidc.query(portal.uri()).get("code"), offline.verifier());
        String offlineToken = (String) tokens.get("refresh_token");
        assertEquals("Offline", Oidc.claims(offlineToken).get("typ"), "an offline token: " + Oidc.claims(offlineToken));
        assertEquals(200, refresh(offlineToken).statusCode(), "works before the recovery");

        // Recovery: パスワード再発行 → 仮ログイン → パスワード変更.
        Browser browser = new Browser();
        ReissuePage sent = reissueForm(browser, Oidc.authorization(server.realmUrl(), null)).send(member.email());
        assertTrue(sent.isSentPage());
        Mailbox.Mail mail = mailbox.awaitNext(member.email(), 1);
        LoginPage temporaryLogin = new LoginPage(browser, browser.get(mail.link()));
        PasswordChangePage change = new PasswordChangePage(browser,
                temporaryLogin.submit(member.loginId(), temporaryPasswords(mail).get(member.loginId())));
        assertTrue(change.submit(NEW_PASSWORD, NEW_PASSWORD).isPortalRedirect());

        HttpResponse<String> refused = refresh(offlineToken);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("invalid_grant"), refused.body());
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        String form = Browser.formBody(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", Oidc.CLIENT_ID, "client_secret", Oidc.CLIENT_SECRET));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitFailures(Member member, int expected) {
        assertEquals(expected, server.admin().awaitBruteForceFailures(member.id(), expected), "brute-force failures counted");
    }

}
