package jp.kenpo.keycloak.firstlogin;

import java.util.ArrayList;
import java.util.List;

import jp.kenpo.keycloak.common.EmailAddress;
import jp.kenpo.keycloak.common.InputNormalizer;
import jp.kenpo.keycloak.rules.LoginIdRules;
import jp.kenpo.keycloak.rules.NewPassword;

/**
 * What the member typed on 利用者情報入力, taken as meant (full-width letters and digits folded,
 * spaces trimmed), and the checks that need no database: each problem belongs to one field.
 * Password rules (the realm's password policy) and the uniqueness of the login ID are checked by
 * the caller, which has the session.
 */
public record MemberRegistrationInput(String loginId, NewPassword newPassword, String email, String nickname) {

    public static final String FIELD_LOGIN_ID = "newLoginId";
    public static final String FIELD_PASSWORD = "newPassword";
    public static final String FIELD_PASSWORD_CONFIRM = "newPasswordConfirm";
    public static final String FIELD_EMAIL = "email";
    public static final String FIELD_NICKNAME = "nickname";
    /** This screen's password fields and their messages (新パスワード). */
    public static final NewPassword.Form PASSWORD_FORM = new NewPassword.Form(FIELD_PASSWORD, FIELD_PASSWORD_CONFIRM,
            "kenpoPasswordRequired", "kenpoPasswordConfirmRequired", "kenpoPasswordMismatch");

    /** One problem: a field and a message key with its parameters. */
    public record Problem(String field, String messageKey, Object... params) {
    }

    public static MemberRegistrationInput of(String loginId, String password, String passwordConfirm, String email, String nickname) {
        return new MemberRegistrationInput(
                InputNormalizer.loginId(loginId),
                NewPassword.typed(password, passwordConfirm),
                EmailAddress.typed(email),
                nickname == null ? "" : InputNormalizer.toHalfWidth(nickname).strip());
    }

    public List<Problem> check(LoginIdRules rules, MemberRegistrationConfig config) {
        List<Problem> problems = new ArrayList<>();
        for (LoginIdRules.Violation v : rules.check(loginId, false)) {
            problems.add(v == LoginIdRules.Violation.LENGTH
                    ? new Problem(FIELD_LOGIN_ID, v.messageKey(), rules.minLength(), rules.maxLength())
                    : new Problem(FIELD_LOGIN_ID, v.messageKey()));
        }
        newPassword.typingProblems(PASSWORD_FORM).forEach(m -> problems.add(new Problem(m.getField(), m.getMessage(), m.getParameters())));
        EmailAddress.problem(email).ifPresent(key -> problems.add(new Problem(FIELD_EMAIL, key)));
        if (nickname.codePointCount(0, nickname.length()) > config.nicknameMaxLength()) {
            problems.add(new Problem(FIELD_NICKNAME, "kenpoNicknameTooLong", config.nicknameMaxLength()));
        }
        return problems;
    }

    /** The nickname to store: what the member typed, or the union's default when left empty. */
    public String nicknameOr(String defaultNickname) {
        return nickname.isEmpty() ? defaultNickname : nickname;
    }
}
