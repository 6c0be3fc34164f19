package jp.kenpo.keycloak.forgot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import jp.kenpo.keycloak.common.ServerKey;
import org.junit.jupiter.api.Test;

class TemporaryPasswordTest {

    private static final long T0 = 1_800_000_000_000L;
    private static final ServerKey KEY = ServerKey.derive("test-key", new byte[64]);
    private static final ServerKey.Ring KEYS = ServerKey.Ring.fixed(KEY);

    @Test
    void validForExactlyTheConfiguredTimeFromIssue() {
        ForgotConfig threeHours = ForgotConfig.DEFAULTS;
        TemporaryPassword record = TemporaryPassword.of("Kx7pQ2mNa9", T0, threeHours, KEY);
        assertEquals(TemporaryPassword.Outcome.ACCEPTED, record.check("Kx7pQ2mNa9", T0 + 10_800_000 - 1, KEYS));
        assertEquals(TemporaryPassword.Outcome.EXPIRED, record.check("Kx7pQ2mNa9", T0 + 10_800_000, KEYS));
        assertEquals(TemporaryPassword.Outcome.WRONG, record.check("Kx7pQ2mNa8", T0, KEYS));
    }

    @Test
    void storedOnlyAsASaltedHash() {
        TemporaryPassword record = TemporaryPassword.of("Kx7pQ2mNa9", T0, ForgotConfig.DEFAULTS, KEY);
        Map<String, String> notes = record.toNotes();
        assertFalse(notes.values().stream().anyMatch(v -> v.contains("Kx7pQ2mNa9")), notes.toString());
        assertEquals(record, TemporaryPassword.fromNotes(notes));
        assertNull(TemporaryPassword.fromNotes(null));
        assertNull(TemporaryPassword.fromNotes(Map.of()));
    }

    @Test
    void configDefaultsAreTheManualsThreeHours() {
        assertEquals(new ForgotConfig(10_800, 10, 3, 20, true), ForgotConfig.DEFAULTS);
        assertEquals(3, ForgotConfig.DEFAULTS.validityHours());
        ForgotConfig custom = ForgotConfig.from(Map.of(ForgotConfig.VALIDITY_SECONDS, "90", ForgotConfig.END_OTHER_SESSIONS, "false",
                ForgotConfig.TEMPORARY_PASSWORD_LENGTH, "4"));
        assertEquals(2, custom.validityMinutes());
        assertFalse(custom.endOtherSessions());
        assertEquals(8, custom.temporaryPasswordLength(), "never shorter than the password rule's minimum");
    }
}
