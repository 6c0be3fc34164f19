package jp.kenpo.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jp.kenpo.keycloak.emailkey.EmailKeyAuthenticatorFactory;
import org.junit.jupiter.api.Test;

class AdminTextTest {

    @Test
    void showsJapaneseThenEnglish() {
        AdminText text = AdminText.of(EmailKeyAuthenticatorFactory.class);
        assertEquals("暗証キーの桁数 / Key digits", text.get("kenpo.emailKey.digits.label"));
    }

    @Test
    void fillsInParametersInBothLanguages() {
        AdminText text = AdminText.of(jp.kenpo.keycloak.memberimport.MembershipFile.class);
        assertEquals("1234行目と同じ記号-番号-枝番です（先の行を使います） / same symbol-number-branch as line 1234 (that line is used)",
                text.format("kenpo.import.duplicate", "1234"));
    }

    @Test
    void anUnknownKeyIsAProgrammingError() {
        AdminText text = AdminText.of(EmailKeyAuthenticatorFactory.class);
        assertThrows(IllegalArgumentException.class, () -> text.get("kenpo.nope"));
    }
}
