package jp.kenpo.keycloak.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.member.MemberAttributes;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code kenpo_notifications} (通知メール受信設定: each kind on or off, and which addresses receive them)
 * and {@code kenpo_disclosure} (世帯内への公開設定), as one claim object:
 * {@code {"notifications": {...}, "addresses": [...], "disclosure": {...}}}.
 */
public class PreferencesMapper extends MemberClaimMapper {

    public static final String ID = "kenpo-preferences-mapper";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected String defaultClaimName() {
        return "kenpo_preferences";
    }

    @Override
    protected Object claimValue(KeycloakSession session, RealmModel realm, UserModel user) {
        Map<String, Object> notifications = new LinkedHashMap<>();
        notifications.put("medical", on(user, MemberAttributes.NOTIFY_MEDICAL));
        notifications.put("generic", on(user, MemberAttributes.NOTIFY_GENERIC));
        notifications.put("magazine", on(user, MemberAttributes.NOTIFY_MAGAZINE));
        notifications.put("documents", on(user, MemberAttributes.NOTIFY_DOCUMENTS));
        notifications.put("applications", on(user, MemberAttributes.NOTIFY_APPLICATIONS));
        List<String> addresses = user.getAttributeStream(MemberAttributes.NOTIFY_ADDRESSES).toList();
        Map<String, Object> disclosure = new LinkedHashMap<>();
        disclosure.put("medical", MemberAttributes.PUBLIC.equals(user.getFirstAttribute(MemberAttributes.DISCLOSE_MEDICAL)));
        disclosure.put("generic", MemberAttributes.PUBLIC.equals(user.getFirstAttribute(MemberAttributes.DISCLOSE_GENERIC)));
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("notifications", notifications);
        claim.put("addresses", addresses.isEmpty() ? List.of("email") : addresses);
        claim.put("disclosure", disclosure);
        return claim;
    }
}
