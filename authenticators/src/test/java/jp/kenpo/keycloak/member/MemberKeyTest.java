package jp.kenpo.keycloak.member;

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "１２３|４５６７|１|123-4567-01",
            " 12 3 |45-67|01|123-4567-01",
            "ab|1|2|AB-1-02",
    })
    void threePartsAreNormalisedOneWay(String symbol, String number, String branch, String key) {
        assertEquals(Optional.of(key), MemberKey.of(symbol, number, branch));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"123|4567|", "123||1", "|4567|1", "123|4567|123", "123|4567|x"})
    void aMissingPartOrABadBranchIsNoKey(String symbol, String number, String branch) {
        assertEquals(Optional.empty(), MemberKey.of(symbol, number, branch));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"１２３|４５６７|123-4567", " 12 3|45-67|123-4567"})
    void theHouseholdKeyIsSymbolAndNumberNormalisedAlike(String symbol, String number, String key) {
        assertEquals(Optional.of(key), MemberKey.household(symbol, number));
        assertEquals(Optional.empty(), MemberKey.household(symbol, ""));
    }
}
