package jp.kenpo.keycloak.memberimport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AbsenceTest {

    @Test
    void aFullImportNeedsConfirmationOnlyAboveTheUnionsShare() {
        assertFalse(new MemberImport.Absence(5, 100).exceeds(5), "exactly 5 % is allowed");
        assertTrue(new MemberImport.Absence(6, 100).exceeds(5));
        assertFalse(new MemberImport.Absence(0, 0).exceeds(5), "a first import disables nobody");
        assertTrue(new MemberImport.Absence(1, 100_000).exceeds(0), "0 % means every absence is confirmed");
        assertFalse(new MemberImport.Absence(100_000, 100_000).exceeds(100));
        assertFalse(new MemberImport.Absence(49_999, 1_000_000).exceeds(5), "no overflow at a large union's size");
    }
}
