package jp.kenpo.keycloak.claims;

import jp.kenpo.keycloak.common.PackTableFactory;

/** The table of members' last two logins ({@link LoginHistoryEntity}) and its changelog. */
public class LoginHistoryTableFactory extends PackTableFactory {

    public static final String ID = "kenpo-login-history-table";

    public LoginHistoryTableFactory() {
        super(ID, LoginHistoryEntity.class, "META-INF/kenpo-login-history-changelog.xml");
    }
}
