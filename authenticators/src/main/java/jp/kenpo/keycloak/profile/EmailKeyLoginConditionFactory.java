package jp.kenpo.keycloak.profile;

import java.util.List;

import jp.kenpo.keycloak.common.AdminText;
import org.keycloak.Config;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public class EmailKeyLoginConditionFactory implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "kenpo-condition-email-key-login";

    private static final EmailKeyLoginCondition INSTANCE = new EmailKeyLoginCondition();
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED,
    };

    private final AdminText text = AdminText.of(EmailKeyLoginConditionFactory.class);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return text.get("kenpo.emailKeyLogin.displayType");
    }

    @Override
    public String getHelpText() {
        return text.get("kenpo.emailKeyLogin.help");
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
        return ProviderConfigurationBuilder.create()
                .property().name(EmailKeyLoginCondition.ALLOW_SWITCH_OFF)
                .label(text.get("kenpo.emailKeyLogin.allow.label")).helpText(text.get("kenpo.emailKeyLogin.allow.help"))
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
                .build();
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
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
