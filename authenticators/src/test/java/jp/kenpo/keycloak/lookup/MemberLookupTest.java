package jp.kenpo.keycloak.lookup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jp.kenpo.keycloak.member.MemberAttributes;
import org.junit.jupiter.api.Test;

class MemberLookupTest {

    /** A spouse as the import stores her. */
    private static Map<String, String> spouse() {
        Map<String, String> data = new HashMap<>();
        data.put(MemberAttributes.SYMBOL, "1234");
        data.put(MemberAttributes.FAMILY_NAME_KANJI, "健保");
        data.put(MemberAttributes.GIVEN_NAME_KANJI, "花子");
        data.put(MemberAttributes.FAMILY_NAME_KANA, "ケンポ");
        data.put(MemberAttributes.GIVEN_NAME_KANA, "ハナコ");
        data.put(MemberAttributes.BIRTH_DATE, "1975-04-01");
        return data;
    }

    private static MemberLookup.Query typed(String symbol, String familyKanji, String givenKana, LocalDate birth, String employee) {
        return new MemberLookup.Query(employee, symbol, "56789", familyKanji, "花子", "けんぽ", givenKana, birth);
    }

    @Test
    void matchesWhatAMemberTypesInAnyWidthOrKana() {
        assertTrue(MemberLookup.matches(spouse()::get, typed("１２３４", "健保", "ﾊﾅｺ", LocalDate.of(1975, 4, 1), "")));
        assertTrue(MemberLookup.matches(spouse()::get, typed(" 1234 ", "健 保", "はなこ", LocalDate.of(1975, 4, 1), "E1")),
                "an employee number typed by a dependent is ignored when none is stored");
    }

    @Test
    void anyDifferenceInTheComparedDataIsNoMatch() {
        assertFalse(MemberLookup.matches(spouse()::get, typed("1235", "健保", "ハナコ", LocalDate.of(1975, 4, 1), "")));
        assertFalse(MemberLookup.matches(spouse()::get, typed("1234", "健康", "ハナコ", LocalDate.of(1975, 4, 1), "")));
        assertFalse(MemberLookup.matches(spouse()::get, typed("1234", "健保", "ハナエ", LocalDate.of(1975, 4, 1), "")));
        assertFalse(MemberLookup.matches(spouse()::get, typed("1234", "健保", "ハナコ", LocalDate.of(1975, 4, 2), "")));
        Map<String, String> insured = spouse();
        insured.put(MemberAttributes.EMPLOYEE_NUMBER, "E0001");
        assertFalse(MemberLookup.matches(insured::get, typed("1234", "健保", "ハナコ", LocalDate.of(1975, 4, 1), "E0002")));
        assertTrue(MemberLookup.matches(insured::get, typed("1234", "健保", "ハナコ", LocalDate.of(1975, 4, 1), "ｅ０００１")));
    }

    @Test
    void missingDataNeverMatches() {
        Map<String, String> noBirthDate = spouse();
        noBirthDate.remove(MemberAttributes.BIRTH_DATE);
        assertFalse(MemberLookup.matches(noBirthDate::get, typed("1234", "健保", "ハナコ", LocalDate.of(1975, 4, 1), "")));
    }
}
