package jp.kenpo.keycloak.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.policy.PolicyError;

class PasswordCharactersPolicyTest {

    private final PasswordCharactersPolicy policy = new PasswordCharactersPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"P0a40aca", "Kenpo2026Ab", "ABCabc123", "a", "Z9"})
    void lettersAndDigitsPass(String password) {
        assertNull(policy.validate("taro", password));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Abcd123!", "Abcd 1234", "Ａｂｃｄ１２３４", "Abcd１234", "パスワード1Aa", "Abc-1234", "Abc_1234", "Abc\t1234"})
    void symbolsSpacesAndFullWidthAreRefusedWithTheManualsMessage(String password) {
        PolicyError error = policy.validate("taro", password);
        assertEquals("kenpoPasswordCharacters", error == null ? null : error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1", "abcd1234", "qwerty123", "sakura123"})
    void theShippedCommonPasswordListHoldsLowerCasedCommonPasswords(String common) throws Exception {
        try (var in = CommonPasswords.class.getResourceAsStream(CommonPasswords.FILE_NAME)) {
            String list = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(list.lines().anyMatch(common::equals), common);
            org.junit.jupiter.api.Assertions.assertTrue(list.lines().allMatch(l -> l.equals(l.toLowerCase())));
        }
    }
}
