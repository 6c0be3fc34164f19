package jp.kenpo.keycloak.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.LookupPage;
import jp.kenpo.keycloak.pages.MemberRegistrationPage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testing.Household;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.MemberSession;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testing.Pause;
import jp.kenpo.keycloak.testsupport.AdminRest;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How a dependent's ID is delivered (issue 13 §1): a hold before the link opens, a notice with a stop link to
 * the insured member at request time, approval by the insured member, post only, one neutral mail to the typed
 * address whatever was found, and the staff list of pending requests.
 *
 * <p>Time is moved honestly: the hold is a setting in seconds, so one test keeps the default (24 h) and
 * proves the link stays closed, another sets a few seconds and waits them out.
 */
@ExtendWith(KeycloakServerExtension.class)
class LookupDeliveryIT {

    private static final String STEP = "kenpo-member-lookup";
    private static final String DELIVERY = "kenpo.lookup.delivery";
    private static final String HOLD = "kenpo.lookup.holdSeconds";
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final KeycloakServer server;
    private final Mailbox mailbox;

    LookupDeliveryIT(KeycloakServer server) {
        this.server = server;
        this.mailbox = server.mailbox();
    }

    private static final LocalDate SPOUSE_BIRTH = LocalDate.of(1972, 8, 15);
    /** What the staff's list of lookup requests may show of a request. */
    private static final Set<String> STAFF_ROW_FIELDS = Set.of("id", "createdAt", "opensAt", "expiresAt", "delivery",
            "status", "userId", "symbol", "number", "maskedEmail", "endedAt", "endedBy");

    /** A spouse in a new household; returns the household and the spouse's login ID. */
    private record Spouse(Household household, String loginId) {
    }

    private Spouse spouse() {
        Household h = Household.create(server.admin());
        return new Spouse(h, h.dependent(server.admin(), "01", "spouse", "花子", "ハナコ", SPOUSE_BIRTH));
    }

    private LookupPage lookupForm() {
        Browser browser = new Browser();
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
        return new LookupPage(browser, browser.get(login.page().document().getElementById("kenpo-lookup-open").absUrl("href")));
    }

    private static LookupPage.Entry entry(Household h, String givenKanji, String givenKana, LocalDate birth) {
        return new LookupPage.Entry("", h.symbol(), h.number(), "健保", givenKanji, "ケンポ", givenKana,
                "SEIREKI", Integer.toString(birth.getYear()), Integer.toString(birth.getMonthValue()), Integer.toString(birth.getDayOfMonth()));
    }

    /** Asks for the spouse's ID with a fresh address; returns the address. */
    private String request(Household h, String givenKanji, String givenKana, LocalDate birth) {
        String address = Members.loginId("recv") + "@example.jp";
        LookupPage sent = lookupForm().next(entry(h, givenKanji, givenKana, birth)).send(address);
        assertTrue(sent.isSentPage(), sent.text());
        return address;
    }

    private String requestForSpouse(Household h) {
        return request(h, "花子", "ハナコ", SPOUSE_BIRTH);
    }

    private static String link(Mailbox.Mail mail, String part) {
        Matcher m = URL.matcher(mail.text());
        while (m.find()) {
            if (m.group().contains(part)) {
                return m.group();
            }
        }
        throw new AssertionError("No link with " + part + " in: " + mail.text());
    }

    /** A link into Keycloak (the union's web page in the mail's 問い合わせ先 is no way in). */
    private boolean hasLink(Mailbox.Mail mail) {
        return URL.matcher(mail.text()).results().anyMatch(m -> m.group().startsWith(server.baseUrl()));
    }

    /** Opens the link (GET) and presses its one button (POST), as a member does. */
    private static Document press(String link, String formId) {
        Browser browser = new Browser();
        Document page = browser.get(link).document();
        assertNotNull(page.getElementById(formId), page.text());
        return browser.post(page.getElementById(formId).absUrl("action"),
                Map.of("key", page.selectFirst("#" + formId + " input[name=key]").val())).document();
    }

