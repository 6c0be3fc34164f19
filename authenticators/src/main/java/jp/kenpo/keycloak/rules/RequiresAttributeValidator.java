package jp.kenpo.keycloak.rules;

import java.util.List;

import jp.kenpo.keycloak.common.AdminText;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator {@code kenpo-requires-attribute}: a value is refused while another attribute is
 * empty (manual ⑤: メールアドレス2 and 3 cannot be set while メールアドレス1 is empty).
 */
public class RequiresAttributeValidator extends AbstractStringValidator implements ConfiguredProvider {

    public static final String ID = "kenpo-requires-attribute";
    public static final String CFG_ATTRIBUTE = "attribute";
    public static final String CFG_MESSAGE = "error-message";
    static final String DEFAULT_MESSAGE = "kenpoEmailExtraNeedsFirst";

    private static final AdminText TEXT = AdminText.of(RequiresAttributeValidator.class);

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        if (value.isBlank() || !(context instanceof UserProfileAttributeValidationContext upContext)) {
            return;
        }
        String required = config.getStringOrDefault(CFG_ATTRIBUTE, "email");
        String other = upContext.getAttributeContext().getAttributes().getFirst(required);
        if (other == null || other.isBlank()) {
            context.addError(new ValidationError(ID, inputHint, config.getStringOrDefault(CFG_MESSAGE, DEFAULT_MESSAGE)));
        }
    }

    @Override
    protected boolean isIgnoreEmptyValuesConfigured(ValidatorConfig config) {
        return true;
    }

    @Override
    public String getHelpText() {
        return TEXT.get("kenpo.requiresAttribute.help");
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CFG_ATTRIBUTE).label(TEXT.get("kenpo.requiresAttribute.attribute.label"))
                .helpText(TEXT.get("kenpo.requiresAttribute.attribute.help")).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("email").add()
                .property().name(CFG_MESSAGE).label(TEXT.get("kenpo.requiresAttribute.message.label"))
                .helpText(TEXT.get("kenpo.requiresAttribute.message.help")).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(DEFAULT_MESSAGE).add()
                .build();
    }
}
