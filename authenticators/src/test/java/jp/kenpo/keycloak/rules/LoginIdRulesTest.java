package jp.kenpo.keycloak.rules;

import static jp.kenpo.keycloak.rules.LoginIdRules.Violation.CHARACTERS;
import static jp.kenpo.keycloak.rules.LoginIdRules.Violation.EMPTY;
import static jp.kenpo.keycloak.rules.LoginIdRules.Violation.LENGTH;
import static jp.kenpo.keycloak.rules.LoginIdRules.Violation.RESERVED_SHAPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jp.kenpo.keycloak.common.InputNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoginIdRulesTest {

    private final LoginIdRules rules = LoginIdRules.defaults();

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("", List.of(EMPTY)),
                Arguments.of("a", List.of(LENGTH)),                      // 1: too short
                Arguments.of("ab", List.of()),                           // 2: shortest allowed
                Arguments.of("a".repeat(39), List.of()),                 // 39: longest allowed
                Arguments.of("a".repeat(40), List.of(LENGTH)),           // 40: too long ("40文字未満")
                Arguments.of("07AA0A00", List.of(RESERVED_SHAPE)),       // the letter's shape
                Arguments.of("abcdef12", List.of(RESERVED_SHAPE)),       // digits at 7 and 8
                Arguments.of("abcdef1x", List.of(RESERVED_SHAPE)),       // digit at 7
                Arguments.of("abcdefx1", List.of(RESERVED_SHAPE)),       // digit at 8
                Arguments.of("abcde1xy", List.of()),                     // digit at 6 only
                Arguments.of("1234abcd", List.of()),
                Arguments.of("abcdefg12", List.of()),                    // 9 characters: no shape rule
                Arguments.of("abcdef1", List.of()),                      // 7 characters: no shape rule
                Arguments.of("taro.kenpo_01-x", List.of()),
                Arguments.of("taro@home", List.of(CHARACTERS)),
                Arguments.of("taro!", List.of(CHARACTERS)),
                Arguments.of("たろう", List.of(CHARACTERS)),
                Arguments.of("a!", List.of(CHARACTERS)),
                Arguments.of("!", List.of(LENGTH, CHARACTERS)),
                Arguments.of("abcde!12", List.of(CHARACTERS, RESERVED_SHAPE)));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("table")
    void registeredMembersFollowTheManualsRule(String id, List<LoginIdRules.Violation> expected) {
        assertEquals(expected, rules.check(id, false));
    }

    @Test
    void thePreIssuedShapeIsAllowedOnlyForPreIssuedAccounts() {
        assertEquals(List.of(), rules.check("07AA0A00", true));
        assertEquals(List.of(RESERVED_SHAPE), rules.check("07AA0A00", false));
        assertTrue(LoginIdRules.hasPreIssuedShape("07AA0A00"));
        assertFalse(LoginIdRules.hasPreIssuedShape("07AA0AAA"));
        assertFalse(LoginIdRules.hasPreIssuedShape(null));
    }

    @Test
    void fullWidthInputIsJudgedAsItsHalfWidthForm() {
        assertEquals(List.of(), rules.check(InputNormalizer.loginId("ｔａｒｏ－ｋｅｎｐｏ"), false));
        assertEquals(List.of(RESERVED_SHAPE), rules.check(InputNormalizer.loginId("ａｂｃｄｅｆ１２"), false));
    }

    @Test
    void lengthsAreConfigurable() {
        LoginIdRules strict = new LoginIdRules(4, 10);
        assertEquals(List.of(LENGTH), strict.check("abc", false));
        assertEquals(List.of(), strict.check("abcd", false));
        assertEquals(List.of(LENGTH), strict.check("a".repeat(11), false));
    }

    @Test
    void everyViolationHasAMessageInBothLanguages() throws Exception {
        for (String bundle : List.of("messages_ja.properties", "messages_en.properties")) {
            java.util.Properties messages = new java.util.Properties();
            try (var in = new java.io.InputStreamReader(
                    LoginIdRulesTest.class.getResourceAsStream("/theme-resources/messages/" + bundle),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                messages.load(in);
            }
            Arrays.stream(LoginIdRules.Violation.values()).forEach(v ->
                    assertTrue(messages.containsKey(v.messageKey()), bundle + " lacks " + v.messageKey()));
        }
    }
}
