package jp.kenpo.keycloak.claims;

import jp.kenpo.keycloak.common.PackEventListenerFactory;
import org.keycloak.models.KeycloakSessionFactory;

/** Add {@value #ID} to the realm's event listeners (Realm settings → Events) for 前回ログイン日時. */
public class LoginHistoryListenerFactory extends PackEventListenerFactory {

    public static final String ID = "kenpo-login-history";

    public LoginHistoryListenerFactory() {
        super(ID, LoginHistoryListener::new);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // The account console's header (the member's nickname) is also about what a token says of the member.
        AccountConsoleHeader.register(factory);
    }
}
