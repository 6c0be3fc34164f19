package jp.kenpo.keycloak.login;

import jp.kenpo.keycloak.common.PackAuthenticatorFactory;
import jp.kenpo.keycloak.firstlogin.RegistrationMailConfig;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;

public class LoginIdPasswordFormFactory extends PackAuthenticatorFactory {

    public static final String PROVIDER_ID = "kenpo-login-id-password-form";

    public LoginIdPasswordFormFactory() {
        super(PROVIDER_ID, LoginIdPasswordFormFactory.class, "kenpo.login", PasswordCredentialModel.TYPE,
                RegistrationMailConfig.configProperties(), AuthenticationExecutionModel.Requirement.REQUIRED);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new LoginIdPasswordForm(session);
    }
}
