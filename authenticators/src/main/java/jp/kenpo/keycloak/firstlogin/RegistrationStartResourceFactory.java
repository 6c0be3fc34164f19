package jp.kenpo.keycloak.firstlogin;

import jp.kenpo.keycloak.common.PackRealmResourceFactory;

public class RegistrationStartResourceFactory extends PackRealmResourceFactory {

    public RegistrationStartResourceFactory() {
        super(RegistrationStartResource.PATH, RegistrationStartResource::new);
    }
}
