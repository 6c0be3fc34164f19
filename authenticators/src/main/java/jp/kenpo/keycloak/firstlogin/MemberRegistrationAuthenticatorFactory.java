package jp.kenpo.keycloak.firstlogin;

import jp.kenpo.keycloak.common.PackAuthenticatorFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;

public class MemberRegistrationAuthenticatorFactory extends PackAuthenticatorFactory {

    public static final String PROVIDER_ID = "kenpo-member-registration";

    private static final MemberRegistrationAuthenticator INSTANCE = new MemberRegistrationAuthenticator();

    public MemberRegistrationAuthenticatorFactory() {
        super(PROVIDER_ID, MemberRegistrationAuthenticatorFactory.class, "kenpo.registration", null,
                MemberRegistrationConfig.configProperties(),
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return INSTANCE;
    }
}
