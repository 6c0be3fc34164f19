package jp.kenpo.keycloak.emailkey;

import java.util.List;

import jp.kenpo.keycloak.common.AdminText;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

public class EmailKeyAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "kenpo-email-key";

    private static final EmailKeyAuthenticator INSTANCE = new EmailKeyAuthenticator();
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.ALTERNATIVE,
            AuthenticationExecutionModel.Requirement.DISABLED,
    };

    private final AdminText text = AdminText.of(EmailKeyAuthenticatorFactory.class);
    private final List<ProviderConfigProperty> configProperties = EmailKeyConfig.configProperties();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return text.get("kenpo.emailKey.displayType");
    }

    @Override
    public String getHelpText() {
        return text.get("kenpo.emailKey.help");
    }

    /**
     * {@code otp}: Keycloak's brute-force protector ignores failures of any category but password, otp
     * and recovery codes, so a wrong key must be reported as an OTP failure to be counted at all.
     */
    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
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
        return INSTANCE;
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
