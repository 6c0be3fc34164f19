package jp.kenpo.keycloak.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.policy.PolicyError;

class CommonPasswordsPolicyTest {

    private final CommonPasswordsPolicy policy = new CommonPasswordsPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"Password1", "PASSWORD1", "Abcd1234", "Sakura123", "qwerty123"})
    void commonPasswordsAreRefusedWhateverTheirCaseWithKeycloaksDenylistMessage(String common) {
        PolicyError error = policy.validate("taro", common);
        assertEquals("invalidPasswordBlacklistedMessage", error == null ? null : error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kenpo2026Ab", "P0a40aca", "Tz8qLm3Wx"})
    void otherPasswordsPass(String password) {
        assertNull(policy.validate("taro", password));
    }

    @Test
    void theListIsReadFromTheJar() {
        assertTrue(CommonPasswords.size() > 1000, "about 1,900 passwords: " + CommonPasswords.size());
    }

    /** Start-up writes nothing into Keycloak's folders (it used to copy the list into data/password-blacklists). */
    @Test
    void startUpWritesNothingIntoKeycloaksFolders(@TempDir Path home) throws Exception {
        String before = System.getProperty("kc.home.dir");
        System.setProperty("kc.home.dir", home.toString());
        try {
            new CommonPasswordsPolicyFactory().postInit(null);
            new PasswordCharactersPolicyFactory().postInit(null);
            assertTrue(CommonPasswords.contains("password1"));
            try (var files = Files.walk(home)) {
                assertEquals(1, files.count(), "nothing below " + home);
            }
        } finally {
            if (before == null) {
                System.clearProperty("kc.home.dir");
            } else {
                System.setProperty("kc.home.dir", before);
            }
        }
    }
}
