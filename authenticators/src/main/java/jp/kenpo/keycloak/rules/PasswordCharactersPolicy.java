package jp.kenpo.keycloak.rules;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Password policy {@code kenpoPasswordCharacters}: only half-width A–Z, a–z and 0–9 (manual 【注2】,
 * 「パスワードに記号は使用できません」). Keycloak's own policies cover length and the three classes;
 * this adds the character set, which Keycloak has no policy for.
 */
public class PasswordCharactersPolicy implements PasswordPolicyProvider {

    public static final String MESSAGE = "kenpoPasswordCharacters";

    @Override
    public PolicyError validate(String username, String password) {
        return password != null && isAllowed(password) ? null : new PolicyError(MESSAGE);
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        return validate(user == null ? null : user.getUsername(), password);
    }

    static boolean isAllowed(String password) {
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object parseConfig(String value) {
        return Boolean.TRUE;
    }

    @Override
    public void close() {
    }
}
