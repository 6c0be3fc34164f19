package jp.kenpo.keycloak.claims;

import jp.kenpo.keycloak.member.MemberAttributes;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code kenpo_member_type}: {@code insured} (続柄 本人) or {@code dependent}; portals show medical-expense
 * details to insured members only.
 */
public class MemberTypeMapper extends MemberClaimMapper {

    public static final String ID = "kenpo-member-type-mapper";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected String defaultClaimName() {
        return "kenpo_member_type";
    }

    @Override
    protected Object claimValue(KeycloakSession session, RealmModel realm, UserModel user) {
        return memberType(user);
    }

    static String memberType(UserModel user) {
        String relationship = user.getFirstAttribute(MemberAttributes.RELATIONSHIP);
        if (relationship == null) {
            return null;
        }
        return MemberAttributes.RELATIONSHIP_SELF.equals(relationship) ? "insured" : "dependent";
    }
}
