package jp.kenpo.keycloak.memberimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemberKeysTest {

    @Test
    void theFirstRowOfAMemberWinsAndAskingAgainGivesTheSameAnswer() {
        MemberKeys keys = new MemberKeys();
        assertEquals(2, keys.firstRow("1-1-00", 2));
        assertEquals(2, keys.firstRow("1-1-00", 5), "a later row of the member points at the first");
        assertEquals(2, keys.firstRow("1-1-00", 2), "the second reading of the file agrees with the first");
        assertEquals(1, keys.size());
    }

    @Test
    void aMemberListedOnlyByARejectedRowIsListedAndItsLaterReadableRowIsItsFirst() {
        MemberKeys keys = new MemberKeys();
        keys.listed("1-2-00");
        assertTrue(keys.contains("1-2-00"));
        assertEquals(7, keys.firstRow("1-2-00", 7));
        keys.listed("1-2-00");
        assertEquals(7, keys.firstRow("1-2-00", 9));
        assertFalse(keys.contains("1-3-00"));
        assertEquals(1, keys.size());
    }

    @Test
    void holdsAUnionsWorthOfMembers() {
        MemberKeys keys = new MemberKeys();
        int members = 300_000;
        for (int i = 0; i < members; i++) {
            assertEquals(i + 2, keys.firstRow("1000-" + (1_000_000 + i / 4) + "-0" + (i % 4), i + 2));
        }
        assertEquals(members, keys.size());
        for (int i = 0; i < members; i += 997) {
            assertEquals(i + 2, keys.firstRow("1000-" + (1_000_000 + i / 4) + "-0" + (i % 4), members + 10));
        }
        assertFalse(keys.contains("1000-9999999-00"));
    }
}
