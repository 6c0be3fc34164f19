package jp.kenpo.keycloak.mail;

import static jp.kenpo.keycloak.mail.MailOutboxRules.OnPoll.BURY;
import static jp.kenpo.keycloak.mail.MailOutboxRules.OnPoll.CLAIM;
import static jp.kenpo.keycloak.mail.MailOutboxRules.OnPoll.SKIP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MailOutboxRulesTest {

    private static final long NOW = 1_000_000L;
    private static final int MAX = 4;

    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToTheLongestWait() {
        MailOutboxRules.RetryPolicy policy = new MailOutboxRules.RetryPolicy(8, 5, 60);
        assertEquals(List.of(5_000L, 10_000L, 20_000L, 40_000L, 60_000L, 60_000L),
                List.of(policy.delayMillis(1), policy.delayMillis(2), policy.delayMillis(3), policy.delayMillis(4),
                        policy.delayMillis(5), policy.delayMillis(6)));
        assertEquals(60_000L, policy.delayMillis(1_000), "no overflow after many attempts");
    }

    @Test
    void aJobIsGivenUpAfterItsLastAttemptOnly() {
        MailOutboxRules.RetryPolicy policy = new MailOutboxRules.RetryPolicy(3, 5, 60);
        assertFalse(policy.givesUp(1));
        assertFalse(policy.givesUp(2));
        assertTrue(policy.givesUp(3));
    }

    @Test
    void nonsenseSettingsStillRetryAtLeastOnceAndWaitAtLeastASecond() {
        MailOutboxRules.RetryPolicy policy = new MailOutboxRules.RetryPolicy(0, 0, -1);
        assertEquals(1, policy.maxAttempts());
        assertEquals(1_000L, policy.delayMillis(1));
        assertEquals(1_000L, policy.delayMillis(5), "the longest wait is never below the first");
    }

    @Test
    void aPendingJobIsClaimedOnceDue() {
        assertEquals(CLAIM, MailOutboxRules.onPoll("pending", 0, NOW, null, NOW, MAX));
        assertEquals(CLAIM, MailOutboxRules.onPoll("pending", 2, NOW - 1, null, NOW, MAX));
        assertEquals(SKIP, MailOutboxRules.onPoll("pending", 0, NOW + 1, null, NOW, MAX), "not before its start delay or back-off");
    }

    @Test
    void aJobANodeIsSendingIsLeftAloneUntilItsLeaseEnds() {
        assertEquals(SKIP, MailOutboxRules.onPoll("sending", 1, NOW - 10_000, NOW + 1, NOW, MAX));
        assertEquals(SKIP, MailOutboxRules.onPoll("sending", 1, NOW - 10_000, NOW, NOW, MAX), "the lease's last millisecond is still its node's");
        assertEquals(CLAIM, MailOutboxRules.onPoll("sending", 1, NOW - 10_000, NOW - 1, NOW, MAX), "a dead node's job is taken over");
    }

    @Test
    void aJobWhoseNodeDiedDuringItsLastAttemptIsGivenUpNotSentAgain() {
        assertEquals(BURY, MailOutboxRules.onPoll("sending", MAX, NOW - 10_000, NOW - 1, NOW, MAX));
        assertEquals(CLAIM, MailOutboxRules.onPoll("sending", MAX - 1, NOW - 10_000, NOW - 1, NOW, MAX));
    }

    @Test
    void sentAndDeadJobsAreNeverClaimed() {
        assertEquals(SKIP, MailOutboxRules.onPoll("sent", 1, 0, null, NOW, MAX));
        assertEquals(SKIP, MailOutboxRules.onPoll("dead", MAX, 0, null, NOW, MAX));
        assertEquals(SKIP, MailOutboxRules.onPoll("dead", MAX, 0, NOW - 1, NOW, MAX));
    }

    @Test
    void onlyTheNodeAndAttemptThatClaimedARowMayFinishIt() {
        MailOutboxEntity row = new MailOutboxEntity();
        row.setState("sending");
        row.setClaimedBy("node-a/1234");
        row.setAttempts(2);
        assertTrue(MailOutboxRules.holds(row, "node-a/1234", 2));
        assertFalse(MailOutboxRules.holds(row, "node-b/5678", 2), "another node");
        assertFalse(MailOutboxRules.holds(row, "node-a/1234", 1), "the same node's earlier claim, taken over since");
        row.setState("sent");
        assertFalse(MailOutboxRules.holds(row, "node-a/1234", 2), "already done");
        assertFalse(MailOutboxRules.holds(null, "node-a/1234", 2), "deleted");
    }

    @Test
    void aLastErrorNamesExceptionClassesNeverTheirMessages() {
        Exception e = new IllegalStateException("to taro@example.jp", new java.net.ConnectException("Connection refused: taro@example.jp"));
        String described = MailOutboxWorker.describe(e);
        assertEquals("IllegalStateException < ConnectException", described);
        assertFalse(described.contains("@"));
    }
}
