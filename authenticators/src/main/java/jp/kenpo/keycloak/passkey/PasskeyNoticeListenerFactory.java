package jp.kenpo.keycloak.passkey;

import jp.kenpo.keycloak.common.PackEventListenerFactory;

/** Add {@value #ID} to the realm's event listeners (Realm settings → Events) for the passkey notice mails. */
public class PasskeyNoticeListenerFactory extends PackEventListenerFactory {

    public static final String ID = "kenpo-passkey-notice";

    public PasskeyNoticeListenerFactory() {
        super(ID, PasskeyNoticeListener::new);
    }
}
