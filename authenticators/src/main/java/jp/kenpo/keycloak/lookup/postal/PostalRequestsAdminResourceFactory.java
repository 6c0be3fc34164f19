package jp.kenpo.keycloak.lookup.postal;

import jp.kenpo.keycloak.common.PackAdminResourceFactory;

public class PostalRequestsAdminResourceFactory extends PackAdminResourceFactory {

    public static final String ID = "kenpo-postal-requests";

    public PostalRequestsAdminResourceFactory() {
        super(ID, PostalRequestsAdminResource::new);
    }
}
