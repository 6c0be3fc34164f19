package jp.kenpo.keycloak.login;

import java.util.List;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.firstlogin.RegistrationMailConfig;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

public class LoginIdPasswordFormFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "kenpo-login-id-password-form";

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
    };

    private final AdminText text = AdminText.of(LoginIdPasswordFormFactory.class);
    private final List<ProviderConfigProperty> configProperties = RegistrationMailConfig.configProperties();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return text.get("kenpo.login.displayType");
    }

    @Override
    public String getHelpText() {
        return text.get("kenpo.login.help");
    }

    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return configProperties;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new LoginIdPasswordForm();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
