package jp.kenpo.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TemporaryPasswordGeneratorTest {

    @Test
    void generatedPasswordsFollowTheRuleAndAvoidLookAlikes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String pw = TemporaryPasswordGenerator.generate();
            assertEquals(TemporaryPasswordGenerator.LENGTH, pw.length());
            assertTrue(pw.matches("[A-Za-z0-9]+") && pw.matches(".*[A-Z].*") && pw.matches(".*[a-z].*") && pw.matches(".*[0-9].*"), pw);
            assertFalse(pw.matches(".*[0O1Il].*"), pw);
            seen.add(pw);
        }
        assertEquals(2_000, seen.size());
        assertEquals(8, TemporaryPasswordGenerator.generate(8).length());
    }
}
