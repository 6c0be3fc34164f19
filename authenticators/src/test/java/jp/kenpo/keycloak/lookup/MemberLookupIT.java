package jp.kenpo.keycloak.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.LookupPage;
import jp.kenpo.keycloak.pages.MemberRegistrationPage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testing.Household;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testsupport.Oidc;
import jp.kenpo.keycloak.testing.Pause;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ID・パスワードの取得: dependents identify themselves and see their ID and a temporary password once. */
@ExtendWith(KeycloakServerExtension.class)
class MemberLookupIT {

    private static final String LOOKUP_STEP = "kenpo-member-lookup";

    private final KeycloakServer server;
    private final Mailbox mailbox;

    MemberLookupIT(KeycloakServer server) {
        this.server = server;
        this.mailbox = server.mailbox();
    }

    private LookupPage lookupForm(Browser browser) {
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
        Document doc = login.page().document();
        return new LookupPage(browser, browser.get(doc.getElementById("kenpo-lookup-open").absUrl("href")));
    }

    private static LookupPage.Entry entry(Household h, String givenKanji, String givenKana, LocalDate birth) {
        return new LookupPage.Entry("", h.symbol(), h.number(), "健保", givenKanji, "ケンポ", givenKana,
                "SEIREKI", Integer.toString(birth.getYear()), Integer.toString(birth.getMonthValue()), Integer.toString(birth.getDayOfMonth()));
    }

    /** The manual's route (link opens at once): the default hold is proven in {@link LookupDeliveryIT}. */
    private AdminApi.ConfigChange immediate() {
        return server.admin().changeExecutionConfig(LOOKUP_STEP, Map.of("kenpo.lookup.delivery", "immediate"));
    }

    /** Opens the result link of the newest mail to {@code address} and presses its button; true when credentials were shown. */
    private boolean revealsCredentials(String address) {
        Document confirm = new Browser().get(mailbox.awaitNext(address, 0).link()).document();
        Document shown = new Browser().post(confirm.getElementById("kenpo-lookup-reveal-form").absUrl("action"),
                Map.of("key", confirm.selectFirst("input[name=key]").val())).document();
        return shown.getElementById("kenpo-lookup-credentials") != null;
    }

    @Test
    void aSpouseGetsTheLinkAndSeesIdAndPasswordOnce() {
        try (AdminApi.ConfigChange now = immediate()) {
            aSpouseGetsTheLinkAndSeesIdAndPasswordOnceAtOnce();
        }
    }

