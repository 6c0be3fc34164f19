package jp.kenpo.keycloak.claims;

import java.util.Map;

import jp.kenpo.keycloak.member.MemberAttributes;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.UserAttributeMapper;

/**
 * プロフィール設定's header shows the member's ニックネーム, not the login ID. Keycloak's account console shows the
 * {@code given_name} of its own ID token and falls back to {@code preferred_username}; members have no first name,
 * so the realm's {@code account-console} client gets one of Keycloak's own mappers: user attribute
 * {@code nickname} as {@code given_name}, in the console's ID token only (not in access tokens or userinfo).
 * <p>
 * Added when a realm that uses the pack's account theme is created or imported (Keycloak creates that client itself
 * before an import, so the realm file cannot carry the mapper). An existing realm gets it in the admin console:
 * Clients → account-console → Client scopes → account-console-dedicated → By configuration → User Attribute
 * (docs/upgrading.md). An admin who deletes the mapper keeps it deleted.
 */
public final class AccountConsoleHeader {

    public static final String MAPPER_NAME = "kenpo nickname in the header";
    static final String ACCOUNT_THEME = "kenpo";

    private AccountConsoleHeader() {
    }

    /** Listens for created and imported realms. */
    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                addTo(created.getCreatedRealm());
            }
        });
    }

    /** Adds the mapper to the realm's account console, if the realm uses the pack's account theme and has none yet. */
    static void addTo(RealmModel realm) {
        if (!ACCOUNT_THEME.equals(realm.getAccountTheme())) {
            return;
        }
        ClientModel console = realm.getClientByClientId(Constants.ACCOUNT_CONSOLE_CLIENT_ID);
        if (console == null || console.getProtocolMapperByName(OIDCLoginProtocol.LOGIN_PROTOCOL, MAPPER_NAME) != null) {
            return;
        }
        ProtocolMapperModel mapper = new ProtocolMapperModel();
        mapper.setName(MAPPER_NAME);
        mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        mapper.setProtocolMapper(UserAttributeMapper.PROVIDER_ID);
        mapper.setConfig(Map.of(
                "user.attribute", MemberAttributes.NICKNAME,
                OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, "given_name",
                OIDCAttributeMapperHelper.JSON_TYPE, "String",
                OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN, "true",
                OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "false",
                OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO, "false",
                OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION, "false"));
        console.addProtocolMapper(mapper);
    }
}
