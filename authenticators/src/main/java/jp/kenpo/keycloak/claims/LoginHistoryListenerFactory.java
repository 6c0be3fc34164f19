package jp.kenpo.keycloak.claims;

import jp.kenpo.keycloak.common.PackEventListenerFactory;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

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
        // A removed member or realm takes its login history with it.
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                LoginHistory.forgetUser(removed.getKeycloakSession(), removed.getUser());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                LoginHistory.forgetRealm(removed.getKeycloakSession(), removed.getRealm());
            }
        });
    }
}
