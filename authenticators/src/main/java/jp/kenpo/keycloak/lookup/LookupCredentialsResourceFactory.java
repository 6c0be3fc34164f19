package jp.kenpo.keycloak.lookup;

import jp.kenpo.keycloak.common.PackRealmResourceFactory;

public class LookupCredentialsResourceFactory extends PackRealmResourceFactory {

    public LookupCredentialsResourceFactory() {
        super(LookupCredentialsResource.PATH, LookupCredentialsResource::new);
    }
}
