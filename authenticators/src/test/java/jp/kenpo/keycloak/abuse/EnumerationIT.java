package jp.kenpo.keycloak.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.LookupPage;
import jp.kenpo.keycloak.pages.RegistrationEmailPage;
import jp.kenpo.keycloak.pages.ReissuePage;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testing.Pause;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * For every entry point of the pack, a member's data and a stranger's give the same status, the same page
 * (echoed values and random tokens taken out) and the same mails to anything the requester can read.
 */
@ExtendWith(KeycloakServerExtension.class)
class EnumerationIT {

    private static final String PASSWORD = "Kenpo2026Ab";

    private final KeycloakServer server;
    private final Mailbox mailbox;

    EnumerationIT(KeycloakServer server) {
        this.server = server;
        this.mailbox = server.mailbox();
    }

    private static void assertSame(Browser.Page known, Browser.Page unknown, String... echoed) {
        assertEquals(known.status(), unknown.status(), "status");
        assertEquals(PageShape.of(known.body(), echoed), PageShape.of(unknown.body(), echoed), "page");
    }

    private LoginPage login(Browser browser) {
        return new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
    }

    @Test
    void theLoginPageIsTheSameForAMembersIdWithAWrongPasswordAndForAnIdNobodyHasAndNoMailGoesOut() {
        String known = Members.loginId("enk");
        String email = known + "@example.jp";
        String userId = server.admin().createMember(known, email, PASSWORD);
        String unknown = Members.loginId("enu");
        Browser.Page forKnown = login(new Browser()).submit(known, "Wrong2026Ab");
        Browser.Page forUnknown = login(new Browser()).submit(unknown, "Wrong2026Ab");
        assertSame(forKnown, forUnknown, known, unknown);
        Pause.millis(500);
        assertEquals(0, mailbox.count(email), "a wrong password sends nothing");
        server.admin().clearBruteForce(userId);
    }

    @Test
    void aPendingMembersLetterIdWithAWrongPasswordLooksLikeAnUnknownId() {
        String known = Members.preIssuedId();
        String userId = server.admin().createPreIssuedMember(known, Members.temporaryPassword());
        String unknown = Members.preIssuedId();
        Browser a = new Browser();
        Browser.Page forKnown = login(a).openFirstLogin().submit(known, "Wrong23456");
        Browser b = new Browser();
        Browser.Page forUnknown = login(b).openFirstLogin().submit(unknown, "Wrong23456");
        assertSame(forKnown, forUnknown, known, unknown);
        server.admin().clearBruteForce(userId);
    }

    @Test
    void temporaryLoginIsTheSameForAMemberWithAWrongTemporaryPasswordAndForAnUnknownId() {
        String known = Members.loginId("entk");
        String userId = server.admin().createMember(known, known + "@example.jp", PASSWORD);
        String unknown = Members.loginId("entu");
        Browser a = new Browser();
        Browser.Page forKnown = new LoginPage(a, a.get(server.realmUrl() + "/kenpo-start/temporary-login")).submit(known, "Wrong23456");
        Browser b = new Browser();
        Browser.Page forUnknown = new LoginPage(b, b.get(server.realmUrl() + "/kenpo-start/temporary-login")).submit(unknown, "Wrong23456");
        assertSame(forKnown, forUnknown, known, unknown);
        server.admin().clearBruteForce(userId);
    }

    @Test
    void reissueAnswersTheSameForARegisteredAndAnUnknownAddress() {
        String known = Members.loginId("enrk") + "@example.jp";
        server.admin().createMember(Members.loginId("enrk"), known, PASSWORD);
        String unknown = Members.loginId("enru") + "@example.jp";
        Browser a = new Browser();
        ReissuePage forKnown = new ReissuePage(a, a.get(login(a).forgotLink().absUrl("href"))).send(known);
        Browser b = new Browser();
        ReissuePage forUnknown = new ReissuePage(b, b.get(login(b).forgotLink().absUrl("href"))).send(unknown);
        assertTrue(forKnown.isSentPage());
        assertSame(forKnown.page(), forUnknown.page(), known, unknown);
        // The owner of the registered address is the only one who hears of it.
        assertTrue(mailbox.awaitNext(known, 0).subject().contains("パスワード再発行"));
        assertEquals(0, mailbox.count(unknown));
    }

