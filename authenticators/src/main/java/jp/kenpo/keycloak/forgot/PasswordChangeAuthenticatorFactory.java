package jp.kenpo.keycloak.forgot;

import java.util.List;

import jp.kenpo.keycloak.common.PackAuthenticatorFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;

public class PasswordChangeAuthenticatorFactory extends PackAuthenticatorFactory {

    public static final String PROVIDER_ID = "kenpo-password-change";

    private static final PasswordChangeAuthenticator INSTANCE = new PasswordChangeAuthenticator();

    public PasswordChangeAuthenticatorFactory() {
        super(PROVIDER_ID, PasswordChangeAuthenticatorFactory.class, "kenpo.passwordChange", null, List.of(),
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return INSTANCE;
    }
}
