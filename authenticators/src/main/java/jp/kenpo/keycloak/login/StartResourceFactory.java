package jp.kenpo.keycloak.login;

import jp.kenpo.keycloak.common.LoginEntry;
import jp.kenpo.keycloak.common.PackRealmResourceFactory;

public class StartResourceFactory extends PackRealmResourceFactory {

    public StartResourceFactory() {
        super(LoginEntry.START_PATH, StartResource::new);
    }
}
