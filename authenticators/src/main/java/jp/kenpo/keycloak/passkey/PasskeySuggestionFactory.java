package jp.kenpo.keycloak.passkey;

import java.util.List;

import jp.kenpo.keycloak.common.PackAuthenticatorFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;

public class PasskeySuggestionFactory extends PackAuthenticatorFactory {

    public static final String PROVIDER_ID = "kenpo-passkey-suggestion";

    private static final PasskeySuggestion INSTANCE = new PasskeySuggestion();

    public PasskeySuggestionFactory() {
        super(PROVIDER_ID, PasskeySuggestionFactory.class, "kenpo.passkeySuggestion", null, List.of(),
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return INSTANCE;
    }
}
