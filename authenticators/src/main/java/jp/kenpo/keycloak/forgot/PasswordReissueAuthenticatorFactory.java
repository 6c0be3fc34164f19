package jp.kenpo.keycloak.forgot;

import jp.kenpo.keycloak.common.PackAuthenticatorFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;

/** パスワード再発行; its settings also hold the 仮ログイン validity, which the login screen reads through {@link ForgotConfig#of}. */
public class PasswordReissueAuthenticatorFactory extends PackAuthenticatorFactory {

    public static final String PROVIDER_ID = "kenpo-password-reissue";

    private static final PasswordReissueAuthenticator INSTANCE = new PasswordReissueAuthenticator();

    public PasswordReissueAuthenticatorFactory() {
        super(PROVIDER_ID, PasswordReissueAuthenticatorFactory.class, "kenpo.reissue", null, ForgotConfig.configProperties(),
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return INSTANCE;
    }
}