    private static List<Map<String, Object>> rows(String json) {
        try {
            return AdminRest.JSON.readValue(json, new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new AssertionError(json, e);
        }
    }

    private String userId(String loginId) {
        return server.admin().userIdByUsername(loginId);
    }

    @Test
    void byDefaultTheLinkStaysClosedDuringTheHoldAndTheInsuredMemberIsToldAtOnce() {
        Spouse s = spouse();
        int noticesBefore = mailbox.count(s.household().insuredEmail());
        String address = requestForSpouse(s.household());
        String link = link(mailbox.awaitNext(address, 0), "/kenpo-lookup/credentials");

        // The insured member hears of it at request time, with a stop link, before anything was revealed.
        Mailbox.Mail notice = mailbox.awaitNext(s.household().insuredEmail(), noticesBefore);
        assertTrue(notice.subject().contains("ID・パスワードの取得のお手続きがありました"), notice.subject());
        assertTrue(link(notice, "/kenpo-lookup/stop").contains("key="));
        assertFalse(notice.prose().contains("花子") || notice.prose().contains("1972") || notice.text().contains(s.loginId()),
                notice.text());

        Browser browser = new Browser();
        Browser.Page opened = browser.get(link);
        assertEquals(200, opened.status());
        assertTrue(opened.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        Document onHold = opened.document();
        assertNotNull(onHold.getElementById("kenpo-lookup-on-hold"), onHold.text());
        assertNull(onHold.getElementById("kenpo-lookup-reveal-form"), "no button during the hold");
        // Forcing the POST with the key does not reveal anything either.
        String key = link.substring(link.indexOf("key=") + 4);
        Document forced = browser.post(link.substring(0, link.indexOf('?')), Map.of("key", key)).document();
        assertNull(forced.getElementById("kenpo-lookup-credentials"), forced.text());
        assertNotNull(forced.getElementById("kenpo-lookup-on-hold"), forced.text());
        String events = server.admin().events(userId(s.loginId())).toString();
        assertTrue(events.contains("opened_before_hold"), events);
        assertTrue(events.contains("requested") && events.contains("notice_sent"), events);
        assertFalse(events.contains(key), "no key in events");
    }

    @Test
    void aShortHoldOpensWhenItIsOver() {
        try (AdminApi.ConfigChange hold = server.admin().changeExecutionConfig(STEP, Map.of(HOLD, "4"))) {
            Spouse s = spouse();
            String address = requestForSpouse(s.household());
            String link = link(mailbox.awaitNext(address, 0), "/kenpo-lookup/credentials");
            assertNotNull(new Browser().get(link).document().getElementById("kenpo-lookup-on-hold"));
            Pause.millis(4_500);
            Document shown = press(link, "kenpo-lookup-reveal-form");
            assertEquals(s.loginId().toUpperCase(java.util.Locale.ROOT), shown.getElementById("kenpo-lookup-login-id").text());
        }
    }

    @Test
    void theStopLinkKillsARequestAndAMailScannerCannotUseItUp() {
        try (AdminApi.ConfigChange hold = server.admin().changeExecutionConfig(STEP, Map.of(HOLD, "3"))) {
            Spouse s = spouse();
            int before = mailbox.count(s.household().insuredEmail());
            String address = requestForSpouse(s.household());
            String link = link(mailbox.awaitNext(address, 0), "/kenpo-lookup/credentials");
            String stop = link(mailbox.awaitNext(s.household().insuredEmail(), before), "/kenpo-lookup/stop");

            // A scanner's GET shows a page with a button and changes nothing.
            Browser.Page scanned = new Browser().get(stop);
            assertEquals(200, scanned.status());
            assertNotNull(scanned.document().getElementById("kenpo-lookup-stop-form"));
            Document stopped = press(stop, "kenpo-lookup-stop-form");
            assertNotNull(stopped.getElementById("kenpo-lookup-stopped"), stopped.text());

            Pause.millis(3_500);
            Document after = press(link, "kenpo-lookup-reveal-form");
            assertNull(after.getElementById("kenpo-lookup-credentials"), "a stopped request reveals nothing");
            assertNotNull(after.getElementById("kenpo-lookup-not-completed"), after.text());
            assertTrue(server.admin().events(userId(s.loginId())).toString().contains("stopped"));
        }
    }

    @Test
    void stoppingAfterTheRevealTakesTheAccountBack() {
        try (AdminApi.ConfigChange now = server.admin().changeExecutionConfig(STEP, Map.of(DELIVERY, "immediate"))) {
            Spouse s = spouse();
            int before = mailbox.count(s.household().insuredEmail());
            String address = requestForSpouse(s.household());
            String link = link(mailbox.awaitNext(address, 0), "/kenpo-lookup/credentials");
            String stop = link(mailbox.awaitNext(s.household().insuredEmail(), before), "/kenpo-lookup/stop");
            Document shown = press(link, "kenpo-lookup-reveal-form");
            String temporary = shown.getElementById("kenpo-lookup-temporary-password").text();

            // Whoever got the link registers the account with their own ID, password and address, and logs in.
            Browser taker = new Browser();
            LoginPage login = new LoginPage(taker, taker.get(Oidc.authorization(server.realmUrl(), null).url()));
            MemberRegistrationPage registration = new MemberRegistrationPage(taker, login.submit(s.loginId(), temporary));
            String newId = Members.loginId("taken");
            registration.submit(newId, "Taken2026Ab", "Taken2026Ab", address, "");
            MemberSession session = MemberSession.login(server, newId, "Taken2026Ab", address);
            assertNotNull(session.accessToken());
            String id = userId(newId);
            List<Map<String, Object>> sessions = server.admin().get("/realms/kenpo/users/" + id + "/sessions", new TypeReference<>() { });
            assertFalse(sessions.isEmpty());

            Document stopped = press(stop, "kenpo-lookup-stop-form");
            assertNotNull(stopped.getElementById("kenpo-lookup-stopped"), stopped.text());

            List<Map<String, Object>> after = server.admin().get("/realms/kenpo/users/" + id + "/sessions", new TypeReference<>() { });
            assertTrue(after.isEmpty(), after.toString());
            Browser again = new Browser();
            LoginPage retry = new LoginPage(again, again.get(Oidc.authorization(server.realmUrl(), null).url()));
            Browser.Page refused = retry.submit(newId, "Taken2026Ab");
            assertFalse(refused.isPortalRedirect());
            assertNull(refused.document().getElementById("kenpo-email-key-form"), "the password no longer works");
            List<Map<String, Object>> credentials = server.admin().get("/realms/kenpo/users/" + id + "/credentials", new TypeReference<>() { });
            assertTrue(credentials.stream().noneMatch(c -> "password".equals(c.get("type"))), credentials.toString());
        }
    }

    @Test
    void inApprovalModeTheLinkIsMailedOnlyAfterTheInsuredMemberApproves() {
        try (AdminApi.ConfigChange approval = server.admin().changeExecutionConfig(STEP, Map.of(DELIVERY, "approval"))) {
            Spouse s = spouse();
            int before = mailbox.count(s.household().insuredEmail());
            String address = requestForSpouse(s.household());
            Mailbox.Mail received = mailbox.awaitNext(address, 0);
            assertFalse(hasLink(received), "no link before approval: " + received.text());
            Mailbox.Mail notice = mailbox.awaitNext(s.household().insuredEmail(), before);
            String approve = link(notice, "/kenpo-lookup/approve");
            link(notice, "/kenpo-lookup/stop");

            assertNotNull(new Browser().get(approve).document().getElementById("kenpo-lookup-approve-form"));
            Pause.millis(1_000);
            assertEquals(1, mailbox.count(address), "opening the approve link does not approve");

            Document approved = press(approve, "kenpo-lookup-approve-form");
            assertNotNull(approved.getElementById("kenpo-lookup-approved"), approved.text());
            String link = link(mailbox.awaitNext(address, 1), "/kenpo-lookup/credentials");
            Document shown = press(link, "kenpo-lookup-reveal-form");
            assertEquals(s.loginId().toUpperCase(java.util.Locale.ROOT), shown.getElementById("kenpo-lookup-login-id").text());
        }
    }

    @Test
    void inPostModeAPostalRequestIsRecordedAndNoLinkIsMailed() {
        try (AdminApi.ConfigChange post = server.admin().changeExecutionConfig(STEP, Map.of(DELIVERY, "post"))) {
            Spouse s = spouse();
            String address = requestForSpouse(s.household());
            Mailbox.Mail received = mailbox.awaitNext(address, 0);
            assertFalse(hasLink(received), received.text());
            List<Map<String, Object>> open = Pause.until(() -> server.admin().get("/realms/kenpo/kenpo-postal-requests?status=open",
                    new TypeReference<List<Map<String, Object>>>() { }),
                    list -> list.stream().anyMatch(r -> s.household().number().equals(r.get("number"))));
            Map<String, Object> request = open.stream().filter(r -> s.household().number().equals(r.get("number"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no postal request: " + open));
            assertEquals("lookup", request.get("category"));
            assertEquals(s.household().symbol(), request.get("symbol"));
        }
    }

    @Test
    void theTypedAddressGetsTheSameMailWhateverWasFound() {
        Household h = Household.create(server.admin());
        h.dependent(server.admin(), "01", "spouse", "花子", "ハナコ", SPOUSE_BIRTH);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        LocalDate young = today.minusYears(20);
        h.dependent(server.admin(), "02", "child", "次郎", "ジロウ", young);
        String ownAddress = Members.loginId("own") + "@example.jp";
        Map<String, List<String>> registered = Household.attributes(h.symbol(), h.number(), "03", "child", "健保", "良子", "ケンポ", "ヨシコ",
                LocalDate.of(1975, 1, 1));
        registered.put("kenpoRegistration", List.of("registered"));
        String registeredId = Members.loginId("regdep");
        server.admin().createMember(registeredId, ownAddress, "Kenpo2026Ab", registered);

        Mailbox.Mail match = mailbox.awaitNext(requestForSpouse(h), 0);
        Mailbox.Mail noMatch = mailbox.awaitNext(request(h, "三郎", "サブロウ", SPOUSE_BIRTH), 0);
        Mailbox.Mail notEligible = mailbox.awaitNext(request(h, "次郎", "ジロウ", young), 0);
        Mailbox.Mail alreadyRegistered = mailbox.awaitNext(request(h, "良子", "ヨシコ", LocalDate.of(1975, 1, 1)), 0);

        String shape = shape(match);
        for (Mailbox.Mail other : List.of(noMatch, notEligible, alreadyRegistered)) {
            assertEquals(match.subject(), other.subject());
            assertEquals(shape, shape(other));
            assertEquals(shape(match.html()), shape(other.html()));
        }
        // The registered member's own address still gets its login ID.
        assertTrue(mailbox.awaitNext(ownAddress, 0).text().contains("ログインID：" + registeredId));
    }

    /** The mail with its link and its times (the only parts that may differ) blanked out. */
    private static String shape(Mailbox.Mail mail) {
        return shape(mail.text()).replace(mail.to(), "ADDRESS");
    }

    private static String shape(String text) {
        return URL.matcher(text).replaceAll("LINK").replaceAll("\\d", "0");
    }

    @Test
    void staffSeePendingRequestsMaskedOldestFirstAndCanStopOne() {
        Spouse first = spouse();
        Spouse second = spouse();
        String firstAddress = requestForSpouse(first.household());
        mailbox.awaitNext(firstAddress, 0);
        Pause.millis(20);
        String secondAddress = requestForSpouse(second.household());
        String link = link(mailbox.awaitNext(secondAddress, 0), "/kenpo-lookup/credentials");

        AdminApi.RawAnswer all = server.admin().getRaw("/realms/kenpo/kenpo-lookup-requests?first=0&max=1000", null);
        assertEquals(200, all.status(), all.body());
        assertTrue(all.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertFalse(all.body().contains(first.household().number()) || all.body().contains(second.household().number()), all.body());
        assertFalse(all.body().contains(firstAddress) || all.body().contains(secondAddress), all.body());
        List<Map<String, Object>> rows = rows(all.body());
        // No name or birth date: a row holds only these fields, and its words none of them (ids and times are
        // random digits that can hold "1972" by chance, so they are left out of the word check).
        for (Map<String, Object> row : rows) {
            assertTrue(STAFF_ROW_FIELDS.containsAll(row.keySet()), row.toString());
            for (String field : List.of("delivery", "status", "symbol", "number", "maskedEmail", "endedBy")) {
                String words = String.valueOf(row.get(field));
                assertFalse(words.contains("花子") || words.contains("ハナコ") || words.contains("1972"), row.toString());
            }
        }
        List<Number> created = rows.stream().map(r -> (Number) r.get("createdAt")).toList();
        for (int i = 1; i < created.size(); i++) {
            assertTrue(created.get(i - 1).longValue() <= created.get(i).longValue(), "oldest first: " + created);
        }
        Map<String, Object> mine = rows.stream().filter(r -> userId(second.loginId()).equals(r.get("userId"))).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + rows));
        assertTrue(String.valueOf(mine.get("maskedEmail")).contains("***"), mine.toString());
        assertTrue(String.valueOf(mine.get("number")).contains("*"), mine.toString());

        List<Map<String, Object>> page = rows(server.admin().getRaw("/realms/kenpo/kenpo-lookup-requests?first=0&max=1", null).body());
        assertEquals(1, page.size());
        assertEquals(rows.get(0).get("id"), page.get(0).get("id"));
        List<Map<String, Object>> next = rows(server.admin().getRaw("/realms/kenpo/kenpo-lookup-requests?first=1&max=1", null).body());
        assertEquals(rows.get(1).get("id"), next.get(0).get("id"));

        // Anonymous callers and members are refused.
        assertEquals(401, server.admin().getRaw("/realms/kenpo/kenpo-lookup-requests", "").status());
        String memberId = Members.loginId("notstaff");
        server.admin().createMember(memberId, memberId + "@example.jp", "Kenpo2026Ab");
        MemberSession member = MemberSession.login(server, memberId, "Kenpo2026Ab", memberId + "@example.jp");
        assertEquals(403, server.admin().getRaw("/realms/kenpo/kenpo-lookup-requests", member.accessToken()).status());

        AdminApi.Answer stopped = server.admin().post("/realms/kenpo/kenpo-lookup-requests/" + mine.get("id") + "/stop");
        assertEquals(200, stopped.status(), stopped.body());
        List<Map<String, Object>> left = rows(server.admin().getRaw("/realms/kenpo/kenpo-lookup-requests?first=0&max=1000", null).body());
        assertTrue(left.stream().noneMatch(r -> mine.get("id").equals(r.get("id"))));
        assertNotNull(new Browser().get(link).document().getElementById("kenpo-lookup-on-hold"));
    }
}
