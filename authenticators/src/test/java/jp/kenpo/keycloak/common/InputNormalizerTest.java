package jp.kenpo.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InputNormalizerTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "０１２３４５６７８９|0123456789",
            "ＡＢＣａｂｃ|ABCabc",
            "ｍｅｍｂｅｒ－０１|member-01",
            "abc|abc",
            "山田　太郎|山田 太郎",
            "ｶﾀｶﾅ|ｶﾀｶﾅ",
    })
    void foldsFullWidthAsciiAndIdeographicSpace(String typed, String expected) {
        assertEquals(expected, InputNormalizer.toHalfWidth(typed));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "'１２３４５　６７８９０'|1234567890",
            "' 12345 67890 '|1234567890",
            "'12345-67890'|1234567890",
            "'１２３４５－６７８９０'|1234567890",
            "'\t1234567890\n'|1234567890",
    })
    void aKeyIsTakenAsTypedWithTheImeOn(String typed, String expected) {
        assertEquals(expected, InputNormalizer.oneTimeKey(typed));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "'０７ＡＡ０Ａ００'|07AA0A00",
            "' 07aa0a00　'|07aa0a00",
            "'ｔａｒｏ－ｋｅｎｐｏ'|taro-kenpo",
    })
    void aLoginIdIsFoldedAndTrimmedButKeepsItsCase(String typed, String expected) {
        assertEquals(expected, InputNormalizer.loginId(typed));
    }

    @Test
    void nullStaysNull() {
        assertNull(InputNormalizer.toHalfWidth(null));
        assertNull(InputNormalizer.oneTimeKey(null));
        assertNull(InputNormalizer.loginId(null));
    }
}
