package jp.kenpo.keycloak.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/** Which admin events are a passkey removed by union staff (Users → Credentials → Delete), as Keycloak 26.7 sends them. */
class PasskeyNoticeListenerTest {

    private static AdminEvent event(OperationType operation, ResourceType resource, String path, Map<String, String> details) {
        AdminEvent event = new AdminEvent();
        event.setOperationType(operation);
        event.setResourceType(resource);
        event.setResourcePath(path);
        event.setDetails(details);
        return event;
    }

    private static Map<String, String> credential(String type) {
        return Map.of("credential_type", type, "credential_id", "c-1", "credential_user_label", "わたしのスマートフォン");
    }

    @Test
    void aPasskeyDeletedThroughTheAdminApiNamesItsMember() {
        assertEquals("u-1", PasskeyNoticeListener.removedCredentialOwner(
                event(OperationType.ACTION, ResourceType.USER, "users/u-1/credentials/c-1", credential("webauthn-passwordless"))));
        assertEquals("u-1", PasskeyNoticeListener.removedCredentialOwner(
                event(OperationType.ACTION, ResourceType.USER, "users/u-1/credentials/c-1", credential("webauthn"))));
    }

    @Test
    void otherCredentialsAndOtherAdminEventsAreNotPasskeyRemovals() {
        assertNull(PasskeyNoticeListener.removedCredentialOwner(
                event(OperationType.ACTION, ResourceType.USER, "users/u-1/credentials/c-1", credential("password"))));
        assertNull(PasskeyNoticeListener.removedCredentialOwner(
                event(OperationType.ACTION, ResourceType.USER, "users/u-1/credentials/c-1", credential("otp"))));
        assertNull(PasskeyNoticeListener.removedCredentialOwner(
                event(OperationType.UPDATE, ResourceType.USER, "users/u-1/credentials/c-1/userLabel", credential("webauthn-passwordless"))));
        assertNull(PasskeyNoticeListener.removedCredentialOwner(
                event(OperationType.ACTION, ResourceType.USER, "users/u-1/credentials/c-1/moveToFirst", credential("webauthn-passwordless"))));
        assertNull(PasskeyNoticeListener.removedCredentialOwner(
                event(OperationType.DELETE, ResourceType.USER, "users/u-1", null)));
        assertNull(PasskeyNoticeListener.removedCredentialOwner(
                event(OperationType.ACTION, ResourceType.USER, "users/u-1/credentials/c-1", null)));
    }

    @Test
    void adminEventsWithDetailsButNoCredentialTypeAreNotPasskeyRemovals() {
        // As the pack's own letter reissue sends them: details, none of them a credential type (it threw before).
        assertNull(PasskeyNoticeListener.removedCredentialOwner(
                event(OperationType.ACTION, ResourceType.USER, "kenpo-members/letters", Map.of("reissued", "1", "refused", "0"))));
        assertNull(PasskeyNoticeListener.removedCredentialOwner(
                event(OperationType.ACTION, ResourceType.USER, "users/u-1/credentials/c-1", Map.of("credential_id", "c-1"))));
    }
}
