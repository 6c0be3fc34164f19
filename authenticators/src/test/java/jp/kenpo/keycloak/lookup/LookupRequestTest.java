package jp.kenpo.keycloak.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The life of a lookup request, with "now" chosen by the test (no clock, no sleeping). */
class LookupRequestTest {

    private static final long T0 = 1_800_000_000_000L;
    private static final long HOUR = 3_600_000L;

    @Test
    void aHeldLinkIsClosedUntilTheHoldIsOverThenOpensForItsValidity() {
        LookupRequest r = LookupRequest.mailed(true, T0, 24 * HOUR, 24 * HOUR);
        assertEquals(LookupRequest.LinkPage.ON_HOLD, r.link(T0));
        assertEquals(LookupRequest.Reveal.ON_HOLD, r.reveal(T0 + 24 * HOUR - 1));
        assertEquals(LookupRequest.Reveal.CREDENTIALS, r.reveal(T0 + 24 * HOUR));
        assertEquals(LookupRequest.Reveal.CREDENTIALS, r.reveal(T0 + 48 * HOUR - 1));
        assertEquals(LookupRequest.Reveal.USED, r.reveal(T0 + 48 * HOUR), "expired");
    }

    @Test
    void immediateOpensAtOnce() {
        assertEquals(LookupRequest.Reveal.CREDENTIALS, LookupRequest.mailed(true, T0, 0, HOUR).reveal(T0));
    }

    @Test
    void noMatchAndStoppedLookTheSameAsAMatchUntilTheButtonThenNeutral() {
        LookupRequest none = LookupRequest.mailed(false, T0, HOUR, HOUR);
        LookupRequest stopped = LookupRequest.mailed(true, T0, HOUR, HOUR).stopped();
        LookupRequest match = LookupRequest.mailed(true, T0, HOUR, HOUR);
        for (long at : new long[] {T0, T0 + HOUR, T0 + 2 * HOUR}) {
            assertEquals(match.link(at), none.link(at));
            assertEquals(match.link(at), stopped.link(at));
        }
        assertEquals(LookupRequest.Reveal.NEUTRAL, none.reveal(T0 + HOUR));
        assertEquals(LookupRequest.Reveal.NEUTRAL, stopped.reveal(T0 + HOUR));
        assertFalse(none.canStop(T0), "nothing to stop without a member");
    }

    @Test
    void revealedOnceThenUsedAndAStopAfterTheRevealRecoversTheAccount() {
        LookupRequest revealed = LookupRequest.mailed(true, T0, 0, HOUR).revealed();
        assertEquals(LookupRequest.Reveal.USED, revealed.reveal(T0 + 1));
        assertTrue(revealed.canStop(T0 + 10 * 24 * HOUR));
        assertTrue(revealed.recoversOnStop());
        assertFalse(LookupRequest.mailed(true, T0, 0, HOUR).recoversOnStop());
        assertFalse(revealed.canStop(T0 + LookupRequest.STOP_VALIDITY_MILLIS), "the stop link expires");
        assertFalse(revealed.stopped().canStop(T0 + 1), "stopped once");
    }

    @Test
    void approvalHasNoLinkUntilApprovedAndApprovalExpires() {
        LookupRequest waiting = LookupRequest.awaitingApproval(T0);
        assertEquals(LookupRequest.LinkPage.USED, waiting.link(T0));
        assertTrue(waiting.isPending(T0));
        assertTrue(waiting.canApprove(T0 + LookupRequest.APPROVAL_VALIDITY_MILLIS - 1));
        assertFalse(waiting.canApprove(T0 + LookupRequest.APPROVAL_VALIDITY_MILLIS));
        LookupRequest approved = waiting.approved(T0 + HOUR, HOUR);
        assertFalse(approved.canApprove(T0 + HOUR));
        assertEquals(LookupRequest.Reveal.CREDENTIALS, approved.reveal(T0 + HOUR));
        assertEquals(LookupRequest.Reveal.USED, approved.reveal(T0 + 2 * HOUR));
    }

    @Test
    void staffSeeOnlyMatchedLiveRequests() {
        assertTrue(LookupRequest.mailed(true, T0, HOUR, HOUR).isPending(T0));
        assertFalse(LookupRequest.mailed(false, T0, HOUR, HOUR).isPending(T0));
        assertFalse(LookupRequest.mailed(true, T0, HOUR, HOUR).revealed().isPending(T0));
        assertFalse(LookupRequest.mailed(true, T0, HOUR, HOUR).stopped().isPending(T0));
        assertFalse(LookupRequest.mailed(true, T0, HOUR, HOUR).isPending(T0 + 2 * HOUR));
    }

    @Test
    void theSafeDeliveryIsTheDefault() {
        assertEquals(LookupDelivery.HOLD, LookupConfig.DEFAULTS.delivery());
        assertEquals(86_400, LookupConfig.DEFAULTS.holdSeconds());
        assertEquals(LookupDelivery.HOLD, LookupConfig.from(Map.of(LookupConfig.DELIVERY, "typo")).delivery());
        assertEquals(LookupDelivery.APPROVAL, LookupConfig.from(Map.of(LookupConfig.DELIVERY, " Approval ")).delivery());
        assertEquals(1, LookupConfig.from(Map.of(LookupConfig.HOLD_SECONDS, "0")).holdSeconds());
    }
}
