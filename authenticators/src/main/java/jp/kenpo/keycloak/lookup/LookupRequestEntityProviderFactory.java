package jp.kenpo.keycloak.lookup;

import jp.kenpo.keycloak.common.PackTableFactory;

/** The table of ID・パスワードの取得 requests (KENPO_LOOKUP_REQUEST) and its own changelog. */
public class LookupRequestEntityProviderFactory extends PackTableFactory {

    public static final String ID = "kenpo-lookup-request";

    public LookupRequestEntityProviderFactory() {
        super(ID, LookupRequestEntity.class, "META-INF/kenpo-lookup-request-changelog.xml");
    }
}
