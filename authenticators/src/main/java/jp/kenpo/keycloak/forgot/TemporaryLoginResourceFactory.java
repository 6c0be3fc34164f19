package jp.kenpo.keycloak.forgot;

import jp.kenpo.keycloak.common.PackRealmResourceFactory;

public class TemporaryLoginResourceFactory extends PackRealmResourceFactory {

    public TemporaryLoginResourceFactory() {
        super(TemporaryLoginResource.PATH, TemporaryLoginResource::new);
    }
}
