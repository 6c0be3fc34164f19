package jp.kenpo.keycloak.rules;

import jp.kenpo.keycloak.common.PackPasswordPolicyFactory;

public class CommonPasswordsPolicyFactory extends PackPasswordPolicyFactory {

    public static final String ID = "kenpoCommonPasswords";

    public CommonPasswordsPolicyFactory() {
        super(ID, new CommonPasswordsPolicy(), "Kenpo: common passwords (list in the jar)");
    }
}
