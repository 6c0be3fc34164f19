package jp.kenpo.keycloak.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every one-time thing of the pack used again: at the same moment from ten requests, and afterwards from a
 * browser without the first one's cookies. At most one use succeeds.
 */
@ExtendWith(KeycloakServerExtension.class)
class ReplayIT {

    private static final int AT_ONCE = 10;
    private static final String PASSWORD = "Kenpo2026Ab";
    private static final Pattern TEMPORARY = Pattern.compile("ログインID：(\\S+)\\s+仮パスワード：(\\S+)");

    private final KeycloakServer server;
    private final Mailbox mailbox;

    ReplayIT(KeycloakServer server) {
        this.server = server;
        this.mailbox = server.mailbox();
    }

    /** Runs {@code use} from {@link #AT_ONCE} threads released together; returns every answer. */
    private static List<RawHttp.Answer> atOnce(Function<Integer, RawHttp.Answer> use) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<RawHttp.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                int n = i;
                Callable<RawHttp.Answer> task = () -> {
                    start.await();
                    return use.apply(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<RawHttp.Answer> answers = new ArrayList<>();
            for (Future<RawHttp.Answer> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<RawHttp.Answer> answers, java.util.function.Predicate<RawHttp.Answer> success) {
        answers.forEach(a -> assertTrue(a.status() < 500, a.status() + " " + a.url() + "\n" + a.text()));
        return answers.stream().filter(success).count();
    }

    private static boolean atPortal(RawHttp.Answer a) {
        return a.url().startsWith(Oidc.REDIRECT_URI);
    }

    private RawHttp.Answer loginPage(RawHttp http) {
        return http.get(Oidc.authorization(server.realmUrl(), null).url());
    }

    private static RawHttp.Answer submitLogin(RawHttp http, RawHttp.Answer page, String loginId, String password) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(page.hidden("kc-form-login"));
        fields.put("username", loginId);
        fields.put("password", password);
        return http.postForm(page.formAction("kc-form-login"), fields);
    }

    @Test
    void anEmailKeySentOnceAtTheSameMomentTenTimesLogsInOnceAndNeverFromABrowserWithoutTheAttemptsCookies() throws Exception {
        String loginId = Members.loginId("rpkey");
        String email = loginId + "@example.jp";
        String userId = server.admin().createMember(loginId, email, PASSWORD);
        RawHttp http = new RawHttp("127.0.0.1");
        RawHttp.Answer keyPage = submitLogin(http, loginPage(http), loginId, PASSWORD);
        String action = keyPage.formAction("kc-email-key-form");
        assertNotNull(action, keyPage.text());
        String key = mailbox.awaitKey(email, 0);

        // A stranger who learnt the key (and the page's address) but has not got the attempt's cookies.
        RawHttp stranger = new RawHttp("127.0.0.1");
        assertFalse(atPortal(stranger.postForm(action, Map.of("emailKey", key, "login", ""))), "no login without the attempt");

        List<RawHttp.Answer> answers = atOnce(i -> http.sameCookies().postForm(action, Map.of("emailKey", key, "login", "")));
        assertTrue(count(answers, ReplayIT::atPortal) <= 1, "one login at most");
        List<String> codes = answers.stream().filter(ReplayIT::atPortal).map(a -> Oidc.query(java.net.URI.create(a.url())).get("code")).toList();

        // Sequentially afterwards, in the same browser and in a new one: refused.
        assertFalse(atPortal(http.postForm(action, Map.of("emailKey", key, "login", ""))), "the key works once");
        assertFalse(atPortal(new RawHttp("127.0.0.1").postForm(action, Map.of("emailKey", key, "login", ""))));
        server.admin().clearBruteForce(userId);
        assertTrue(codes.size() <= 1, codes.toString());
    }

    @Test
    void aReissuedTemporaryPasswordTriedByTenBrowsersAtOnceOpensPasswordChangeAtMostOnce() throws Exception {
        String loginId = Members.loginId("rptmp");
        String email = loginId + "@example.jp";
        String userId = server.admin().createMember(loginId, email, PASSWORD);
        RawHttp http = new RawHttp("127.0.0.1");
        RawHttp.Answer reissue = http.get(loginPage(http).document().getElementById("kenpo-forgot").absUrl("href"));
        http.postForm(reissue.formAction("kenpo-reissue-form"), Map.of("reissueEmail", email, "kenpoSendReissue", ""));
        Mailbox.Mail mail = mailbox.awaitNext(email, 0);
        Matcher m = TEMPORARY.matcher(mail.text());
        assertTrue(m.find(), mail.text());
        String temporary = m.group(2);

        // Ten browsers, each with the link opened, press ログイン at the same moment.
        List<RawHttp> browsers = new ArrayList<>();
        List<RawHttp.Answer> forms = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            RawHttp b = new RawHttp("127.0.0.1");
            RawHttp.Answer form = b.get(mail.link());
            assertNotNull(form.formAction("kc-form-login"), form.text());
            browsers.add(b);
            forms.add(form);
        }
        List<RawHttp.Answer> answers = atOnce(i -> submitLogin(browsers.get(i), forms.get(i), loginId, temporary));
        assertTrue(count(answers, a -> a.formAction("kenpo-password-change-form") != null) <= 1, "one 仮ログイン at most");

        RawHttp later = new RawHttp("127.0.0.1");
        RawHttp.Answer form = later.get(mail.link());
        assertEquals(null, submitLogin(later, form, loginId, temporary).formAction("kenpo-password-change-form"),
                "a new browser cannot use it afterwards");
        server.admin().clearBruteForce(userId);
    }

