package jp.kenpo.keycloak.rules;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Password policy {@code kenpoCommonPasswords}: refuses the about 1,900 common passwords of the list in the
 * jar ({@link CommonPasswords}). It replaces Keycloak's {@code passwordBlacklist(file)}, which reads its list
 * from a folder of the server, so the pack needed to copy a file there at start-up. Same message key as
 * Keycloak's denylist policy, so the theme's wording applies.
 */
public class CommonPasswordsPolicy implements PasswordPolicyProvider {

    public static final String MESSAGE = "invalidPasswordBlacklistedMessage";

    @Override
    public PolicyError validate(String username, String password) {
        return CommonPasswords.contains(password) ? new PolicyError(MESSAGE) : null;
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        return validate(user == null ? null : user.getUsername(), password);
    }

    @Override
    public Object parseConfig(String value) {
        return Boolean.TRUE;
    }

    @Override
    public void close() {
    }
}
