package jp.kenpo.keycloak.rules;

import jp.kenpo.keycloak.common.PackPasswordPolicyFactory;

public class PasswordCharactersPolicyFactory extends PackPasswordPolicyFactory {

    public static final String ID = "kenpoPasswordCharacters";

    public PasswordCharactersPolicyFactory() {
        super(ID, new PasswordCharactersPolicy(), "Kenpo: A-Z a-z 0-9 only (記号不可)");
    }
}