    @Test
    void aRegistrationStartLinkOpenedTenTimesAtOnceOpensAtMostOnce() throws Exception {
        String email = Members.loginId("rpstart") + "@example.jp";
        RawHttp http = new RawHttp("127.0.0.1");
        RawHttp.Answer first = http.get(server.realmUrl() + "/kenpo-start/first-login");
        RawHttp.Answer form = http.postForm(first.formAction("kenpo-register-by-email-form"), Map.of("kenpoRegisterByEmail", "1"));
        http.postForm(form.formAction("kenpo-registration-email-form"), Map.of("registrationEmail", email, "kenpoSendRegistrationMail", ""));
        String link = mailbox.awaitNext(email, 0).link();

        // Opening the link shows a button (mail scanners use nothing up); pressing it uses the link.
        Document opened = new RawHttp("127.0.0.1").get(link).document();
        String action = opened.getElementById("kenpo-registration-open-form").absUrl("action");
        String key = opened.selectFirst("#kenpo-registration-open-form input[name=key]").val();
        List<RawHttp.Answer> answers = atOnce(i -> new RawHttp("127.0.0.1").postForm(action, Map.of("key", key)));
        assertTrue(count(answers, a -> a.formAction("kc-form-login") != null) <= 1, "one opening at most");
        RawHttp.Answer later = new RawHttp("127.0.0.1").postForm(action, Map.of("key", key));
        assertEquals(400, later.status());
        assertEquals(null, later.formAction("kc-form-login"));
    }

