package jp.kenpo.keycloak.lookup;

import jp.kenpo.keycloak.common.PackAdminResourceFactory;

public class LookupRequestsAdminResourceFactory extends PackAdminResourceFactory {

    public static final String ID = "kenpo-lookup-requests";

    public LookupRequestsAdminResourceFactory() {
        super(ID, LookupRequestsAdminResource::new);
    }
}