    @Test
    void registrationByEmailAnswersAndMailsTheSameForAMembersAndAStrangersAddress() {
        String known = Members.loginId("enek") + "@example.jp";
        server.admin().createMember(Members.loginId("enek"), known, PASSWORD);
        String unknown = Members.loginId("eneu") + "@example.jp";
        RegistrationEmailPage forKnown = login(new Browser()).openFirstLogin().openRegisterByEmail().send(known);
        RegistrationEmailPage forUnknown = login(new Browser()).openFirstLogin().openRegisterByEmail().send(unknown);
        assertTrue(forKnown.isSentPage());
        assertSame(forKnown.page(), forUnknown.page(), known, unknown);
        Mailbox.Mail toKnown = mailbox.awaitNext(known, 0);
        Mailbox.Mail toUnknown = mailbox.awaitNext(unknown, 0);
        assertEquals(toKnown.subject(), toUnknown.subject());
        assertEquals(toKnown.text().replace(toKnown.link(), "…"), toUnknown.text().replace(toUnknown.link(), "…"));
        Pause.millis(500);
        assertEquals(1, mailbox.count(known));
        assertEquals(1, mailbox.count(unknown));
    }

    private record Household(String symbol, String number) {
    }

    private Household household() {
        String symbol = Long.toString(1000 + (System.nanoTime() % 9000));
        String number = Long.toString(4_000_000 + System.nanoTime() % 1_000_000L);
        server.admin().createMember(Members.loginId("enins"), Members.loginId("enins") + "@example.jp", PASSWORD,
                attributes(symbol, number, "00", "self", "太郎", "タロウ", "1970-04-01"));
        return new Household(symbol, number);
    }

    static Map<String, List<String>> attributes(String symbol, String number, String branch, String relationship,
                                                String givenKanji, String givenKana, String birth) {
        return new HashMap<>(Map.of("kenpoInsuranceSymbol", List.of(symbol), "kenpoInsuranceNumber", List.of(number),
                "kenpoBranchNumber", List.of(branch), "kenpoRelationship", List.of(relationship),
                "kenpoFamilyNameKanji", List.of("健保"), "kenpoGivenNameKanji", List.of(givenKanji),
                "kenpoFamilyNameKana", List.of("ケンポ"), "kenpoGivenNameKana", List.of(givenKana), "kenpoBirthDate", List.of(birth)));
    }

    private void dependent(Household h, String branch, String givenKanji, String givenKana, String birth, String registeredEmail) {
        Map<String, List<String>> attributes = attributes(h.symbol(), h.number(), branch, "spouse", givenKanji, givenKana, birth);
        if (registeredEmail != null) {
            attributes.put("kenpoRegistration", List.of("registered"));
            server.admin().createMember(Members.loginId("enreg"), registeredEmail, PASSWORD, attributes);
            return;
        }
        Map<String, Object> user = new HashMap<>();
        user.put("username", Members.loginId("endep"));
        user.put("enabled", true);
        user.put("attributes", attributes);
        assertEquals(201, server.admin().tryCreateUser(user).status());
    }

    private LookupPage lookupForm(Browser browser) {
        return new LookupPage(browser, browser.get(server.realmUrl() + "/kenpo-start/lookup"));
    }

    private static LookupPage.Entry entry(Household h, String givenKanji, String givenKana, String year, String month, String day) {
        return new LookupPage.Entry("", h.symbol(), h.number(), "健保", givenKanji, "ケンポ", givenKana, "SEIREKI", year, month, day);
    }

