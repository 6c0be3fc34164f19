package jp.kenpo.keycloak.lookup.postal;

import jp.kenpo.keycloak.common.PackTableFactory;

/** The table of postal requests and its changelog. */
public class PostalRequestEntityProviderFactory extends PackTableFactory {

    public static final String ID = "kenpo-postal-request";

    public PostalRequestEntityProviderFactory() {
        super(ID, PostalRequestEntity.class, "META-INF/kenpo-postal-request-changelog.xml");
    }
}
