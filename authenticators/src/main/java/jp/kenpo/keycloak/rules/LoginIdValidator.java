package jp.kenpo.keycloak.rules;

import java.util.List;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.member.Registration;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator {@code kenpo-login-id} for the username attribute: applies {@link LoginIdRules}
 * wherever Keycloak's user profile is used (account console, admin console, admin REST API).
 *
 * <p>The pre-issued shape is allowed only for an account marked not yet registered, which is how
 * union IT creates the accounts printed on its letters.
 */
public class LoginIdValidator extends AbstractStringValidator implements ConfiguredProvider {

    public static final String ID = "kenpo-login-id";
    public static final String CFG_MIN = "min";
    public static final String CFG_MAX = "max";

    private static final AdminText TEXT = AdminText.of(LoginIdValidator.class);

    @Override
    public String getId() {
        return ID;
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        LoginIdRules rules = new LoginIdRules(
                config.getIntOrDefault(CFG_MIN, LoginIdRules.DEFAULT_MIN_LENGTH),
                config.getIntOrDefault(CFG_MAX, LoginIdRules.DEFAULT_MAX_LENGTH));
        for (LoginIdRules.Violation violation : rules.check(value, isPreIssuedAccount(context))) {
            if (violation == LoginIdRules.Violation.LENGTH) {
                context.addError(new ValidationError(ID, inputHint, violation.messageKey(), rules.minLength(), rules.maxLength()));
            } else {
                context.addError(new ValidationError(ID, inputHint, violation.messageKey()));
            }
        }
    }

    private static boolean isPreIssuedAccount(ValidationContext context) {
        if (!(context instanceof UserProfileAttributeValidationContext upContext)) {
            return false;
        }
        AttributeContext attributeContext = upContext.getAttributeContext();
        String marker = attributeContext.getAttributes().getFirst(MemberAttributes.REGISTRATION);
        return Registration.PENDING.equals(marker);
    }

    /** Empty values are left to the "required" setting of the attribute. */
    @Override
    protected boolean isIgnoreEmptyValuesConfigured(ValidatorConfig config) {
        return true;
    }

    @Override
    public String getHelpText() {
        return TEXT.get("kenpo.loginId.help");
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CFG_MIN).label(TEXT.get("kenpo.loginId.min.label")).helpText(TEXT.get("kenpo.loginId.min.help"))
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(LoginIdRules.DEFAULT_MIN_LENGTH)).add()
                .property().name(CFG_MAX).label(TEXT.get("kenpo.loginId.max.label")).helpText(TEXT.get("kenpo.loginId.max.help"))
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(LoginIdRules.DEFAULT_MAX_LENGTH)).add()
                .build();
    }
}
