package jp.kenpo.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailMaskerTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "taro@example.jp|t***@e***.jp",
            "taro.kenpo@example.co.jp|t***@e***.jp",
            "a@b.jp|a***@b***.jp",
            "Hanako@Mail.Example.com|H***@M***.com",
            "no-at-sign|n***",
            "taro@localhost|t***@l***",
            "'  taro@example.jp  '|t***@e***.jp",
            "''|''",
    })
    void masksAllButTheFirstCharactersAndTheTopLevelDomain(String email, String expected) {
        assertEquals(expected, EmailMasker.mask(email));
    }

    @org.junit.jupiter.api.Test
    void nullIsEmpty() {
        assertEquals("", EmailMasker.mask(null));
    }
}
