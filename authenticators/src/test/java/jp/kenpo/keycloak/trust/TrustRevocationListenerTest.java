package jp.kenpo.keycloak.trust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jp.kenpo.keycloak.common.EventDetails;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

class TrustRevocationListenerTest {

    private static Event event(EventType type, Map<String, String> details) {
        Event event = new Event();
        event.setType(type);
        event.setDetails(details);
        return event;
    }

    @Test
    void onlyATemporaryLoginCountsNotARequestForOne() {
        assertTrue(TrustRevocationListener.isTemporaryLogin(event(EventType.RESET_PASSWORD,
                Map.of(EventDetails.REISSUE, EventDetails.REISSUE_TEMPORARY_LOGIN))));
        // A stranger can ask for パスワード再発行 with any address: that alone must not end a member's trust.
        assertFalse(TrustRevocationListener.isTemporaryLogin(event(EventType.RESET_PASSWORD, Map.of(EventDetails.REISSUE, "requested"))));
        assertFalse(TrustRevocationListener.isTemporaryLogin(event(EventType.RESET_PASSWORD_ERROR,
                Map.of(EventDetails.REISSUE, EventDetails.REISSUE_TEMPORARY_LOGIN))));
        assertFalse(TrustRevocationListener.isTemporaryLogin(event(EventType.RESET_PASSWORD, null)));
    }
}
