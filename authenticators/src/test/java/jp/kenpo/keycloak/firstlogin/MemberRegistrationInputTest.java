package jp.kenpo.keycloak.firstlogin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.rules.LoginIdRules;
import org.junit.jupiter.api.Test;

class MemberRegistrationInputTest {

    private static final MemberRegistrationConfig CONFIG = MemberRegistrationConfig.DEFAULTS;

    private static List<String> problems(MemberRegistrationInput input) {
        return input.check(LoginIdRules.defaults(), CONFIG).stream().map(p -> p.field() + ":" + p.messageKey()).toList();
    }

    @Test
    void aCompleteEntryHasNoProblem() {
        assertEquals(List.of(), problems(MemberRegistrationInput.of("taro-kenpo", "Kenpo2026Ab", "Kenpo2026Ab", "taro@example.jp", "")));
    }

    @Test
    void fullWidthEntriesAreFolded() {
        MemberRegistrationInput input = MemberRegistrationInput.of("ｔａｒｏ－ｋｅｎｐｏ　", "Ｋｅｎｐｏ２０２６Ａｂ", "Kenpo2026Ab",
                "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "　たろう　");
        assertEquals("taro-kenpo", input.loginId());
        assertEquals("Kenpo2026Ab", input.newPassword().password());
        assertEquals("taro@example.jp", input.email());
        assertEquals("たろう", input.nickname());
        assertEquals(List.of(), problems(input));
    }

    @Test
    void eachProblemBelongsToItsField() {
        assertEquals(List.of(
                        "newLoginId:kenpoLoginIdRequired",
                        "newPassword:kenpoPasswordRequired",
                        "newPasswordConfirm:kenpoPasswordConfirmRequired",
                        "email:kenpoEmailRequired"),
                problems(MemberRegistrationInput.of("", "", "", "", "")));
        assertEquals(List.of("newPasswordConfirm:kenpoPasswordMismatch", "email:kenpoEmailInvalid"),
                problems(MemberRegistrationInput.of("taro-kenpo", "Kenpo2026Ab", "Kenpo2026AB", "taro@", "")));
    }

    @Test
    void theNicknameDefaultsToGoHoninAndHasAMaximum() {
        assertEquals("ご本人", MemberRegistrationInput.of("a", "b", "b", "c", "　").nicknameOr(CONFIG.defaultNickname()));
        assertTrue(problems(MemberRegistrationInput.of("taro-kenpo", "Kenpo2026Ab", "Kenpo2026Ab", "t@example.jp", "あ".repeat(21)))
                .contains("nickname:kenpoNicknameTooLong"));
        assertEquals(List.of(), problems(MemberRegistrationInput.of("taro-kenpo", "Kenpo2026Ab", "Kenpo2026Ab", "t@example.jp", "あ".repeat(20))));
    }

    @Test
    void configFallsBackToTheManualsDefaults() {
        assertEquals(new MemberRegistrationConfig("ご本人", 20, 180, 72), MemberRegistrationConfig.from(Map.of()));
        assertEquals(new MemberRegistrationConfig("本人", 10, 180, 72), MemberRegistrationConfig.from(Map.of(
                MemberRegistrationConfig.DEFAULT_NICKNAME, " 本人 ", MemberRegistrationConfig.NICKNAME_MAX_LENGTH, "10")));
        assertEquals(20, MemberRegistrationConfig.from(Map.of(MemberRegistrationConfig.NICKNAME_MAX_LENGTH, "x")).nicknameMaxLength());
    }
}
