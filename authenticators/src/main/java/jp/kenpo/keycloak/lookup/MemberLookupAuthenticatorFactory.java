package jp.kenpo.keycloak.lookup;

import jp.kenpo.keycloak.common.PackAuthenticatorFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;

/** ID・パスワードの取得 as its own step of the browser flow, whose settings are the lookup's and the postal route's. */
public class MemberLookupAuthenticatorFactory extends PackAuthenticatorFactory {

    public static final String PROVIDER_ID = "kenpo-member-lookup";

    private static final MemberLookupAuthenticator INSTANCE = new MemberLookupAuthenticator();

    public MemberLookupAuthenticatorFactory() {
        super(PROVIDER_ID, MemberLookupAuthenticatorFactory.class, "kenpo.lookup", null, LookupConfig.configProperties(),
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return INSTANCE;
    }
}
