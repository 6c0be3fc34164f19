package jp.kenpo.keycloak.memberimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kenpo.keycloak.rules.LoginIdRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MembershipFileTest {

    private static final String HEADER = "記号,番号,枝番,続柄,氏名（漢字）,氏名（カナ）,生年月日,従業員番号,資格喪失日\r\n";

    @Test
    void readsUtf8AndShiftJisAlike() {
        String csv = HEADER + "1234,5678,0,本人,健保　太郎,ｹﾝﾎﾟ ﾀﾛｳ,昭和45年4月1日,E001,\r\n"
                + "1234,5678,1,配偶者,\"健保 花子\",けんぽ はなこ,1972/08/15,,\r\n";
        for (byte[] bytes : List.of(csv.getBytes(StandardCharsets.UTF_8), csv.getBytes(CsvReader.CP932),
                ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8))) {
            MembershipFile.Parsed parsed = MembershipFile.parse(bytes);
            assertEquals(List.of(), parsed.rejected());
            assertEquals(2, parsed.rows().size());
            MembershipFile.Row insured = parsed.rows().get(0);
            assertEquals("1234-5678-00", insured.memberKey());
            assertEquals("self", insured.relationship());
            assertEquals("健保", insured.familyKanji());
            assertEquals("太郎", insured.givenKanji());
            assertEquals("ケンポ", insured.familyKana());
            assertEquals("タロウ", insured.givenKana());
            assertEquals(LocalDate.of(1970, 4, 1), insured.birthDate());
            assertEquals("E001", insured.employeeNumber());
            assertNull(insured.lossDate());
            MembershipFile.Row spouse = parsed.rows().get(1);
            assertEquals("spouse", spouse.relationship());
            assertEquals("ハナコ", spouse.givenKana());
        }
    }

    @Test
    void badRowsAreReportedWithLineAndReasonAndGoodRowsStay() {
        String csv = HEADER
                + "1234,5678,00,本人,健保 太郎,ケンポ タロウ,1970-04-01,,\n"
                + "1234,,01,子,健保 一郎,ケンポ イチロウ,2000-01-01,,\n"
                + "1234,5678,02,子,健保一郎,ケンポ イチロウ,2000-01-01,,\n"
                + "1234,5678,03,子,健保 次郎,ケンポ ジロウ,2000-13-01,,\n"
                + "1234,5678,04,子,健保 三郎,ケンポ サブロウ,2001-01-01,,2026/3/31\n";
        MembershipFile.Parsed parsed = MembershipFile.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, parsed.rows().size());
        assertEquals(List.of(3, 4, 5), parsed.rejected().stream().map(MembershipFile.Rejected::line).toList());
        assertTrue(parsed.rejected().get(0).reason().contains("番号"));
        assertTrue(parsed.rejected().get(1).reason().contains("空白"));
        assertTrue(parsed.rejected().get(2).reason().contains("生年月日"));
        assertEquals(LocalDate.of(2026, 3, 31), parsed.rows().get(1).lossDate());
    }

    @Test
    void aMemberListedTwiceIsReportedAtTheSecondRowAndTheFirstWins() {
        String csv = HEADER
                + "1234,5678,00,本人,健保 太郎,ケンポ タロウ,1970-04-01,,\n"
                + "1234,5678,01,配偶者,健保 花子,ケンポ ハナコ,1972-01-01,,\n"
                + "１２３４,５６７８,0,本人,健保 太郎二,ケンポ タロウ,1970-04-01,,\n";
        MembershipFile.Parsed parsed = MembershipFile.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("太郎", "花子"), parsed.rows().stream().map(MembershipFile.Row::givenKanji).toList());
        assertEquals(1, parsed.rejected().size());
        MembershipFile.Rejected duplicate = parsed.rejected().get(0);
        assertEquals(4, duplicate.line());
        assertTrue(duplicate.reason().startsWith("2行目と同じ記号-番号-枝番です"), duplicate.reason());
        assertEquals("1234-5678-00", duplicate.memberKey(), "the member is listed, so not taken as gone");
    }

    @Test
    void theSecondReadingWithTheKeysOfTheFirstGivesTheSameRowsAndRejections() {
        String csv = HEADER
                + "1234,5678,00,本人,健保太郎,ケンポ タロウ,1970-04-01,,\n"
                + "1234,5678,00,本人,健保 太郎,ケンポ タロウ,1970-04-01,,\n"
                + "1234,5678,01,配偶者,健保 花子,ケンポ ハナコ,1972-01-01,,\n"
                + "1234,5678,00,本人,健保 太郎二,ケンポ タロウ,1970-04-01,,\n";
        MemberKeys keys = new MemberKeys();
        List<MembershipFile.Item> first = items(csv, keys);
        List<MembershipFile.Item> second = items(csv, keys);
        assertEquals(first, second);
        assertEquals(List.of(2, 3, 4, 5), first.stream().map(i -> i instanceof MembershipFile.Row r ? r.line()
                : ((MembershipFile.Rejected) i).line()).toList());
        assertTrue(first.get(0) instanceof MembershipFile.Rejected, "bad name: rejected, the member still listed");
        assertTrue(first.get(1) instanceof MembershipFile.Row, "the first readable row of the member is applied");
        assertTrue(((MembershipFile.Rejected) first.get(3)).reason().startsWith("3行目と同じ記号-番号-枝番です"));
        assertEquals(2, keys.size());
    }

    private static List<MembershipFile.Item> items(String csv, MemberKeys keys) {
        MembershipFile.Items items = new MembershipFile.Items(new java.io.StringReader(csv), keys);
        List<MembershipFile.Item> all = new java.util.ArrayList<>();
        for (MembershipFile.Item item = items.next(); item != null; item = items.next()) {
            all.add(item);
        }
        return all;
    }

    @Test
    void englishHeadersInAnyOrderAndMissingColumns() {
        String csv = "name_kanji,branch,number,symbol,relationship,name_kana,birth_date\n健保 太郎,0,5678,1234,self,ケンポ タロウ,19700401\n";
        MembershipFile.Parsed parsed = MembershipFile.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals("1234-5678-00", parsed.rows().get(0).memberKey());
        MembershipFile.Parsed missing = MembershipFile.parse("記号,番号\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, missing.rejected().get(0).line());
        assertTrue(missing.rejected().get(0).reason().contains("missing columns"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1970/4/1|1970-04-01", "19700401|1970-04-01", "１９７０－０４－０１|1970-04-01", "昭和45年4月1日|1970-04-01",
            "S45.4.1|1970-04-01", "平成元年1月8日|1989-01-08", "H1/1/7|", "R2.5.1|2020-05-01", "1970/2/30|", "abc|",
            "明治45年7月29日|1912-07-29", "M44.3.1|1911-03-01", "明治45年7月30日|", "大正元年7月30日|1912-07-30"})
    void dates(String raw, String expected) {
        assertEquals(expected == null ? Optional.empty() : Optional.of(LocalDate.parse(expected)), MembershipFile.date(raw));
    }

    @Test
    void relationships() {
        assertEquals("self", MembershipFile.relationship("被保険者"));
        assertEquals("spouse", MembershipFile.relationship("妻"));
        assertEquals("child", MembershipFile.relationship("長女"));
        assertEquals("other", MembershipFile.relationship("母"));
    }

    @Test
    void readingsAndPreIssuedIds() {
        assertEquals("(ゼロ、ナナ、エー大文字、エー小文字)", Readings.joined("07Aa"));
        for (int i = 0; i < 1_000; i++) {
            String id = PreIssuedIds.next();
            assertTrue(id.matches("[A-HJKMNP-Z2-9]{6}[2-9]{2}"), id);
            assertTrue(LoginIdRules.hasPreIssuedShape(id));
            assertEquals(List.of(), LoginIdRules.defaults().check(id, true));
        }
    }
}