    private void aSpouseGetsTheLinkAndSeesIdAndPasswordOnceAtOnce() {
        Household h = Household.create(server.admin());
        String loginId = h.dependent(server.admin(), "01", "spouse", "花子", "ハナコ", LocalDate.of(1972, 8, 15));
        Browser browser = new Browser();
        LookupPage form = lookupForm(browser);
        assertTrue(form.isDataForm(), form.text());
        assertEquals("ID・パスワードの取得", form.title());
        for (String label : List.of("従業員番号", "配偶者・被扶養者の方は入力不要です", "記号", "番号", "資格情報のお知らせ", "資格確認書",
                "マイナポータル", "氏名（漢字）姓", "氏名（全角カタカナ）セイ", "生年月日", "次へ", "入力に際してのご注意",
                "配偶者・被扶養者（40歳以上）ご自身の情報を入力してください。")) {
            assertTrue(form.text().contains(label), label);
        }
        // Typed as members type: full-width digits, hiragana, half-width kana, spaces, and the era year 昭和47年.
        LookupPage.Entry typed = new LookupPage.Entry("", Members.toFullWidth(h.symbol()), " " + Members.toFullWidth(h.number()),
                "健保", "花　子", "ｹﾝﾎﾟ", "はなこ", "SHOWA", "４７", "8", "１５");
        LookupPage email = form.next(typed);
        assertTrue(email.isEmailForm(), email.text());
        assertTrue(email.text().contains("受信用メールアドレス"));
        String address = Members.loginId("recv") + "@example.jp";
        LookupPage sent = email.send(address);
        assertTrue(sent.isSentPage());
        assertTrue(sent.text().contains("ログインID、パスワードは、一度のみの閲覧となります。"));

        Mailbox.Mail mail = mailbox.awaitNext(address, 0);
        assertEquals("[サンプル健康保険組合] お問い合わせ結果のご連絡 (Results)", mail.subject());
        String link = mail.link();

        Browser.Page confirm = new Browser().get(link);
        assertEquals(200, confirm.status());
        assertTrue(confirm.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        Document revealForm = confirm.document();
        Browser viewer = new Browser();
        Browser.Page shown = viewer.post(revealForm.getElementById("kenpo-lookup-reveal-form").absUrl("action"),
                Map.of("key", revealForm.selectFirst("input[name=key]").val()));
        assertTrue(shown.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        Document credentials = shown.document();
        assertEquals(loginId.toUpperCase(java.util.Locale.ROOT), credentials.getElementById("kenpo-lookup-login-id").text(),
                "a pre-issued ID is shown in capitals, as the letter prints it");
        String temporary = credentials.getElementById("kenpo-lookup-temporary-password").text();
        assertTrue(temporary.matches("[A-Za-z0-9]{10}"), temporary);
        assertTrue(credentials.text().contains("ログインID、パスワードは、一度のみの閲覧となります。"));

        // Opening the link again shows that it was used and how to start again.
        Document again = new Browser().get(link).document();
        assertTrue(again.text().contains("このURLはすでに使われたか、有効期限が過ぎています。"), again.text());
        // No dead end: the page has a button to the login screen.
        assertTrue(again.getElementById("kenpo-to-login").attr("href").endsWith("/realms/kenpo/account/"), again.html());
        Browser.Page replay = new Browser().post(revealForm.getElementById("kenpo-lookup-reveal-form").absUrl("action"),
                Map.of("key", revealForm.selectFirst("input[name=key]").val()));
        assertFalse(replay.body().contains(temporary), "the password is shown once");

        // The household's insured member was told at request time, and is told again of the reveal, without personal data.
        Mailbox.Mail notice = mailbox.awaitNext(h.insuredEmail(), 1);
        assertTrue(notice.subject().contains("ご家族のログインIDが発行されました"), notice.subject());
        assertFalse(notice.prose().contains("花子") || notice.prose().contains("1972") || notice.text().contains(loginId));

        // The first login with them goes through 利用者情報入力.
        Browser member = new Browser();
        LoginPage login = new LoginPage(member, member.get(Oidc.authorization(server.realmUrl(), null).url()));
        MemberRegistrationPage registration = new MemberRegistrationPage(member, login.submit(loginId, temporary));
        assertEquals("利用者情報入力", registration.title());
        assertTrue(String.valueOf(server.admin().user(userId(loginId)).get("attributes")).contains("kenpoLookupPasswordIssuedAt"),
                "the reveal records when the password was shown");

        List<Map<String, Object>> events = server.admin().events(userId(loginId));
        String all = events.toString();
        assertFalse(all.contains(temporary) || all.contains("花子") || all.contains("1972-08-15"), all);
    }

    @Test
    void dependentsAreEligibleFromFortyAndA39YearOldIsRefusedLikeAMismatch() {
        Household h = Household.create(server.admin());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        LocalDate fiscalEnd = LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() + 1 : today.getYear(), 3, 31);
        LocalDate forty = fiscalEnd.minusYears(40).plusDays(1);   // 40 on 31 March (legal age rule)
        LocalDate thirtyNine = forty.plusDays(1);
        String fortyId = h.dependent(server.admin(), "02", "child", "一郎", "イチロウ", forty);
        h.dependent(server.admin(), "03", "child", "次郎", "ジロウ", thirtyNine);

        AdminApi.ConfigChange now = immediate();
        String a = Members.loginId("r40") + "@example.jp";
        lookupForm(new Browser()).next(entry(h, "一郎", "イチロウ", forty)).send(a);
        assertTrue(revealsCredentials(a), "40 at the fiscal year end: eligible");

        String b = Members.loginId("r39") + "@example.jp";
        LookupPage refused = lookupForm(new Browser()).next(entry(h, "次郎", "ジロウ", thirtyNine));
        assertTrue(refused.isEmailForm(), "the same next page as for a match");
        assertTrue(refused.send(b).isSentPage());
        assertFalse(revealsCredentials(b));

        String c = Members.loginId("rnone") + "@example.jp";
        lookupForm(new Browser()).next(entry(h, "三郎", "サブロウ", forty)).send(c);
        assertFalse(revealsCredentials(c));

        // Reckoned on the day of the lookup, the one who is 40 only at the fiscal year end is not eligible yet
        // (unless today is 31 March, when both reckonings agree).
        try (AdminApi.ConfigChange onLookupDate = server.admin().changeExecutionConfig(LOOKUP_STEP,
                Map.of("kenpo.lookup.ageReckoning", "lookupDate"))) {
            String d = Members.loginId("rday") + "@example.jp";
            lookupForm(new Browser()).next(entry(h, "一郎", "イチロウ", forty)).send(d);
            boolean sameDay = today.equals(fiscalEnd);
            assertEquals(sameDay, revealsCredentials(d));
        } finally {
            now.close();
        }
        assertTrue(fortyId.startsWith("dep-"));
    }

    @Test
    void aRegisteredDependentIsNeverResetAndOnlyItsOwnAddressHearsOfIt() {
        Household h = Household.create(server.admin());
        String ownAddress = Members.loginId("own") + "@example.jp";
        String loginId = Members.loginId("regdep");
        Map<String, List<String>> attributes = Household.attributes(h.symbol(), h.number(), "04", "spouse", "健保", "良子", "ケンポ", "ヨシコ", LocalDate.of(1975, 1, 1));
        attributes.put("kenpoRegistration", List.of("registered"));
        String userId = server.admin().createMember(loginId, ownAddress, "Kenpo2026Ab", attributes);

        String stranger = Members.loginId("strg") + "@example.jp";
        assertTrue(lookupForm(new Browser()).next(entry(h, "良子", "ヨシコ", LocalDate.of(1975, 1, 1))).send(stranger).isSentPage());
        Mailbox.Mail mail = mailbox.awaitNext(ownAddress, 0);
        assertTrue(mail.text().contains("ログインID：" + loginId), mail.text());
        assertTrue(mail.text().contains("パスワード再発行"));
        // The typed address gets the one neutral mail every lookup gets (silence would tell that a member exists).
        Mailbox.Mail neutral = mailbox.awaitNext(stranger, 0);
        assertEquals(mail.subject(), neutral.subject());
        assertFalse(neutral.text().contains(loginId), neutral.text());
        Pause.millis(500);
        assertEquals(1, mailbox.count(stranger));
        assertEquals("registered", ((Map<?, ?>) server.admin().user(userId).get("attributes")).get("kenpoRegistration").toString()
                .replaceAll("[\\[\\]]", ""));
    }

    @Test
    void missingDataIsExplainedAndLookupsAreThrottledPerSymbolAndNumber() {
        Household h = Household.create(server.admin());
        LookupPage form = lookupForm(new Browser());
        LookupPage errors = form.next(new LookupPage.Entry("", "", h.number(), "健保", "", "ケンポ", "タロウ", "SHOWA", "64", "1", "8"));
        assertTrue(errors.isDataForm());
        assertEquals("記号を入力してください。", errors.error("symbol"));
        assertEquals("氏名（漢字）の名を入力してください。", errors.error("givenKanji"));
        assertTrue(errors.error("birthDate").startsWith("生年月日を正しく入力してください"), errors.error("birthDate"));
        assertEquals(h.number(), errors.value("number"), "typed values stay");

        for (int i = 0; i < 5; i++) {
            assertTrue(lookupForm(new Browser()).next(entry(h, "誰", "ダレ", LocalDate.of(1980, 1, 1))).isEmailForm());
        }
        LookupPage throttled = lookupForm(new Browser()).next(entry(h, "誰", "ダレ", LocalDate.of(1980, 1, 1)));
        assertTrue(throttled.isDataForm());
        assertTrue(throttled.message().startsWith("お手続きの回数が上限に達しました。"), throttled.message());
    }

    /** One postal request through the screens; answers the page after 送信. */
    private Document postalRequest(String family, String symbol, String number) {
        Browser browser = new Browser();
        LookupPage lookup = lookupForm(browser);
        Document postal = browser.post(lookup.page().document().getElementById("kenpo-postal-open-form").absUrl("action"),
                Map.of("kenpoPostal", "1")).document();
        Map<String, String> typed = new HashMap<>(Map.of("familyName", family, "givenName", "太郎", "familyKana", "ユウソウ",
                "givenKana", "タロウ", "symbol", symbol, "number", number, "phone", "09012345678", "category", "idpassword",
                "message", "", "postalCode", "1234567"));
        typed.put("address", "東京都千代田区1-2-3");
        typed.put("kenpoPostalConfirm", "");
        Document confirm = browser.post(postal.getElementById("kenpo-postal-form").absUrl("action"), typed).document();
        return browser.post(confirm.getElementById("kenpo-postal-submit-form").absUrl("action"), Map.of("kenpoPostalSubmit", "1")).document();
    }

    @Test
    void postalRequestsAreThrottledPerSymbolAndNumberAndTheStaffListPagesOldestFirst() {
        String number = Long.toString(10_000_000L + System.nanoTime() % 80_000_000L);
        String family = "頁" + (System.nanoTime() % 100000);
        String other = Long.toString(Long.parseLong(number) + 1);
        try (AdminApi.ConfigChange lifted = server.admin().changeExecutionConfig("kenpo-member-lookup",
                Map.of("kenpo.postal.perClientPerDay", "10000"))) {
            for (int i = 0; i < 3; i++) {
                assertTrue(postalRequest(family + i, "9876", number).text().contains("後日、ログインID、パスワードの記載された封書をお送りします。"));
            }
            Document throttled = postalRequest(family + 3, "9876", number);
            assertTrue(throttled.text().contains("お手続きの回数が上限に達しました。"), throttled.text());
            assertTrue(postalRequest(family + 4, "9876", other).text().contains("封書をお送りします"), "another number is apart");
        }
        var type = new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() { };
        List<Map<String, Object>> all = new ArrayList<>();
        for (int first = 0; ; first += 2) {
            List<Map<String, Object>> page = server.admin().get("/realms/kenpo/kenpo-postal-requests?status=open&first=" + first + "&max=2", type);
            assertTrue(page.size() <= 2, "max is honoured");
            all.addAll(page);
            if (page.size() < 2) {
                break;
            }
        }
        List<String> mine = all.stream().map(r -> (String) r.get("name")).filter(n -> n.startsWith(family)).toList();
        assertEquals(List.of(family + "0 太郎", family + "1 太郎", family + "2 太郎", family + "4 太郎"), mine,
                "every open request, oldest first, none stored for the throttled one");
        List<Long> created = all.stream().map(r -> ((Number) r.get("createdAt")).longValue()).toList();
        assertEquals(created.stream().sorted().toList(), created, "oldest first across pages");
    }

    @Test
    void aPostalRequestIsStoredBeforeTheThanksPageAndStaffCanSeeAndCloseIt() {
        Browser browser = new Browser();
        LookupPage lookup = lookupForm(browser);
        Document postal = browser.post(lookup.page().document().getElementById("kenpo-postal-open-form").absUrl("action"),
                Map.of("kenpoPostal", "1")).document();
        assertEquals("お問い合わせ", postal.getElementById("kc-page-title").text());
        assertTrue(postal.text().contains("適用業務・給付業務・保健事業以外の目的に使用することはありません"));
        String action = postal.getElementById("kenpo-postal-form").absUrl("action");
        String family = "郵送" + (System.nanoTime() % 100000);
        // A number of its own: other tests' postal requests count against theirs (3 a day per 記号・番号).
        String number = Long.toString(10_000_000L + System.nanoTime() % 80_000_000L);

        Map<String, String> typed = new HashMap<>(Map.of("familyName", family, "givenName", "太郎", "familyKana", "ゆうそう",
                "givenKana", "ﾀﾛｳ", "symbol", "１２３４", "number", Members.toFullWidth(number), "phone", "12", "category", "idpassword",
                "message", "封書でお願いします", "postalCode", "12-3"));
        typed.put("address", "");
        typed.put("kenpoPostalConfirm", "");
        Document errors = browser.post(action, typed).document();
        assertTrue(errors.getElementById("input-error-phone").text().startsWith("電話番号は0から始まる10桁または11桁"));
        assertEquals("郵便番号は7桁の数字で入力してください（例：123-4567）。", errors.getElementById("input-error-postalCode").text());
        assertEquals("住所を入力してください。", errors.getElementById("input-error-address").text());
        assertEquals(family, errors.getElementById("familyName").val(), "typed values stay");

        typed.put("phone", "０９０－１２３４－５６７８");
        typed.put("postalCode", "〒１２３４５６７");
        typed.put("address", "東京都千代田区1-2-3");
        // Each page has its own action URL: Keycloak rotates the session code on every POST.
        Document confirm = browser.post(errors.getElementById("kenpo-postal-form").absUrl("action"), typed).document();
        assertEquals("お問い合わせ内容の確認", confirm.getElementById("kc-page-title").text());
        assertEquals("123-4567", confirm.getElementById("confirm-postal-code").text());
        assertEquals("09012345678", confirm.getElementById("confirm-phone").text());
        assertEquals("ユウソウ タロウ", confirm.getElementById("confirm-kana").text());

        // The mail server is down when the member presses 送信: the request is stored all the same.
        Document thanks;
        try (AdminApi.ConfigChange down = server.admin().changeMailServerPort(AdminApi.NO_MAIL_SERVER)) {
            thanks = browser.post(confirm.getElementById("kenpo-postal-submit-form").absUrl("action"), Map.of("kenpoPostalSubmit", "1")).document();
        }
        assertTrue(thanks.text().contains("後日、ログインID、パスワードの記載された封書をお送りします。"), thanks.text());

        List<Map<String, Object>> open = server.admin().get("/realms/kenpo/kenpo-postal-requests?status=open&max=1000",
                new com.fasterxml.jackson.core.type.TypeReference<>() { });
        Map<String, Object> request = open.stream().filter(r -> (family + " 太郎").equals(r.get("name"))).findFirst().orElseThrow();
        assertEquals("123-4567", request.get("postalCode"));
        assertEquals("東京都千代田区1-2-3", request.get("address"));
        assertEquals("1234", request.get("symbol"));

        // Staff answers carry the requester's name, address and phone: never cached (ASVS 14.3.2).
        AdminApi.Answer listed = server.admin().getAnswer("/realms/kenpo/kenpo-postal-requests?status=open&max=1000");
        assertEquals(200, listed.status(), listed.body());
        assertTrue(listed.cacheControl().contains("no-store"), "list Cache-Control: " + listed.cacheControl());
        var closed = server.admin().post("/realms/kenpo/kenpo-postal-requests/" + request.get("id") + "/close");
        assertEquals(200, closed.status(), closed.body());
        assertTrue(closed.cacheControl().contains("no-store"), "close Cache-Control: " + closed.cacheControl());
        List<Map<String, Object>> stillOpen = server.admin().get("/realms/kenpo/kenpo-postal-requests?status=open&max=1000",
                new com.fasterxml.jackson.core.type.TypeReference<>() { });
        assertFalse(stillOpen.stream().anyMatch(r -> request.get("id").equals(r.get("id"))));
        // Closing is an admin event naming the request, not its content.
        List<Map<String, Object>> adminEvents = server.admin().adminEvents();
        Map<String, Object> closing = adminEvents.stream()
                .filter(e -> String.valueOf(e.get("resourcePath")).endsWith(request.get("id") + "/close")).findFirst()
                .orElseThrow(() -> new AssertionError("no admin event for closing: " + adminEvents));
        assertEquals("KENPO_POSTAL_REQUEST", closing.get("resourceType"));
        assertEquals("UPDATE", closing.get("operationType"));
        assertFalse(closing.toString().contains(family) || closing.toString().contains("千代田"), closing.toString());

        // The staff notice went out on retry, and carries no personal data.
        Mailbox.Mail notice = mailbox.awaitNext(KeycloakServer.STAFF_ADDRESS, mailbox.count(KeycloakServer.STAFF_ADDRESS) - 1 < 0 ? 0
                : mailbox.count(KeycloakServer.STAFF_ADDRESS) - 1);
        assertTrue(notice.subject().contains("郵送によるID・パスワード通知の依頼"), notice.subject());
        assertFalse(notice.text().contains(family) || notice.text().contains("09012345678") || notice.text().contains("千代田"), notice.text());
    }

    @Test
    void anOverlongNameOnThePostalFormGetsAMessageNotAServerError() {
        Browser browser = new Browser();
        LookupPage lookup = lookupForm(browser);
        Document postal = browser.post(lookup.page().document().getElementById("kenpo-postal-open-form").absUrl("action"),
                Map.of("kenpoPostal", "1")).document();
        String overlong = "長".repeat(300);
        Map<String, String> typed = new HashMap<>(Map.of("familyName", overlong, "givenName", "太郎", "familyKana", "ヤマダ",
                "givenKana", "タロウ", "symbol", "1234", "number", "5678", "phone", "09012345678", "category", "idpassword",
                "message", "", "postalCode", "123-4567"));
        typed.put("address", "東京都千代田区1-2-3");
        typed.put("kenpoPostalConfirm", "");
        Browser.Page answer = browser.post(postal.getElementById("kenpo-postal-form").absUrl("action"), typed);
        assertEquals(200, answer.status(), answer.body());
        Document errors = answer.document();
        assertEquals("お問い合わせ", errors.getElementById("kc-page-title").text(), "the form again, not the confirmation");
        assertEquals("氏名（姓）は50文字以内で入力してください。", errors.getElementById("input-error-familyName").text());

        // Pressing 送信 without a confirmed form stores nothing.
        Browser.Page submitted = browser.post(errors.getElementById("kenpo-postal-form").absUrl("action"), Map.of("kenpoPostalSubmit", "1"));
        assertTrue(submitted.status() < 500, submitted.status() + " " + submitted.body());
        List<Map<String, Object>> open = server.admin().get("/realms/kenpo/kenpo-postal-requests?status=open",
                new com.fasterxml.jackson.core.type.TypeReference<>() { });
        assertFalse(open.stream().anyMatch(r -> String.valueOf(r.get("name")).startsWith("長長長")), "nothing stored");
    }

    @Test
    void staffListNeedsAdminRights() {
        Browser anonymous = new Browser();
        Browser.Page page = anonymous.get(server.baseUrl() + "/admin/realms/kenpo/kenpo-postal-requests");
        assertEquals(401, page.status());
    }

    private String userId(String loginId) {
        return server.admin().userIdByUsername(loginId);
    }

}
