package jp.kenpo.keycloak.claims;

import java.util.ArrayList;
import java.util.List;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.member.MemberAttributes;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Base of the pack's claims for portal apps: one claim computed from the member's attributes, put in
 * the ID token, access token and userinfo as configured. A claim is left out when there is nothing to say.
 */
public abstract class MemberClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper {

    protected static final AdminText TEXT = AdminText.of(MemberClaimMapper.class);

    private final List<ProviderConfigProperty> properties;

    protected MemberClaimMapper() {
        properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(properties);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, getClass());
        if (!inTokensByDefault()) {
            // A new mapper of this kind starts as userinfo only; a union may still turn tokens on.
            properties.stream()
                    .filter(p -> TOKEN_SWITCHES.contains(p.getName()))
                    .forEach(p -> p.setDefaultValue("false"));
        }
    }

    private static final List<String> TOKEN_SWITCHES = List.of(OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN,
            OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION,
            OIDCAttributeMapperHelper.INCLUDE_IN_LIGHTWEIGHT_ACCESS_TOKEN);

    /**
     * Whether a new mapper puts the claim in ID and access tokens by default (it always goes to userinfo
     * by default). Tokens travel further than userinfo answers (logs, browser storage, other services).
     */
    protected boolean inTokensByDefault() {
        return true;
    }

    /** The claim's value for this member, or null to leave it out. */
    protected abstract Object claimValue(KeycloakSession session, RealmModel realm, UserModel user);

    /** The claim name used when the mapper's config does not set one. */
    protected abstract String defaultClaimName();

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        Object value = claimValue(session, userSession.getRealm(), userSession.getUser());
        if (value == null) {
            return;
        }
        String name = mappingModel.getConfig() == null ? null : mappingModel.getConfig().get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        token.getOtherClaims().put(name == null || name.isBlank() ? defaultClaimName() : name, value);
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return properties;
    }

    @Override
    public String getDisplayType() {
        return TEXT.get(getId() + ".displayType");
    }

    @Override
    public String getHelpText() {
        return TEXT.get(getId() + ".help");
    }

    static boolean on(UserModel user, String attribute) {
        return !MemberAttributes.OFF.equals(user.getFirstAttribute(attribute));
    }
}
