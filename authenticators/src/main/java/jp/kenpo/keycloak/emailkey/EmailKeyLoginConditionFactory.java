package jp.kenpo.keycloak.emailkey;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.common.PackAuthenticatorFactory;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public class EmailKeyLoginConditionFactory extends PackAuthenticatorFactory implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "kenpo-condition-email-key-login";

    private static final EmailKeyLoginCondition INSTANCE = new EmailKeyLoginCondition();
    private static final AdminText TEXT = AdminText.of(EmailKeyLoginConditionFactory.class);

    public EmailKeyLoginConditionFactory() {
        super(PROVIDER_ID, EmailKeyLoginConditionFactory.class, "kenpo.emailKeyLogin", null,
                ProviderConfigurationBuilder.create()
                        .property().name(EmailKeyLoginCondition.ALLOW_SWITCH_OFF)
                        .label(TEXT.get("kenpo.emailKeyLogin.allow.label")).helpText(TEXT.get("kenpo.emailKeyLogin.allow.help"))
                        .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
                        .build(),
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED);
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return INSTANCE;
    }
}
