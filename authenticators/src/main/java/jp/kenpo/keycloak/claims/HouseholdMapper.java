package jp.kenpo.keycloak.claims;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kenpo.keycloak.member.Households;
import jp.kenpo.keycloak.member.MemberAttributes;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code kenpo_household}: the other enabled accounts of the same 記号・番号, each with 枝番, nickname,
 * member type and whether it discloses its 医療費通知 / ジェネリック通知 to the household, so a portal
 * can offer switching between ご本人 and ご家族. Names, birth dates, addresses and insurance numbers are
 * never included (the member's own {@code kenpo_member_key} with another 枝番 names a family member's
 * records). Userinfo only by default: a union turns it on for tokens in the mapper's settings.
 */
public class HouseholdMapper extends MemberClaimMapper {

    public static final String ID = "kenpo-household-mapper";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected boolean inTokensByDefault() {
        return false;
    }

    @Override
    protected String defaultClaimName() {
        return "kenpo_household";
    }

    @Override
    protected Object claimValue(KeycloakSession session, RealmModel realm, UserModel user) {
        if (user.getFirstAttribute(MemberAttributes.SYMBOL) == null || user.getFirstAttribute(MemberAttributes.NUMBER) == null) {
            return null;
        }
        return Households.of(session, realm, user)
                .filter(other -> !other.getId().equals(user.getId()))
                .filter(UserModel::isEnabled)
                .sorted(Comparator.comparing(other -> String.valueOf(other.getFirstAttribute(MemberAttributes.BRANCH))))
                .map(HouseholdMapper::entry)
                .toList();
    }

    private static Map<String, Object> entry(UserModel member) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("branch", member.getFirstAttribute(MemberAttributes.BRANCH));
        entry.put("nickname", member.getFirstAttribute(MemberAttributes.NICKNAME));
        entry.put("member_type", MemberTypeMapper.memberType(member));
        entry.put("discloses_medical", MemberAttributes.PUBLIC.equals(member.getFirstAttribute(MemberAttributes.DISCLOSE_MEDICAL)));
        entry.put("discloses_generic", MemberAttributes.PUBLIC.equals(member.getFirstAttribute(MemberAttributes.DISCLOSE_GENERIC)));
        return entry;
    }

}
