package jp.kenpo.keycloak.trust;

import jp.kenpo.keycloak.common.PackEventListenerFactory;

/** Add {@value #ID} to the realm's event listeners (Realm settings → Events) for lockouts and 仮ログイン to end trusted browsers. */
public class TrustRevocationListenerFactory extends PackEventListenerFactory {

    public static final String ID = "kenpo-trusted-browser-revocation";

    public TrustRevocationListenerFactory() {
        super(ID, TrustRevocationListener::new);
    }
}
