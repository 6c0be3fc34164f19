package jp.kenpo.keycloak.forgot;

import java.util.List;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.common.MailQueue;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public class PasswordReissueAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "kenpo-password-reissue";

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED,
    };

    private final AdminText text = AdminText.of(PasswordReissueAuthenticatorFactory.class);
    /** パスワード再発行's settings and, realm-wide, those of ID・パスワードの取得 (reached from here and from ログイン). */
    private final List<ProviderConfigProperty> properties = java.util.stream.Stream.concat(
            ForgotConfig.configProperties().stream(), jp.kenpo.keycloak.lookup.LookupConfig.configProperties().stream()).toList();
    private MailQueue queue;

    /** The pack's background mail queue (one per server node). */
    public MailQueue mailQueue() {
        return queue;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return text.get("kenpo.reissue.displayType");
    }

    @Override
    public String getHelpText() {
        return text.get("kenpo.reissue.help");
    }

    @Override
    public String getReferenceCategory() {
        return null;
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
        return properties;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new PasswordReissueAuthenticator(queue);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        queue = new MailQueue(factory, "kenpo-mail");
    }

    @Override
    public void close() {
        if (queue != null) {
            queue.shutdown();
        }
    }
}
