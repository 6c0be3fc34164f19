package jp.kenpo.keycloak.memberimport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234-5678-01 | 1234-5678-01",
            "１２３４－５６７８－０１ | 1234-5678-01",
            "' 1234 - 5678 - 1 ' | 1234-5678-01",
            "U123-10000-00 | U123-10000-00",
            "1234ー5678ー02 | 1234-5678-02",
    })
    void memberKeysAreReadAsUnionItTypesThem(String typed, String key) {
        assertEquals(Optional.of(key), MemberKey.parse(typed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1234-5678", "1234-5678-123", "1234--01", "-5678-01", "1234-5678-ab", "''"})
    void anythingElseIsNoKey(String typed) {
        assertEquals(Optional.empty(), MemberKey.parse(typed));
    }
}
