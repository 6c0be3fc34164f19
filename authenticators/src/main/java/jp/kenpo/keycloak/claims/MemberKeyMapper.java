package jp.kenpo.keycloak.claims;

import jp.kenpo.keycloak.member.MemberKey;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** {@code kenpo_member_key}: 記号-番号-枝番, the stable key a portal finds the member's records by. */
public class MemberKeyMapper extends MemberClaimMapper {

    public static final String ID = "kenpo-member-key-mapper";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected String defaultClaimName() {
        return "kenpo_member_key";
    }

    @Override
    protected Object claimValue(KeycloakSession session, RealmModel realm, UserModel user) {
        return memberKey(user);
    }

    static String memberKey(UserModel user) {
        return MemberKey.of(user).orElse(null);
    }
}
