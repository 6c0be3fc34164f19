package jp.kenpo.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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

    private static final ServerKey KEY = ServerKey.derive("kid-1", "a fixed test key".getBytes(StandardCharsets.UTF_8));
    private static final ServerKey.Ring KEYS = ServerKey.Ring.fixed(KEY);

    @Test
    void aStoredHashMatchesOnlyItsSecret() {
        String salt = Secrets.newSalt();
        String hash = Secrets.hash(KEY, "1234567890", salt);
        assertFalse(hash.contains("1234567890"));
        assertTrue(hash.startsWith("kid-1:"), "names the key it was made with: " + hash);
        assertTrue(Secrets.matches(KEYS, "1234567890", salt, hash));
        assertFalse(Secrets.matches(KEYS, "1234567891", salt, hash));
        assertFalse(Secrets.matches(KEYS, "123456789", salt, hash));
        assertFalse(Secrets.matches(KEYS, null, salt, hash));
        assertFalse(Secrets.matches(KEYS, "1234567890", null, hash));
        assertFalse(Secrets.matches(KEYS, "1234567890", salt, "no-key-id"));
    }

    @Test
    void theSaltMakesEqualSecretsHashDifferently() {
        String a = Secrets.hash(KEY, "1234567890", Secrets.newSalt());
        String b = Secrets.hash(KEY, "1234567890", Secrets.newSalt());
        assertNotEquals(a, b);
    }

    @Test
    void withoutTheServerKeyAHashCannotBeRecomputed() {
        String salt = Secrets.newSalt();
        String hash = Secrets.hash(KEY, "1234567890", salt);
        ServerKey guess = ServerKey.derive("kid-1", "another key".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(hash, Secrets.hash(guess, "1234567890", salt));
        assertFalse(Secrets.matches(ServerKey.Ring.fixed(guess), "1234567890", salt, hash));
        // Not the plain salted SHA-256 that anyone could recompute from the salt.
        assertFalse(hash.endsWith(plainSha256("1234567890", salt)), hash);
    }

    @Test
    void aRotatedKeyStillChecksTheSecretsItMadeAndAGoneKeyRefuses() {
        String salt = Secrets.newSalt();
        String hash = Secrets.hash(KEY, "1234567890", salt);
        ServerKey newer = ServerKey.derive("kid-2", new byte[] {2});
        ServerKey.Ring rotated = new ServerKey.Ring() {
            @Override
            public ServerKey active() {
                return newer;
            }

            @Override
            public Optional<ServerKey> byId(String id) {
                return Stream.of(KEY, newer).filter(k -> k.id().equals(id)).findFirst();
            }
        };
        assertTrue(Secrets.matches(rotated, "1234567890", salt, hash));
        assertFalse(Secrets.matches(ServerKey.Ring.fixed(newer), "1234567890", salt, hash));
    }

    @Test
    void aDigestIsKeyedAndPerPurpose() {
        assertEquals(KEY.digest("p", "192.0.2.1"), KEY.digest("p", "192.0.2.1"));
        assertNotEquals(KEY.digest("p", "192.0.2.1"), KEY.digest("q", "192.0.2.1"));
        assertNotEquals(Secrets.sha256("192.0.2.1"), KEY.digest("p", "192.0.2.1"));
        assertFalse(KEY.toString().contains("=") || KEY.toString().length() > 40, "no key material in toString");
    }

    private static String plainSha256(String secret, String salt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Base64.getDecoder().decode(salt));
            digest.update(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