    /** The two pages and the mails to the two typed addresses of a lookup for {@code a} and one for {@code b}. */
    private void assertLookupsAlike(LookupPage.Entry a, LookupPage.Entry b) {
        String toA = Members.loginId("enla") + "@example.jp";
        String toB = Members.loginId("enlb") + "@example.jp";
        LookupPage nextA = lookupForm(new Browser()).next(a);
        LookupPage nextB = lookupForm(new Browser()).next(b);
        assertTrue(nextA.isEmailForm(), nextA.text());
        assertSame(nextA.page(), nextB.page(), a.givenKanji(), b.givenKanji(), a.givenKana(), b.givenKana());
        LookupPage sentA = nextA.send(toA);
        LookupPage sentB = nextB.send(toB);
        assertSame(sentA.page(), sentB.page(), toA, toB);
        Mailbox.Mail mailA = mailbox.awaitNext(toA, 0);
        Mailbox.Mail mailB = mailbox.awaitNext(toB, 0);
        assertEquals(mailA.subject(), mailB.subject(), "the typed address gets the same mail whatever was found");
        Pause.millis(500);
        assertEquals(mailbox.count(toA), mailbox.count(toB));
    }

    @Test
    void theLookupAnswersTheSameForAMatchingDependentAndForNobody() {
        Household h = household();
        dependent(h, "01", "花子", "ハナコ", "1972-08-15", null);
        assertLookupsAlike(entry(h, "花子", "ハナコ", "1972", "8", "15"), entry(h, "三郎", "サブロウ", "1972", "8", "15"));
    }

    @Test
    void theLookupMailsTheTypedAddressAlikeForARegisteredDependentAndForNobody() {
        Household h = household();
        dependent(h, "02", "良子", "ヨシコ", "1975-01-01", Members.loginId("enown") + "@example.jp");
        assertLookupsAlike(entry(h, "良子", "ヨシコ", "1975", "1", "1"), entry(h, "三郎", "サブロウ", "1975", "1", "1"));
    }

    @Test
    void thePostalRequestAnswersTheSameForAMembersDataAndForNobodysAndStaffHearOfBoth() {
        Household h = household();
        int staff = mailbox.count(KeycloakServer.STAFF_ADDRESS);
        Document[] known = postal(h.symbol(), h.number(), "健保", "太郎");
        Document[] unknown = postal("9" + h.symbol().substring(1), "1" + h.number(), "不在", "次郎");
        for (int i = 0; i < 2; i++) {
            assertEquals(PageShape.of(known[i].html(), h.symbol(), h.number(), "健保", "太郎", "ケンポ"),
                    PageShape.of(unknown[i].html(), "9" + h.symbol().substring(1), "1" + h.number(), "不在", "次郎", "ケンポ"));
        }
        Pause.until(() -> mailbox.count(KeycloakServer.STAFF_ADDRESS), n -> n >= staff + 2);
        assertEquals(staff + 2, mailbox.count(KeycloakServer.STAFF_ADDRESS), "one notice each");
    }

    /** The confirm page and the thanks page of a postal request. */
    private Document[] postal(String symbol, String number, String family, String given) {
        Browser browser = new Browser();
        Document form = browser.get(server.realmUrl() + "/kenpo-start/postal").document();
        Map<String, String> typed = new HashMap<>(Map.of("familyName", family, "givenName", given, "familyKana", "ケンポ",
                "givenKana", "タロウ", "symbol", symbol, "number", number, "phone", "0312345678", "category", "idpassword",
                "message", "", "postalCode", "1234567"));
        typed.put("address", "東京都千代田区1-2-3");
        typed.put("kenpoPostalConfirm", "");
        Document confirm = browser.post(form.getElementById("kenpo-postal-form").absUrl("action"), typed).document();
        Document thanks = browser.post(confirm.getElementById("kenpo-postal-submit-form").absUrl("action"),
                Map.of("kenpoPostalSubmit", "1")).document();
        return new Document[] {confirm, thanks};
    }
}
