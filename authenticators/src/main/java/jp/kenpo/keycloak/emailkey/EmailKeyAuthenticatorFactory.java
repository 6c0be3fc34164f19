package jp.kenpo.keycloak.emailkey;

import java.util.Set;

import jp.kenpo.keycloak.common.PackAuthenticatorFactory;
import jp.kenpo.keycloak.trust.TrustedBrowserCredentialProvider;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.OTPCredentialModel;

public class EmailKeyAuthenticatorFactory extends PackAuthenticatorFactory {

    public static final String PROVIDER_ID = "kenpo-email-key";

    private static final EmailKeyAuthenticator INSTANCE = new EmailKeyAuthenticator();

    /**
     * Failures are reported in the {@code otp} category: Keycloak's brute-force protector ignores every
     * category but password, otp and recovery codes, so a wrong key must count as an OTP failure to count at all.
     */
    public EmailKeyAuthenticatorFactory() {
        super(PROVIDER_ID, EmailKeyAuthenticatorFactory.class, "kenpo.emailKey", OTPCredentialModel.TYPE,
                EmailKeyConfig.configProperties(),
                AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.ALTERNATIVE,
                AuthenticationExecutionModel.Requirement.DISABLED);
    }

    /**
     * 信頼したブラウザ: the step whose screen offers このブラウザを信頼する refers to the trusted-browser credential,
     * so プロフィール設定 (the account console lists only credential types that an enabled flow refers to)
     * shows a member's trust with its 削除 button.
     */
    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(TrustedBrowserCredentialProvider.TYPE);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return INSTANCE;
    }
}
