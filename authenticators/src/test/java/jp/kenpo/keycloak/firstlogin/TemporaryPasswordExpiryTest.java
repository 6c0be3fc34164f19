package jp.kenpo.keycloak.firstlogin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import jp.kenpo.keycloak.firstlogin.TemporaryPasswordExpiry.Kind;
import org.junit.jupiter.api.Test;

class TemporaryPasswordExpiryTest {

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final Instant ISSUED = Instant.parse("2026-04-01T00:00:00Z");
    private static final MemberRegistrationConfig DEFAULTS = MemberRegistrationConfig.DEFAULTS;

    @Test
    void aLetterPasswordWorks180DaysFromIssue() {
        MovableClock clock = new MovableClock(ISSUED);
        TemporaryPasswordExpiry expiry = new TemporaryPasswordExpiry(clock);
        clock.advance(Duration.ofDays(180).minusSeconds(1));
        assertEquals(new TemporaryPasswordExpiry.Verdict(Kind.LETTER, false), expiry.check(ISSUED.toString(), null, null, DEFAULTS));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(new TemporaryPasswordExpiry.Verdict(Kind.LETTER, true), expiry.check(ISSUED.toString(), null, null, DEFAULTS));
    }

    @Test
    void aLookupPasswordWorks72HoursFromBeingShown() {
        MovableClock clock = new MovableClock(ISSUED);
        TemporaryPasswordExpiry expiry = new TemporaryPasswordExpiry(clock);
        clock.advance(Duration.ofHours(71));
        assertFalse(expiry.check(null, ISSUED.toString(), null, DEFAULTS).expired());
        clock.advance(Duration.ofHours(1));
        assertEquals(new TemporaryPasswordExpiry.Verdict(Kind.LOOKUP, true), expiry.check(null, ISSUED.toString(), null, DEFAULTS));
    }

    @Test
    void theUnionsSettingsApply() {
        MemberRegistrationConfig config = MemberRegistrationConfig.from(Map.of(
                MemberRegistrationConfig.LETTER_PASSWORD_VALIDITY_DAYS, "30",
                MemberRegistrationConfig.LOOKUP_PASSWORD_VALIDITY_HOURS, "3"));
        MovableClock clock = new MovableClock(ISSUED.plus(Duration.ofDays(30)));
        assertTrue(new TemporaryPasswordExpiry(clock).check(ISSUED.toString(), null, null, config).expired());
        clock = new MovableClock(ISSUED.plus(Duration.ofHours(2)));
        assertFalse(new TemporaryPasswordExpiry(clock).check(null, ISSUED.toString(), null, config).expired());
        clock.advance(Duration.ofHours(1));
        assertTrue(new TemporaryPasswordExpiry(clock).check(null, ISSUED.toString(), null, config).expired());
    }

    @Test
    void theLaterIssueIsTheCurrentPassword() {
        MovableClock clock = new MovableClock(ISSUED.plus(Duration.ofDays(10)));
        TemporaryPasswordExpiry expiry = new TemporaryPasswordExpiry(clock);
        String lookupLater = ISSUED.plus(Duration.ofDays(9)).toString();
        assertEquals(new TemporaryPasswordExpiry.Verdict(Kind.LOOKUP, false), expiry.check(ISSUED.toString(), lookupLater, null, DEFAULTS));
        String lookupEarlier = ISSUED.minus(Duration.ofDays(1)).toString();
        assertEquals(new TemporaryPasswordExpiry.Verdict(Kind.LETTER, false), expiry.check(ISSUED.toString(), lookupEarlier, null, DEFAULTS));
    }

    @Test
    void withoutAnIssueTimeTheCredentialsCreatedDateCountsAsALetters() {
        MovableClock clock = new MovableClock(ISSUED.plus(Duration.ofDays(181)));
        TemporaryPasswordExpiry expiry = new TemporaryPasswordExpiry(clock);
        assertEquals(new TemporaryPasswordExpiry.Verdict(Kind.LETTER, true), expiry.check(null, "not a time", ISSUED, DEFAULTS));
        assertFalse(expiry.check(null, null, null, DEFAULTS).expired(), "nothing known: not refused");
    }
}
