package jp.kenpo.keycloak.memberimport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LineWrapTest {

    /** Every character one unit wide, so the tests read like a grid. */
    private static List<String> wrap(String text, int width) {
        return LineWrap.wrap(text, width, s -> s.codePointCount(0, s.length()));
    }

    @Test
    void wrapsAtTheWidth() {
        assertEquals(List.of("あいうえ", "おかきく", "け"), wrap("あいうえおかきくけ", 4));
    }

    @Test
    void noLineStartsWithClosingPunctuationOrSmallKana() {
        assertEquals(List.of("あいう", "え。か"), wrap("あいうえ。か", 4));
        assertEquals(List.of("あいう", "え」か"), wrap("あいうえ」か", 4));
        assertEquals(List.of("あいう", "ロッカ"), wrap("あいうロッカ", 4), "small ッ stays with ロ");
        assertEquals(List.of("あい", "う、、か"), wrap("あいう、、か", 4), "two marks in a row move with the character before them");
    }

    @Test
    void noLineEndsWithAnOpeningBracket() {
        assertEquals(List.of("あいう", "「えお」"), wrap("あいう「えお」", 4));
    }

    @Test
    void loginIdsAndPasswordsAreNotSplit() {
        assertEquals(List.of("ID：", "Ab3kPq9x"), wrap("ID：Ab3kPq9x", 9));
        assertEquals(List.of("メール：", "kenpo@ex.jp"), wrap("メール：kenpo@ex.jp", 12));
    }

    @Test
    void aRunLongerThanALineIsSplitAfterAll() {
        assertEquals(List.of("ID：", "ABCDEF", "GH"), wrap("ID：ABCDEFGH", 6));
    }

    @Test
    void textThatOnlyBreaksBadlyStillBreaks() {
        assertEquals(List.of("。。。", "。"), wrap("。。。。", 3));
    }

    @Test
    void unitsAreKeptWhole() {
        List<String> units = List.of("ID：AB   ", "(エー大文字、", "ビー小文字)");
        assertEquals(List.of("ID：AB   (エー大文字、", "ビー小文字)"),
                LineWrap.wrapUnits(units, 16, s -> s.codePointCount(0, s.length())));
        assertEquals(List.of("ID：AB   ", "(エー大文字、", "ビー小文字)"),
                LineWrap.wrapUnits(units, 8, s -> s.codePointCount(0, s.length())), "each on its own line, none split");
    }

    @Test
    void aUnitLongerThanALineIsWrappedByTheRules() {
        assertEquals(List.of("あいう", "えお。"), LineWrap.wrapUnits(List.of("あいうえお。"), 3, s -> s.codePointCount(0, s.length())));
    }
}
