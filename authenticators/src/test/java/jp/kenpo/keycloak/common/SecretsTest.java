package jp.kenpo.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void numericKeysHaveTheAskedLengthAndOnlyDigits() {
        for (int digits : new int[] {6, 10, 12}) {
            String key = Secrets.numericKey(digits);
            assertEquals(digits, key.length());
            assertTrue(key.chars().allMatch(c -> c >= '0' && c <= '9'), key);
        }
        assertThrows(IllegalArgumentException.class, () -> Secrets.numericKey(0));
    }

    @Test
    void keysAreNotRepeatedAndUseEveryDigitInEveryPosition() {
        Set<String> keys = new HashSet<>();
        int[][] seen = new int[10][10];
        for (int i = 0; i < 2_000; i++) {
            String key = Secrets.numericKey(10);
            keys.add(key);
            for (int p = 0; p < 10; p++) {
                seen[p][key.charAt(p) - '0']++;
            }
        }
        assertEquals(2_000, keys.size(), "10-digit keys from a CSPRNG do not collide in 2,000 draws");
        for (int p = 0; p < 10; p++) {
            for (int d = 0; d < 10; d++) {
                // Expected 200 each; a fair source stays far above 100.
                assertTrue(seen[p][d] > 100, "digit " + d + " at position " + p + " seen " + seen[p][d] + " times");
            }
        }
    }

    @Test
    void aStoredHashMatchesOnlyItsSecret() {
        String salt = Secrets.newSalt();
        String hash = Secrets.hash("1234567890", salt);
        assertFalse(hash.contains("1234567890"));
        assertTrue(Secrets.matches("1234567890", salt, hash));
        assertFalse(Secrets.matches("1234567891", salt, hash));
        assertFalse(Secrets.matches("123456789", salt, hash));
        assertFalse(Secrets.matches(null, salt, hash));
        assertFalse(Secrets.matches("1234567890", null, hash));
    }

    @Test
    void theSaltMakesEqualSecretsHashDifferently() {
        String a = Secrets.hash("1234567890", Secrets.newSalt());
        String b = Secrets.hash("1234567890", Secrets.newSalt());
        assertNotEquals(a, b);
    }
}
