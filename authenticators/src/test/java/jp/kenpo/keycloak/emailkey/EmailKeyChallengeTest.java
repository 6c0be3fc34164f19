package jp.kenpo.keycloak.emailkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jp.kenpo.keycloak.emailkey.EmailKeyChallenge.Outcome;
import jp.kenpo.keycloak.emailkey.EmailKeyChallenge.ResendOutcome;
import jp.kenpo.keycloak.common.ServerKey;
import org.junit.jupiter.api.Test;

class EmailKeyChallengeTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final String KEY = "0123456789";

    private static final ServerKey.Ring KEYS = ServerKey.Ring.fixed(ServerKey.derive("test-key", new byte[64]));

    private final Map<String, String> notes = new HashMap<>();
    private final Set<String> usedKeys = new HashSet<>();
    private final EmailKeyChallenge challenge = challengeOver(notes);

    /** A challenge over these notes (one request's view of the authentication session), sharing the used-key marks. */
    private EmailKeyChallenge challengeOver(Map<String, String> requestNotes) {
        return new EmailKeyChallenge(new EmailKeyChallenge.Notes() {
            @Override
            public String get(String name) {
                return requestNotes.get(name);
            }

            @Override
            public void set(String name, String value) {
                requestNotes.put(name, value);
            }

            @Override
            public void remove(String name) {
                requestNotes.remove(name);
            }
        }, (keyHash, lifespanSeconds) -> usedKeys.add(keyHash), EmailKeyConfig.DEFAULTS, KEYS);
    }

    @Test
    void twoRequestsThatReadTheKeyTogetherLogInOnce() {
        challenge.issue(KEY, T0);
        // Both requests read the authentication session before either removed the key.
        EmailKeyChallenge first = challengeOver(new HashMap<>(notes));
        EmailKeyChallenge second = challengeOver(new HashMap<>(notes));
        assertEquals(Outcome.ACCEPTED, first.verify(KEY, T0 + 1_000).outcome());
        assertEquals(Outcome.NO_KEY, second.verify(KEY, T0 + 1_000).outcome(), "the key was used by the first request");
    }

    @Test
    void aKeyIssuedAfterAnAcceptedOneIsNotTakenForUsed() {
        challenge.issue(KEY, T0);
        assertEquals(Outcome.ACCEPTED, challenge.verify(KEY, T0 + 1_000).outcome());
        challenge.issue(KEY, T0 + 2_000); // the same digits again (a new attempt): a new salt, a new mark
        assertEquals(Outcome.ACCEPTED, challenge.verify(KEY, T0 + 3_000).outcome());
    }

    @Test
    void theKeyIsStoredOnlyAsAHash() {
        challenge.issue(KEY, T0);
        assertFalse(notes.values().stream().anyMatch(v -> v.contains(KEY)), notes.toString());
    }

    @Test
    void theRightKeyIsAcceptedOnceOnly() {
        challenge.issue(KEY, T0);
        assertEquals(Outcome.ACCEPTED, challenge.verify(KEY, T0 + 1_000).outcome());
        assertEquals(Outcome.NO_KEY, challenge.verify(KEY, T0 + 2_000).outcome());
    }

    @Test
    void fullWidthDigitsAndSpacesAreAccepted() {
        challenge.issue(KEY, T0);
        assertEquals(Outcome.ACCEPTED, challenge.verify("０１２３４　５６７８９", T0).outcome());
    }

    @Test
    void validForExactlySixHundredSeconds() {
        challenge.issue(KEY, T0);
        assertTrue(challenge.hasLiveKey(T0 + 599_999));
        assertFalse(challenge.hasLiveKey(T0 + 600_000));
        assertEquals(Outcome.ACCEPTED, challenge.verify(KEY, T0 + 599_999).outcome());

        challenge.issue(KEY, T0);
        assertEquals(Outcome.EXPIRED, challenge.verify(KEY, T0 + 600_000).outcome());
        assertNull(notes.get(EmailKeyChallenge.HASH), "an expired key is removed");
    }

    @Test
    void fiveWrongTriesKillTheKey() {
        challenge.issue(KEY, T0);
        for (int left = 4; left >= 1; left--) {
            EmailKeyChallenge.Verdict verdict = challenge.verify("9999999999", T0);
            assertEquals(Outcome.WRONG, verdict.outcome());
            assertEquals(left, verdict.triesLeft());
        }
        assertEquals(Outcome.EXHAUSTED, challenge.verify("9999999999", T0).outcome());
        assertEquals(Outcome.NO_KEY, challenge.verify(KEY, T0).outcome(), "the 6th try is refused, even with the right key");
    }

    @Test
    void anEmptyEntryIsNotATry() {
        challenge.issue(KEY, T0);
        assertEquals(Outcome.EMPTY, challenge.verify("　 ", T0).outcome());
        assertEquals(5, challenge.triesLeft());
    }

    @Test
    void aNewKeyReplacesTheOldOne() {
        challenge.issue(KEY, T0);
        challenge.issue("5555555555", T0 + 40_000);
        assertEquals(Outcome.WRONG, challenge.verify(KEY, T0 + 41_000).outcome());
        assertEquals(Outcome.ACCEPTED, challenge.verify("5555555555", T0 + 42_000).outcome());
    }

    @Test
    void aNewKeyGetsFreshTries() {
        challenge.issue(KEY, T0);
        challenge.verify("1111111111", T0);
        challenge.verify("1111111111", T0);
        challenge.issue("5555555555", T0 + 31_000);
        assertEquals(5, challenge.triesLeft());
    }

    @Test
    void resendsWaitThirtySecondsAndStopAtFive() {
        challenge.issue(KEY, T0);
        EmailKeyChallenge.ResendDecision early = challenge.mayResend(T0 + 10_000);
        assertEquals(ResendOutcome.TOO_SOON, early.outcome());
        assertEquals(20, early.waitSeconds());
        assertEquals(ResendOutcome.TOO_SOON, challenge.mayResend(T0 + 29_999).outcome());

        long now = T0;
        for (int i = 0; i < 5; i++) {
            now += 30_000;
            assertEquals(ResendOutcome.ALLOWED, challenge.mayResend(now).outcome());
            challenge.countResend();
            challenge.issue(KEY, now);
        }
        assertEquals(ResendOutcome.LIMIT_REACHED, challenge.mayResend(now + 60_000).outcome());
        assertEquals(0, challenge.resendsLeft());
    }

    @Test
    void aFailedSendLeavesNoKeyAndDoesNotDelayTheRetry() {
        challenge.issue(KEY, T0);
        challenge.invalidate();
        assertFalse(challenge.hasLiveKey(T0));
        assertEquals(Outcome.NO_KEY, challenge.verify(KEY, T0).outcome());
    }
}
