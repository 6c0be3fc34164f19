package jp.kenpo.keycloak.trust;

import jp.kenpo.keycloak.common.AdminText;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public class RevokeTrustedBrowsersActionFactory implements RequiredActionFactory {

    public static final String ID = "kenpo-revoke-trusted-browsers";

    private static final RevokeTrustedBrowsersAction INSTANCE = new RevokeTrustedBrowsersAction();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return AdminText.of(RevokeTrustedBrowsersActionFactory.class).get("kenpo.trustedBrowser.revoke.displayText");
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
