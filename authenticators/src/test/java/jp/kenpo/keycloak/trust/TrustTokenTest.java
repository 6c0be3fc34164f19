package jp.kenpo.keycloak.trust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import jp.kenpo.keycloak.common.ServerKey;
import org.junit.jupiter.api.Test;

class TrustTokenTest {

    private static final ServerKey KEY = ServerKey.derive("kid-1", "realm secret".getBytes(StandardCharsets.UTF_8));
    private static final ServerKey.Ring RING = ServerKey.Ring.fixed(KEY);
    private static final TrustToken.Binding MEMBER = new TrustToken.Binding("realm", "user-1", "gen-1", "cred|1|hash");
    private static final long NOW = 1_800_000_000L;

    @Test
    void aTokenHoldsForItsMemberUntilItExpires() {
        String token = TrustToken.issue(KEY, MEMBER, NOW + 30 * 86_400L);
        assertTrue(TrustToken.verify(RING, token, MEMBER, NOW));
        assertTrue(TrustToken.verify(RING, token, MEMBER, NOW + 30 * 86_400L - 1));
        assertFalse(TrustToken.verify(RING, token, MEMBER, NOW + 30 * 86_400L), "expired");
    }

    @Test
    void anyChangeOfWhatItIsBoundToEndsIt() {
        String token = TrustToken.issue(KEY, MEMBER, NOW + 86_400L);
        assertFalse(TrustToken.verify(RING, token, new TrustToken.Binding("other", "user-1", "gen-1", "cred|1|hash"), NOW), "realm");
        assertFalse(TrustToken.verify(RING, token, new TrustToken.Binding("realm", "user-2", "gen-1", "cred|1|hash"), NOW), "member");
        assertFalse(TrustToken.verify(RING, token, new TrustToken.Binding("realm", "user-1", "gen-2", "cred|1|hash"), NOW), "revoked");
        assertFalse(TrustToken.verify(RING, token, new TrustToken.Binding("realm", "user-1", "gen-1", "cred|2|other"), NOW),
                "new password");
        assertFalse(TrustToken.verify(RING, token, new TrustToken.Binding("realm", "user-1", null, "cred|1|hash"), NOW),
                "generation removed");
    }

    @Test
    void aTamperedOrForeignTokenIsRefused() {
        String token = TrustToken.issue(KEY, MEMBER, NOW + 86_400L);
        String[] parts = token.split("\\.");
        String longer = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400L * 365) + "." + parts[2] + "." + parts[3];
        assertFalse(TrustToken.verify(RING, longer, MEMBER, NOW), "expiry pushed out");
        char last = parts[3].charAt(parts[3].length() - 2);
        String flipped = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertFalse(TrustToken.verify(RING, flipped, MEMBER, NOW), "MAC changed");
        ServerKey otherRealm = ServerKey.derive("kid-1", "another secret".getBytes(StandardCharsets.UTF_8));
        assertFalse(TrustToken.verify(RING, TrustToken.issue(otherRealm, MEMBER, NOW + 86_400L), MEMBER, NOW), "other key");
        ServerKey rotatedAway = ServerKey.derive("kid-0", "realm secret".getBytes(StandardCharsets.UTF_8));
        assertFalse(TrustToken.verify(RING, TrustToken.issue(rotatedAway, MEMBER, NOW + 86_400L), MEMBER, NOW), "key gone");
        for (String garbage : new String[] {null, "", "v1", "v1.x.y.z", "v2." + token.substring(3), token + ".extra", "v1.1.%%.abc",
                "v1." + "9".repeat(600)}) {
            assertFalse(TrustToken.verify(RING, garbage, MEMBER, NOW), String.valueOf(garbage));
        }
    }
}