    @Test
    void aLookupLinkRevealedTenTimesAtOnceShowsThePasswordAtMostOnce() throws Exception {
        // The manual's delivery (the link opens at once), so the reveal can be pressed now rather than after the hold.
        try (AdminApi.ConfigChange immediate = server.admin().changeExecutionConfig("kenpo-member-lookup",
                     Map.of("kenpo.lookup.delivery", "immediate"))) {
            String symbol = Long.toString(1000 + (System.nanoTime() % 9000));
            String number = Long.toString(3_000_000 + System.nanoTime() % 1_000_000L);
            server.admin().createMember(Members.loginId("rpins"), Members.loginId("rpins") + "@example.jp", PASSWORD,
                    household(symbol, number, "00", "self", "太郎", "タロウ", "1970-04-01"));
            Map<String, Object> dependent = new java.util.HashMap<>();
            dependent.put("username", Members.loginId("rpdep"));
            dependent.put("enabled", true);
            dependent.put("attributes", household(symbol, number, "01", "spouse", "花子", "ハナコ", "1972-08-15"));
            assertEquals(201, server.admin().tryCreateUser(dependent).status());

            String address = Members.loginId("rprecv") + "@example.jp";
            RawHttp http = new RawHttp("127.0.0.1");
            RawHttp.Answer data = http.get(server.realmUrl() + "/kenpo-start/lookup");
            Map<String, String> typed = new java.util.HashMap<>(Map.of("employeeNumber", "", "symbol", symbol, "number", number,
                    "familyKanji", "健保", "givenKanji", "花子", "familyKana", "ケンポ", "givenKana", "ハナコ", "birthEra", "SEIREKI",
                    "birthYear", "1972"));
            typed.put("birthMonth", "8");
            typed.put("birthDay", "15");
            typed.put("kenpoLookupNext", "");
            RawHttp.Answer emailForm = http.postForm(data.formAction("kenpo-lookup-form"), typed);
            http.postForm(emailForm.formAction("kenpo-lookup-email-form"), Map.of("lookupEmail", address, "kenpoLookupSend", ""));
            String link = mailbox.awaitNext(address, 0).link();

            Document reveal = new RawHttp("127.0.0.1").get(link).document();
            String action = reveal.getElementById("kenpo-lookup-reveal-form").absUrl("action");
            String key = reveal.selectFirst("input[name=key]").val();
            List<RawHttp.Answer> answers = atOnce(i -> new RawHttp("127.0.0.1").postForm(action, Map.of("key", key)));
            long shown = count(answers, a -> a.document().getElementById("kenpo-lookup-temporary-password") != null);
            assertTrue(shown <= 1, shown + " pages showed a password");
            assertEquals(null, new RawHttp("127.0.0.1").postForm(action, Map.of("key", key)).document()
                    .getElementById("kenpo-lookup-temporary-password"), "a new browser afterwards sees nothing");
        }
    }

    private static Map<String, List<String>> household(String symbol, String number, String branch, String relationship,
                                                       String givenKanji, String givenKana, String birth) {
        return new java.util.HashMap<>(Map.of("kenpoInsuranceSymbol", List.of(symbol), "kenpoInsuranceNumber", List.of(number),
                "kenpoBranchNumber", List.of(branch), "kenpoRelationship", List.of(relationship),
                "kenpoFamilyNameKanji", List.of("健保"), "kenpoGivenNameKanji", List.of(givenKanji),
                "kenpoFamilyNameKana", List.of("ケンポ"), "kenpoGivenNameKana", List.of(givenKana), "kenpoBirthDate", List.of(birth)));
    }

    @Test
    void aLettersPasswordRegistersOneAccountOnceEvenFromTenBrowsersAtOnceAndIsDeadAfterwards() throws Exception {
        String loginId = Members.preIssuedId();
        String temporary = Members.temporaryPassword();
        String userId = server.admin().createPreIssuedMember(loginId, temporary);
        List<RawHttp> browsers = new ArrayList<>();
        List<RawHttp.Answer> forms = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            RawHttp b = new RawHttp("127.0.0.1");
            RawHttp.Answer form = submitLogin(b, loginPage(b), loginId, temporary);
            assertNotNull(form.formAction("kenpo-registration-form"), form.text());
            browsers.add(b);
            forms.add(form);
        }
        String stem = Members.loginId("rpreg");
        List<RawHttp.Answer> answers = atOnce(i -> browsers.get(i).postForm(forms.get(i).formAction("kenpo-registration-form"),
                Map.of("newLoginId", stem + i, "newPassword", PASSWORD, "newPasswordConfirm", PASSWORD,
                        "email", stem + i + "@example.jp", "nickname", "", "register", "")));
        long completed = count(answers, a -> a.document().getElementById("kenpo-to-login") != null);
        assertTrue(completed <= 1, completed + " registrations completed with one letter");
        String username = (String) server.admin().user(userId).get("username");
        assertTrue(username.startsWith(stem), username);

        RawHttp later = new RawHttp("127.0.0.1");
        RawHttp.Answer again = submitLogin(later, loginPage(later), loginId, temporary);
        assertEquals(null, again.formAction("kenpo-registration-form"), "the letter's password is dead");
        assertFalse(atPortal(again));
        server.admin().clearBruteForce(userId);
    }
}
