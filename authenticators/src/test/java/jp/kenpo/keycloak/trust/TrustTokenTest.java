package jp.kenpo.keycloak.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jp.kenpo.keycloak.common.ServerKey;
import jp.kenpo.keycloak.trust.TrustToken.Verdict;
import org.junit.jupiter.api.Test;

class TrustTokenTest {

    private static final ServerKey KEY = ServerKey.derive("kid-1", "realm secret".getBytes(StandardCharsets.UTF_8));
    private static final ServerKey.Ring RING = ServerKey.Ring.fixed(KEY);
    private static final TrustToken.Member MEMBER = new TrustToken.Member("realm", "user-1", "cred|1|hash");
    private static final String TRUST = "trust-1|{\"value\":\"s1\"}";
    private static final long NOW = 1_800_000_000L;

    private static Verdict verify(String token, TrustToken.Member member, List<String> trusts) {
        return TrustToken.verify(RING, token, member, trusts, NOW);
    }

    @Test
    void aTokenHoldsForItsMemberUntilItExpires() {
        String token = TrustToken.issue(KEY, MEMBER, TRUST, NOW + 30 * 86_400L);
        assertEquals(Verdict.VALID, verify(token, MEMBER, List.of(TRUST)));
        assertEquals(Verdict.VALID, TrustToken.verify(RING, token, MEMBER, List.of(TRUST), NOW + 30 * 86_400L - 1));
        assertEquals(Verdict.INVALID, TrustToken.verify(RING, token, MEMBER, List.of(TRUST), NOW + 30 * 86_400L), "expired");
        assertEquals(Verdict.VALID, verify(token, MEMBER, List.of("trust-0|other", TRUST)), "any of the member's trust credentials");
    }

    @Test
    void anyChangeOfWhatItIsBoundToEndsItForItsMemberOnly() {
        String token = TrustToken.issue(KEY, MEMBER, TRUST, NOW + 86_400L);
        assertEquals(Verdict.REVOKED, verify(token, MEMBER, List.of()), "trust credential deleted");
        assertEquals(Verdict.REVOKED, verify(token, MEMBER, List.of("trust-2|{\"value\":\"s2\"}")), "a new trust credential");
        assertEquals(Verdict.REVOKED, verify(token, MEMBER, List.of("trust-1|{\"value\":\"s2\"}")), "same id, other secret");
        assertEquals(Verdict.REVOKED, verify(token, new TrustToken.Member("realm", "user-1", "cred|2|other"), List.of(TRUST)),
                "new password");
        assertEquals(Verdict.OTHER, verify(token, new TrustToken.Member("realm", "user-2", "cred|1|hash"), List.of(TRUST)),
                "another member's entry is theirs: kept, never valid for this one");
        assertEquals(Verdict.OTHER, verify(token, new TrustToken.Member("other", "user-1", "cred|1|hash"), List.of(TRUST)), "realm");
    }

    @Test
    void aTamperedOrForeignTokenIsInvalidForEveryone() {
        String token = TrustToken.issue(KEY, MEMBER, TRUST, NOW + 86_400L);
        String[] parts = token.split("\\.");
        assertEquals(6, parts.length);
        parts[1] = Long.toString(Long.parseLong(parts[1]) + 86_400L * 365);
        assertEquals(Verdict.INVALID, verify(String.join(".", parts), MEMBER, List.of(TRUST)), "expiry pushed out");
        char last = token.charAt(token.length() - 2);
        String flipped = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertEquals(Verdict.INVALID, verify(flipped, MEMBER, List.of(TRUST)), "seal changed");
        String[] other = token.split("\\.");
        other[3] = TrustToken.issue(KEY, new TrustToken.Member("realm", "user-2", "x"), TRUST, NOW + 86_400L).split("\\.")[3];
        assertEquals(Verdict.INVALID, verify(String.join(".", other), MEMBER, List.of(TRUST)), "who swapped");
        ServerKey otherRealm = ServerKey.derive("kid-1", "another secret".getBytes(StandardCharsets.UTF_8));
        assertEquals(Verdict.INVALID, verify(TrustToken.issue(otherRealm, MEMBER, TRUST, NOW + 86_400L), MEMBER, List.of(TRUST)), "other key");
        ServerKey rotatedAway = ServerKey.derive("kid-0", "realm secret".getBytes(StandardCharsets.UTF_8));
        assertEquals(Verdict.INVALID, verify(TrustToken.issue(rotatedAway, MEMBER, TRUST, NOW + 86_400L), MEMBER, List.of(TRUST)), "key gone");
        String v1 = "v1." + (NOW + 86_400L) + ".a2lkLTE." + parts[5];
        for (String garbage : new String[] {null, "", "v2", "v2.x.y.z.w.v", v1, token + ".extra", "v2.1.%%.a.b.c",
                "v2." + "9".repeat(600), token.replace("v2.", "v3.")}) {
            assertEquals(Verdict.INVALID, verify(garbage, MEMBER, List.of(TRUST)), String.valueOf(garbage));
        }
    }

    @Test
    void anEntryNamesNobodyAndTwoEntriesOfOneMemberDoNotLookAlike() {
        String first = TrustToken.issue(KEY, MEMBER, TRUST, NOW + 86_400L);
        String second = TrustToken.issue(KEY, MEMBER, TRUST, NOW + 86_401L);
        assertFalse(first.contains("user-1") || first.contains("realm") || first.contains("trust-1"), first);
        assertNotEquals(first.split("\\.")[3], second.split("\\.")[3], "who differs with the expiry");
        assertTrue(first.length() < 200, first.length() + " characters");
        assertEquals(NOW + 86_400L, TrustToken.expiry(first).getAsLong());
    }
}
