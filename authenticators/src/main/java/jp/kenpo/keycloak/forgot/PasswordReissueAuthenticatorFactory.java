package jp.kenpo.keycloak.forgot;

import java.util.stream.Stream;

import jp.kenpo.keycloak.common.MailQueue;
import jp.kenpo.keycloak.common.PackAuthenticatorFactory;
import jp.kenpo.keycloak.lookup.LookupConfig;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public class PasswordReissueAuthenticatorFactory extends PackAuthenticatorFactory {

    public static final String PROVIDER_ID = "kenpo-password-reissue";
    /**
     * Alias of this step's settings in the realm export. They also hold ID・パスワードの取得's and the 仮ログイン
     * validity, which screens of the browser flow read by this alias.
     */
    public static final String CONFIG_ALIAS = "kenpo-password-reissue";

    private MailQueue queue;

    /** パスワード再発行's settings and, realm-wide, those of ID・パスワードの取得 (reached from here and from ログイン). */
    public PasswordReissueAuthenticatorFactory() {
        super(PROVIDER_ID, PasswordReissueAuthenticatorFactory.class, "kenpo.reissue", null,
                Stream.concat(ForgotConfig.configProperties().stream(), LookupConfig.configProperties().stream()).toList(),
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED);
    }

    /** The pack's background mail queue (one per server node), owned by this factory. */
    public static MailQueue mailQueue(KeycloakSession session) {
        return ((PasswordReissueAuthenticatorFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(Authenticator.class, PROVIDER_ID)).queue;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new PasswordReissueAuthenticator(queue);
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
