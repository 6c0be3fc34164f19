package jp.kenpo.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jp.kenpo.keycloak.common.BruteForceRefusal.Kind;
import org.junit.jupiter.api.Test;

class BruteForceRefusalTest {

    private static final long NOW = 1_800_000_000L;

    @Test
    void notRefusedIsNoneWhateverTheRecordSays() {
        assertEquals(Kind.NONE, BruteForceRefusal.kind(false, true, 0, NOW));
        assertEquals(Kind.NONE, BruteForceRefusal.kind(false, true, (int) NOW + 60, NOW));
    }

    @Test
    void aRefusalWithAWaitStillToRunIsALockout() {
        assertEquals(Kind.LOCKED, BruteForceRefusal.kind(true, true, (int) NOW + 1, NOW));
        assertEquals(Kind.LOCKED, BruteForceRefusal.kind(true, true, (int) NOW + 900, NOW));
    }

    @Test
    void aRefusalOfADisabledAccountIsALockout() {
        assertEquals(Kind.LOCKED, BruteForceRefusal.kind(true, false, 0, NOW));
    }

    @Test
    void aRefusalWithoutARecordedLockIsTheOneRequestAtATimeGuard() {
        // No failure recorded yet (the previous one is still being written), or a wait that has passed.
        assertEquals(Kind.BUSY, BruteForceRefusal.kind(true, true, 0, NOW));
        assertEquals(Kind.BUSY, BruteForceRefusal.kind(true, true, (int) NOW, NOW));
        assertEquals(Kind.BUSY, BruteForceRefusal.kind(true, true, (int) NOW - 30, NOW));
    }
}
