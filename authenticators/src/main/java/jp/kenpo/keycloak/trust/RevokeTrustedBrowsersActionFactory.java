package jp.kenpo.keycloak.trust;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.common.PackFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

public class RevokeTrustedBrowsersActionFactory extends PackFactory<RequiredActionProvider> implements RequiredActionFactory {

    public static final String ID = "kenpo-revoke-trusted-browsers";

    private static final RevokeTrustedBrowsersAction INSTANCE = new RevokeTrustedBrowsersAction();

    public RevokeTrustedBrowsersActionFactory() {
        super(ID);
    }

    @Override
    public String getDisplayText() {
        return AdminText.of(RevokeTrustedBrowsersActionFactory.class).get("kenpo.trustedBrowser.revoke.displayText");
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }
}
