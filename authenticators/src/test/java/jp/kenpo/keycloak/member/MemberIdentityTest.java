package jp.kenpo.keycloak.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberIdentityTest {

    @ParameterizedTest(name = "[{index}] code \"{0}\" = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "１２３４５|12345",
            "'12 345'|12345",
            "'１２　３４５'|12345",
            "12-345|12345",
            "ｅ０００１|E0001",
            "E0001|E0001",
    })
    void codesForgiveWidthSpacesAndHyphens(String typed, String expected) {
        assertEquals(expected, MemberIdentity.code(typed));
    }

    @ParameterizedTest(name = "[{index}] kana \"{0}\" = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "ヤマダ|ヤマダ",
            "やまだ|ヤマダ",
            "ﾔﾏﾀﾞ|ヤマダ",
            "'ヤマ ダ'|ヤマダ",
            "'ｹﾝﾎﾟ　ﾀﾛｳ'|ケンポタロウ",
            "じゅんいち|ジュンイチ",
            "ゔぁ|ヴァ",
    })
    void kanaForgivesHiraganaHalfWidthAndSpaces(String typed, String expected) {
        assertEquals(expected, MemberIdentity.kanaName(typed));
    }

    @Test
    void kanjiIsExactButForSpaces() {
        assertEquals("山田", MemberIdentity.kanjiName(" 山　田 "));
        assertNotEquals(MemberIdentity.kanjiName("髙橋"), MemberIdentity.kanjiName("高橋"));
        assertNotEquals(MemberIdentity.kanaName("ヤマダ"), MemberIdentity.kanaName("ヤマタ"));
    }

    @Test
    void masksKeepOnlyTheFirstCharacter() {
        assertEquals("1****", MemberIdentity.mask("12345"));
        assertEquals("山*", MemberIdentity.mask("山田"));
        assertEquals("", MemberIdentity.mask(null));
    }
}
