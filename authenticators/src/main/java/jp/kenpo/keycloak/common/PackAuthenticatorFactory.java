package jp.kenpo.keycloak.common;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What every flow step of the pack says about itself to the admin console: bilingual name and help
 * (from the feature's admin-messages), its requirement choices, its settings. Members never set a step
 * up themselves.
 */
public abstract class PackAuthenticatorFactory extends PackFactory<Authenticator> implements AuthenticatorFactory {

    private final AdminText text;
    private final String textKey;
    private final String referenceCategory;
    private final List<ProviderConfigProperty> properties;
    private final AuthenticationExecutionModel.Requirement[] requirements;

    /**
     * @param textKey    prefix of {@code <textKey>.displayType} and {@code <textKey>.help} in the feature's admin-messages
     * @param category   brute-force category of the step's failures ({@code password}, {@code otp}) or null
     */
    protected PackAuthenticatorFactory(String id, Class<?> feature, String textKey, String category,
                                       List<ProviderConfigProperty> properties,
                                       AuthenticationExecutionModel.Requirement... requirements) {
        super(id);
        this.text = AdminText.of(feature);
        this.textKey = textKey;
        this.referenceCategory = category;
        this.properties = properties;
        this.requirements = requirements;
    }

    @Override
    public String getDisplayType() {
        return text.get(textKey + ".displayType");
    }

    @Override
    public String getHelpText() {
        return text.get(textKey + ".help");
    }

    @Override
    public String getReferenceCategory() {
        return referenceCategory;
    }

    @Override
    public boolean isConfigurable() {
        return !properties.isEmpty();
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return requirements.clone();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return properties;
    }
}
