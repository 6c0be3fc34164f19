package jp.kenpo.keycloak.claims;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** {@code kenpo_previous_login_at}: when the member logged in before this login (epoch seconds), for 前回ログイン日時. */
public class PreviousLoginMapper extends MemberClaimMapper {

    public static final String ID = "kenpo-previous-login-mapper";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected String defaultClaimName() {
        return "kenpo_previous_login_at";
    }

    @Override
    protected Object claimValue(KeycloakSession session, RealmModel realm, UserModel user) {
        return LoginHistory.previous(session, user).orElse(null);
    }
}
