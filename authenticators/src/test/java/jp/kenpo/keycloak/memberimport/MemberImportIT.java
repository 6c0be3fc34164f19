package jp.kenpo.keycloak.memberimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.MemberRegistrationPage;
import jp.kenpo.keycloak.pages.RegistrationCompletePage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.MemberSession;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testsupport.Oidc;
import jp.kenpo.keycloak.testing.Pause;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Union IT loads its membership list through the admin REST API, then prints the letters. */
@ExtendWith(KeycloakServerExtension.class)
class MemberImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "記号,番号,枝番,続柄,氏名（漢字）,氏名（カナ）,生年月日,従業員番号,資格喪失日\r\n";
    private static final String[] GIVEN = {"太郎", "花子", "一郎", "次郎"};
    private static final String[] GIVEN_KANA = {"タロウ", "ハナコ", "イチロウ", "ジロウ"};
    private static final String[] RELATION = {"本人", "配偶者", "子", "子"};

    private final KeycloakServer server;

    MemberImportIT(KeycloakServer server) {
        this.server = server;
    }

    /** Households of four (insured, spouse, two children) under one symbol. */
    private static String membership(String symbol, int households, Map<String, String> overrides) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int h = 0; h < households; h++) {
            for (int m = 0; m < 4; m++) {
                String key = symbol + "-" + (10000 + h) + "-" + String.format("%02d", m);
                if (overrides.containsKey(key)) {
                    if (!overrides.get(key).isEmpty()) {
                        csv.append(overrides.get(key)).append("\r\n");
                    }
                    continue;
                }
                csv.append(String.join(",", symbol, Integer.toString(10000 + h), Integer.toString(m), RELATION[m],
                        "健保 " + GIVEN[m], "ケンポ " + GIVEN_KANA[m], (1960 + m * 10) + "/04/01",
                        m == 0 ? "E" + h : "", "")).append("\r\n");
            }
        }
        return csv.toString();
    }

    private record Result(Map<String, Object> summary, List<Map<String, Object>> letters, List<Map<String, Object>> rejected,
                          int progressLines) {
    }

    /** Answers with members' data (names, IDs, temporary passwords) must not stay in any cache (ASVS 14.3.2). */
    private static void assertNoStore(AdminApi.Answer answer) {
        assertTrue(answer.cacheControl().contains("no-store"), "Cache-Control: " + answer.cacheControl());
    }

    /**
     * The whole membership. The realm is shared by every IT, so members other tests loaded may be absent
     * from this file: as union IT would, confirm the count the server names (nothing changed until then).
     */
    private Result importFile(byte[] body, boolean dryRun) {
        if (!dryRun) {
            AdminApi.Answer asked = server.admin().postBody("/realms/kenpo/kenpo-member-import", "text/csv", body, true);
            if (asked.status() == 409) {
                Map<String, Object> why = read(asked.body());
                assertEquals("too_many_absent", why.get("error"), asked.body());
                return importFile(body, "confirmDisable=" + num(why, "absent"));
            }
            return parse(asked);
        }
        return importFile(body, "dryRun=true");
    }

    /** A file of some members only (the realm is shared by every IT: no one is disabled for being absent). */
    private Result importPart(byte[] body) {
        return importFile(body, "mode=partial");
    }

    private Result importFile(byte[] body, String query) {
        return parse(server.admin().postBody("/realms/kenpo/kenpo-member-import?" + query, "text/csv", body, true));
    }

    private static Result parse(AdminApi.Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        assertNoStore(answer);
        Map<String, Object> summary = null;
        List<Map<String, Object>> letters = new ArrayList<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        int progress = 0;
        for (String line : answer.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> value = read(line);
            switch ((String) value.get("type")) {
                case "summary" -> summary = value;
                case "letter" -> letters.add(value);
                case "rejected" -> rejected.add(value);
                case "progress" -> progress++;
                default -> throw new AssertionError(line);
            }
        }
        return new Result(summary, letters, rejected, progress);
    }

    @Test
    void importsInBothEncodingsReimportsIdempotentlyAndDisablesLeavers() {
        String utf8Symbol = "U" + (System.nanoTime() % 100000);
        String sjisSymbol = "S" + (System.nanoTime() % 100000);
        // Each file is the whole membership list. First 2,000 rows in UTF-8 ...
        String union = membership(utf8Symbol, 500, Map.of());
        Result first = importFile(union.getBytes(StandardCharsets.UTF_8), false);
        assertEquals(2000, num(first.summary(), "created"), first.summary().toString());
        assertEquals(500, first.letters().size(), "one letter per new insured member");
        assertEquals(IntStream.range(0, 500).mapToObj(h -> utf8Symbol + "-" + (10000 + h) + "-00").toList(),
                first.letters().stream().map(l -> l.get("memberKey")).toList(),
                "letters follow the file, although batches run in parallel");
        assertTrue(first.progressLines() >= 10, "progress is reported as it goes");

        // ... then the same list with 1,000 more rows, exported in Shift_JIS (CP932).
        String grown = union + membership(sjisSymbol, 250, Map.of()).substring(HEADER.length());
        Result sjis = importFile(grown.getBytes(CsvReader.CP932), false);
        assertEquals(1000, num(sjis.summary(), "created"), sjis.summary().toString());
        assertEquals(2000, num(sjis.summary(), "unchanged"), "existing members are matched, never recreated");
        assertEquals(0, num(sjis.summary(), "disabled"));

        Map<String, Object> letter = first.letters().get(0);
        assertEquals(utf8Symbol + "-10000-00", letter.get("memberKey"));
        String loginId = (String) letter.get("loginId");
        assertTrue(loginId.matches("[A-HJKMNP-Z2-9]{6}[2-9]{2}"), loginId);
        Map<String, Object> insured = server.admin().user(server.admin().userIdByUsername(loginId));
        assertEquals("pending", attribute(insured, "kenpoRegistration"));
        assertTrue(java.time.Instant.parse(attribute(insured, "kenpoLetterPasswordIssuedAt")).isAfter(java.time.Instant.now().minusSeconds(3600)),
                "the import records when the letter's password was issued");
        assertEquals("健保", attribute(insured, "kenpoFamilyNameKanji"));
        assertEquals("ケンポ", attribute(insured, "kenpoFamilyNameKana"));
        Map<String, Object> sjisMember = server.admin().user(server.admin().userIdByUsername((String) sjis.letters().get(0).get("loginId")));
        assertEquals("太郎", attribute(sjisMember, "kenpoGivenNameKanji"), "Shift_JIS decoded");

        // Re-import: one name changed, one member gone from the file, one past 資格喪失日, one bad row.
        Map<String, String> changes = Map.of(
                utf8Symbol + "-10001-01", String.join(",", utf8Symbol, "10001", "1", "配偶者", "健保 華子", "ケンポ ハナコ", "1970/04/01", "", ""),
                utf8Symbol + "-10002-02", "",
                utf8Symbol + "-10003-03", String.join(",", utf8Symbol, "10003", "3", "子", "健保 次郎", "ケンポ ジロウ", "1990/04/01", "", "2025/03/31"),
                utf8Symbol + "-10004-02", String.join(",", utf8Symbol, "10004", "2", "子", "健保一郎", "ケンポ イチロウ", "1980/04/01", "", ""));
        byte[] changed = (membership(utf8Symbol, 500, changes) + membership(sjisSymbol, 250, Map.of()).substring(HEADER.length()))
                .getBytes(StandardCharsets.UTF_8);
        Result dry = importFile(changed, true);
        assertEquals(Boolean.TRUE, dry.summary().get("dryRun"));
        assertEquals(0, num(dry.summary(), "created"));
        assertEquals(1, num(dry.summary(), "updated"), dry.summary() + " " + dry.rejected());
        assertEquals(1, dry.rejected().size());
        assertEquals(2, num(dry.summary(), "disabled"), "the leaver and the lost member: " + dry.summary());
        assertTrue(isEnabled(utf8Symbol + "-10002-02"), "a dry run changes nothing");

        Result second = importFile(changed, false);
        assertEquals(0, num(second.summary(), "created"), "never recreated");
        assertEquals(0, second.letters().size());
        assertEquals(1, num(second.summary(), "updated"));
        assertEquals(2, num(second.summary(), "disabled"));
        assertEquals(1, second.rejected().size());
        assertTrue(((String) second.rejected().get(0).get("reason")).contains("空白"));
        assertFalse(isEnabled(utf8Symbol + "-10002-02"), "absent from the file: disabled, not deleted");
        assertFalse(isEnabled(utf8Symbol + "-10003-03"), "past 資格喪失日: disabled");
        assertEquals(loginId.toLowerCase(), username(utf8Symbol + "-10000-00"), "login IDs are never touched");
        assertEquals("華子", attribute(server.admin().user(userIdByKey(utf8Symbol + "-10001-01")), "kenpoGivenNameKanji"));
    }

    @Test
    void oneImportPerRealmAtATimeAndTheLockIsReleasedAfterwards() throws Exception {
        byte[] big = membership("C" + (System.nanoTime() % 100000), 500, Map.of()).getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AdminApi.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return server.admin().postBody("/realms/kenpo/kenpo-member-import?dryRun=true", "text/csv", big, true);
                }));
            }
            start.countDown();
            List<AdminApi.Answer> done = new ArrayList<>();
            for (Future<AdminApi.Answer> answer : answers) {
                done.add(answer.get(10, TimeUnit.MINUTES));
            }
            List<Integer> statuses = done.stream().map(AdminApi.Answer::status).sorted().toList();
            assertEquals(List.of(200, 409), statuses, "the second of two concurrent imports is refused");
            AdminApi.Answer refused = done.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
            assertTrue(refused.body().contains("Another member import of this realm is running"), refused.body());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2_000, num(importFile(big, true).summary(), "processed"), "the lock is released when an import ends");
    }

    @Test
    void aHugeBodyIsRefusedWith413BeforeItIsRead() {
        byte[] letters = new byte[32 * 1024 * 1024 + 1];
        java.util.Arrays.fill(letters, (byte) ' ');
        AdminApi.Answer tooLarge = server.admin().postBody("/realms/kenpo/kenpo-member-import/letters?format=csv", "application/json",
                letters, true);
        assertEquals(413, tooLarge.status(), tooLarge.body());
        byte[] file = new byte[64 * 1024 * 1024 + 1];
        java.util.Arrays.fill(file, (byte) ',');
        AdminApi.Answer hugeImport = server.admin().postBody("/realms/kenpo/kenpo-member-import?dryRun=true", "text/csv", file, true);
        assertEquals(413, hugeImport.status(), hugeImport.body());
        // The refused import took no lock.
        assertEquals(200, server.admin().postBody("/realms/kenpo/kenpo-member-import?dryRun=true", "text/csv",
                membership("D" + (System.nanoTime() % 100000), 1, Map.of()).getBytes(StandardCharsets.UTF_8), true).status());
    }

    @Test
    void aPartialFileDisablesNobodyAndAFullOneThatWouldDisableManyNeedsTheirCount() {
        String symbol = "P" + (System.nanoTime() % 100000);
        importPart(membership(symbol, 10, Map.of()).getBytes(StandardCharsets.UTF_8));
        byte[] oneHousehold = membership(symbol, 1, Map.of()).getBytes(StandardCharsets.UTF_8);

        // Sent as the whole membership, one household's file would disable the other nine: refused, nothing changed.
        AdminApi.Answer refused = server.admin().postBody("/realms/kenpo/kenpo-member-import?maxDisablePercent=0", "text/csv",
                oneHousehold, true);
        assertEquals(409, refused.status(), refused.body());
        assertNoStore(refused);
        Map<String, Object> why = read(refused.body());
        assertEquals("too_many_absent", why.get("error"));
        int absent = num(why, "absent");
        assertTrue(absent >= 36, refused.body());
        assertTrue(num(why, "active") >= 40, refused.body());
        assertTrue(((String) why.get("message")).contains("confirmDisable=" + absent), refused.body());
        assertTrue(isEnabled(symbol + "-10009-00"), "nothing was disabled");

        // A confirmation must name the exact count.
        AdminApi.Answer wrongCount = server.admin().postBody("/realms/kenpo/kenpo-member-import?maxDisablePercent=0&confirmDisable=" + (absent - 1),
                "text/csv", oneHousehold, true);
        assertEquals(409, wrongCount.status(), wrongCount.body());
        assertTrue(isEnabled(symbol + "-10009-00"));

        // The same file as a part: its members are updated, nobody is disabled.
        Result part = importPart(oneHousehold);
        assertEquals(4, num(part.summary(), "unchanged"), part.summary().toString());
        assertEquals(0, num(part.summary(), "disabled"));
        assertTrue(isEnabled(symbol + "-10009-00"));

        AdminApi.Answer badMode = server.admin().postBody("/realms/kenpo/kenpo-member-import?mode=some", "text/csv", oneHousehold, true);
        assertEquals(400, badMode.status(), badMode.body());
    }

    @Test
    void badRowsAreReportedAndOnlyUnionAdminsMayImport() {
        String symbol = "B" + (System.nanoTime() % 100000);
        String csv = HEADER + String.join(",", symbol, "1", "0", "本人", "健保 太郎", "ケンポ タロウ", "1970/04/01", "", "") + "\r\n"
                + String.join(",", symbol, "", "1", "配偶者", "健保 花子", "ケンポ ハナコ", "1970/04/01", "", "") + "\r\n";
        Result result = importPart(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, num(result.summary(), "created"));
        assertEquals(1, result.rejected().size());
        assertEquals(3, ((Number) result.rejected().get(0).get("line")).intValue());
        assertTrue(((String) result.rejected().get(0).get("reason")).contains("番号"));

        AdminApi.Answer anonymous = server.admin().postBody("/realms/kenpo/kenpo-member-import", "text/csv", csv.getBytes(StandardCharsets.UTF_8), false);
        assertEquals(401, anonymous.status());
        // A member's own token is not enough: only admins with manage-users may import.
        String memberId = Members.loginId("notadmin");
        server.admin().createMember(memberId, memberId + "@example.jp", "Kenpo2026Ab");
        MemberSession member = MemberSession.login(server, memberId, "Kenpo2026Ab", memberId + "@example.jp");
        AdminApi.Answer forbidden = server.admin().postBodyAs("/realms/kenpo/kenpo-member-import", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), member.accessToken());
        assertEquals(403, forbidden.status(), forbidden.body());
    }

    @Test
    void theLetterCarriesTheLoginUrlTheEmptyMailAddressAsCodesAndTheUnionsContact() throws IOException {
        String symbol = "Q" + (System.nanoTime() % 100000);
        byte[] json = JSON.writeValueAsBytes(importPart(membership(symbol, 1, Map.of()).getBytes(StandardCharsets.UTF_8)).letters());
        String loginUrl = "https://portal.kenpo.example.jp/login";

        AdminApi.Answer pdf = server.admin().postBody("/realms/kenpo/kenpo-member-import/letters?format=pdf&loginUrl="
                + java.net.URLEncoder.encode(loginUrl, StandardCharsets.UTF_8) + "&registrationAddress=kc%40kenpo.example.jp",
                "application/json", json, true);
        assertEquals(200, pdf.status(), pdf.body());
        assertEquals(java.util.Set.of(loginUrl, "mailto:kc@kenpo.example.jp"), LetterPdfTest.codes(pdf.bytes(), 0),
                "the codes a phone reads from the printed letter");
        Map<String, String> contact = KeycloakServer.sampleContact("ja");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(document).replace("\n", "").replace("\r", "");
            assertTrue(text.contains("[お問い合わせ先]" ) && text.contains(contact.get("kenpoContactName"))
                    && text.contains("TEL：" + contact.get("kenpoContactTel")) && text.contains(contact.get("kenpoContactEmail")),
                    "the 問い合わせ先 the union set in the realm overrides: " + text);
        }

        // Without parameters: the realm's account console (it opens the login screen), and no 空メール code.
        AdminApi.Answer plain = server.admin().postBody("/realms/kenpo/kenpo-member-import/letters?format=pdf", "application/json", json, true);
        assertEquals(200, plain.status(), plain.body());
        assertEquals(java.util.Set.of(server.realmUrl() + "/account"), LetterPdfTest.codes(plain.bytes(), 0));

        AdminApi.Answer badUrl = server.admin().postBody("/realms/kenpo/kenpo-member-import/letters?format=pdf&loginUrl=javascript%3Aalert(1)",
                "application/json", json, true);
        assertEquals(400, badUrl.status(), "only an http(s) URL is printed as the login screen");
        AdminApi.Answer badAddress = server.admin().postBody("/realms/kenpo/kenpo-member-import/letters?format=pdf&registrationAddress=kc",
                "application/json", json, true);
        assertEquals(400, badAddress.status());
    }

    @Test
    void lettersAsCsvAndPdfAndAMemberFromTheLetterRegisters() throws IOException {
        String symbol = "L" + (System.nanoTime() % 100000);
        Result result = importPart(membership(symbol, 2, Map.of()).getBytes(StandardCharsets.UTF_8));
        List<Map<String, Object>> letters = result.letters();
        assertEquals(2, letters.size());
        byte[] json = JSON.writeValueAsBytes(letters);

        AdminApi.Answer csv = server.admin().postBody("/realms/kenpo/kenpo-member-import/letters?format=csv", "application/json", json, true);
        assertEquals(200, csv.status(), csv.body());
        assertNoStore(csv);
        String loginId = (String) letters.get(0).get("loginId");
        assertTrue(csv.body().contains(loginId));
        assertTrue(csv.body().contains("大文字"), "each character's reading");
        assertTrue(csv.body().startsWith("\uFEFF記号-番号-枝番,氏名,ログインID"));

        AdminApi.Answer pdf = server.admin().postBody("/realms/kenpo/kenpo-member-import/letters?format=pdf", "application/json", json, true);
        assertEquals(200, pdf.status());
        assertNoStore(pdf);
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertEquals(2, document.getNumberOfPages(), "one page per member");
            assertEquals(595, Math.round(document.getPage(0).getMediaBox().getWidth()), "A4");
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(loginId), text);
            assertTrue(text.contains("新規登録の流れ"), text);
            assertTrue(text.contains("サンプル健康保険組合"), text);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
            Path png = Path.of(System.getProperty("kenpo.artifacts.dir")).resolve("screenshots").resolve("23-letter.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
            assertTrue(Files.size(png) > 10_000);
        }

        // The random temporary password is stored with a light PBKDF2 (the realm's Argon2 would make
        // large imports take hours); the member's own password gets the realm's hash.
        String memberId = server.admin().userIdByUsername(loginId);
        assertTrue(passwordCredentialData(memberId).contains("\"algorithm\":\"pbkdf2-sha512\""), passwordCredentialData(memberId));
        assertTrue(passwordCredentialData(memberId).contains("\"hashIterations\":100"), passwordCredentialData(memberId));

        // The member types what the letter says and registers.
        Browser browser = new Browser();
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url())).openFirstLogin();
        MemberRegistrationPage registration = new MemberRegistrationPage(browser,
                login.submit(loginId, (String) letters.get(0).get("temporaryPassword")));
        String newId = Members.loginId("letter");
        new RegistrationCompletePage(browser, registration.submit(newId, "Kenpo2026Ab", "Kenpo2026Ab", newId + "@example.jp", ""));
        assertTrue(passwordCredentialData(memberId).contains("\"algorithm\":\"argon2\""), passwordCredentialData(memberId));

        // The other member lost the letter: union IT reissues it. Registered members, dependents and
        // unknown keys are refused with the reason; a key typed twice (full-width) gets one letter.
        String lostKey = (String) letters.get(1).get("memberKey");
        String lostId = (String) letters.get(1).get("loginId");
        String lostPassword = (String) letters.get(1).get("temporaryPassword");
        String registeredKey = (String) letters.get(0).get("memberKey");
        String dependentKey = symbol + "-10000-01";
        List<String> keys = List.of(lostKey, registeredKey, dependentKey, symbol + "-99999-00", "nonsense",
                Members.toFullWidth(lostKey));
        AdminApi.Answer reissued = server.admin().postBody("/realms/kenpo/kenpo-member-import/reissue", "application/json",
                JSON.writeValueAsBytes(keys), true);
        assertEquals(200, reissued.status(), reissued.body());
        assertNoStore(reissued);
        Map<String, List<Map<String, Object>>> answer = JSON.readValue(reissued.body(), new TypeReference<>() { });
        assertEquals(1, answer.get("letters").size(), reissued.body());
        Map<String, Object> newLetter = answer.get("letters").get(0);
        assertEquals(lostKey, newLetter.get("memberKey"));
        assertEquals(lostId, newLetter.get("loginId"), "the login ID stays; only the password is new");
        assertNotEquals(lostPassword, newLetter.get("temporaryPassword"));
        Map<String, String> reasons = new java.util.HashMap<>();
        answer.get("refused").forEach(r -> reasons.put((String) r.get("memberKey"), (String) r.get("reason")));
        assertEquals(4, reasons.size(), reasons.toString());
        assertTrue(reasons.get(registeredKey).startsWith("登録済みです"), reasons.toString());
        assertTrue(reasons.get(dependentKey).startsWith("被保険者ではありません"), reasons.toString());
        assertTrue(reasons.get(symbol + "-99999-00").startsWith("該当する加入者がいません"), reasons.toString());
        assertTrue(reasons.get("nonsense").startsWith("記号-番号-枝番の形で"), reasons.toString());
        // The answer goes to the letters endpoint as it came, for the union's printing.
        AdminApi.Answer reissuedCsv = server.admin().postBody("/realms/kenpo/kenpo-member-import/letters?format=csv",
                "application/json", reissued.bytes(), true);
        assertEquals(200, reissuedCsv.status(), reissuedCsv.body());
        assertTrue(reissuedCsv.body().contains((String) newLetter.get("temporaryPassword")), reissuedCsv.body());
        assertEquals(2, reissuedCsv.body().strip().split("\r?\n").length, "a header and the one letter: " + reissuedCsv.body());
        AdminApi.Answer notAdmin = server.admin().postBodyAs("/realms/kenpo/kenpo-member-import/reissue", "application/json",
                JSON.writeValueAsBytes(List.of(lostKey)), "not-a-token");
        assertEquals(401, notAdmin.status());

        // Union admins see both in Keycloak's admin events, counts only (no member keys, no passwords).
        List<Map<String, Object>> events = Pause.until(() -> importEvents(), e -> e.stream()
                .anyMatch(ev -> String.valueOf(ev.get("resourcePath")).endsWith("kenpo-member-import/reissue")));
        Map<String, Object> reissueEvent = events.stream()
                .filter(ev -> String.valueOf(ev.get("resourcePath")).endsWith("kenpo-member-import/reissue")).findFirst().orElseThrow();
        assertEquals("ACTION", reissueEvent.get("operationType"));
        assertEquals(Map.of("reissued", "1", "refused", "4"), reissueEvent.get("details"), reissueEvent.toString());
        assertTrue(events.stream().anyMatch(ev -> String.valueOf(ev.get("resourcePath")).endsWith("kenpo-member-import")
                && ev.get("details") instanceof Map<?, ?> d && "8".equals(d.get("created")) && "finished".equals(d.get("outcome"))),
                events.toString());
        assertFalse(events.toString().contains(lostKey), "no member key in admin events");
        assertFalse(events.toString().contains((String) newLetter.get("temporaryPassword")), "no password in admin events");

        // The lost letter no longer works; the new one leads to 利用者情報入力.
        Browser other = new Browser();
        LoginPage again = new LoginPage(other, other.get(Oidc.authorization(server.realmUrl(), null).url())).openFirstLogin();
        LoginPage refusedOld = new LoginPage(other, again.submit(lostId, lostPassword));
        assertEquals("ログインIDまたはパスワードが正しくありません。", refusedOld.fieldError());
        Pause.pastQuickLoginCheck();
        new MemberRegistrationPage(other, refusedOld.submit(lostId, (String) newLetter.get("temporaryPassword")));
    }

    private List<Map<String, Object>> importEvents() {
        return server.admin().adminEvents().stream().filter(e -> "KENPO_MEMBER_IMPORT".equals(e.get("resourceType"))).toList();
    }

    private String passwordCredentialData(String userId) {
        List<Map<String, Object>> credentials = server.admin().get("/realms/kenpo/users/" + userId + "/credentials",
                new TypeReference<>() { });
        return credentials.stream().filter(c -> "password".equals(c.get("type"))).map(c -> (String) c.get("credentialData"))
                .findFirst().orElseThrow(() -> new AssertionError("No password for " + userId + ": " + credentials));
    }

    private boolean isEnabled(String memberKey) {
        return Boolean.TRUE.equals(server.admin().user(userIdByKey(memberKey)).get("enabled"));
    }

    private String username(String memberKey) {
        return (String) server.admin().user(userIdByKey(memberKey)).get("username");
    }

    private String userIdByKey(String memberKey) {
        List<Map<String, Object>> users = server.admin().get("/realms/kenpo/users?exact=true&q=kenpoMemberKey:" + memberKey,
                new TypeReference<>() { });
        assertEquals(1, users.size(), memberKey + ": " + users);
        return (String) users.get(0).get("id");
    }

    @SuppressWarnings("unchecked")
    private static String attribute(Map<String, Object> user, String name) {
        Map<String, List<String>> attributes = (Map<String, List<String>>) user.get("attributes");
        return attributes == null || attributes.get(name) == null ? null : attributes.get(name).get(0);
    }

    private static int num(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).intValue();
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
    }
}
