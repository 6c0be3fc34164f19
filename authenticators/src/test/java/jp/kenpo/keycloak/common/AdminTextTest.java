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
    void anUnknownKeyIsAProgrammingError() {
        AdminText text = AdminText.of(EmailKeyAuthenticatorFactory.class);
        assertThrows(IllegalArgumentException.class, () -> text.get("kenpo.nope"));
    }
}
