package jp.kenpo.keycloak.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jp.kenpo.keycloak.common.EventDetails;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

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

    @Test
    @SuppressWarnings("deprecation")
    void aNewPasswordCountsOtherCredentialsDoNot() {
        assertTrue(TrustRevocationListener.isNewPassword(event(EventType.UPDATE_PASSWORD, Map.of())));
        assertTrue(TrustRevocationListener.isNewPassword(event(EventType.UPDATE_CREDENTIAL, Map.of(Details.CREDENTIAL_TYPE, "password"))));
        assertFalse(TrustRevocationListener.isNewPassword(event(EventType.UPDATE_CREDENTIAL,
                Map.of(Details.CREDENTIAL_TYPE, "webauthn-passwordless"))));
        assertFalse(TrustRevocationListener.isNewPassword(event(EventType.UPDATE_CREDENTIAL, null)));
        assertFalse(TrustRevocationListener.isNewPassword(event(EventType.UPDATE_PASSWORD_ERROR, Map.of())));
    }

    private static AdminEvent admin(OperationType operation, String path) {
        return admin(operation, ResourceType.USER, path);
    }

    private static AdminEvent admin(OperationType operation, ResourceType resource, String path) {
        AdminEvent event = new AdminEvent();
        event.setOperationType(operation);
        event.setResourceType(resource);
        event.setResourcePath(path);
        return event;
    }

    @Test
    void anAdminPasswordResetNamesItsMember() {
        assertEquals("u-1", TrustRevocationListener.resetPasswordUser(admin(OperationType.ACTION, "users/u-1/reset-password")));
        assertNull(TrustRevocationListener.resetPasswordUser(admin(OperationType.ACTION, "users/u-1/reset-password-email")));
        assertNull(TrustRevocationListener.resetPasswordUser(admin(OperationType.UPDATE, "users/u-1")));
        assertNull(TrustRevocationListener.resetPasswordUser(admin(OperationType.ACTION, null)));
        assertNull(TrustRevocationListener.resetPasswordUser(admin(OperationType.ACTION, "users/u-1/credentials/c-1")));
        assertNull(TrustRevocationListener.resetPasswordUser(admin(OperationType.ACTION, ResourceType.CLIENT, "users/u-1/reset-password")));
    }
}
