package jp.kenpo.keycloak.rules;

import java.util.ArrayList;
import java.util.List;

import jp.kenpo.keycloak.common.InputNormalizer;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PolicyError;

/**
 * A new password typed twice (利用者情報入力, パスワード変更): taken as meant (full-width letters and digits
 * typed with the IME on are folded, as at login), then checked: given, every rule of the realm's password
 * policy it breaks, and the confirmation. Each screen names the fields in its own words, so it passes
 * its field names and message keys.
 */
public record NewPassword(String password, String confirm) {

    /** A screen's fields and messages. */
    public record Form(String field, String confirmField, String requiredKey, String confirmRequiredKey, String mismatchKey) {
    }

    public static NewPassword typed(String password, String confirm) {
        return new NewPassword(password == null ? "" : InputNormalizer.toHalfWidth(password),
                confirm == null ? "" : InputNormalizer.toHalfWidth(confirm));
    }

    /** What needs no session: the password given, and typed the same twice. */
    public List<FormMessage> typingProblems(Form form) {
        List<FormMessage> problems = new ArrayList<>();
        if (password.isEmpty()) {
            problems.add(new FormMessage(form.field(), form.requiredKey()));
        }
        if (confirm.isEmpty()) {
            problems.add(new FormMessage(form.confirmField(), form.confirmRequiredKey()));
        } else if (!confirm.equals(password)) {
            problems.add(new FormMessage(form.confirmField(), form.mismatchKey()));
        }
        return problems;
    }

    /** Every rule of the realm's password policy the password breaks, in the order the union wrote them. */
    public List<FormMessage> policyProblems(KeycloakSession session, RealmModel realm, String loginId, Form form) {
        List<FormMessage> problems = new ArrayList<>();
        if (password.isEmpty()) {
            return problems;
        }
        for (PolicyError error : PasswordPolicyCheck.violations(session, realm, loginId, password)) {
            problems.add(new FormMessage(form.field(), error.getMessage(), error.getParameters()));
        }
        return problems;
    }

    /** The length bounds the screen's rule list shows. */
    public static LoginFormsProvider describeRules(LoginFormsProvider form, RealmModel realm) {
        return form.setAttribute("kenpoPasswordMin", PasswordPolicyCheck.intPolicy(realm, "length", 8))
                .setAttribute("kenpoPasswordMax", PasswordPolicyCheck.intPolicy(realm, "maxLength", 39));
    }
}
