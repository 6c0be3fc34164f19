package jp.kenpo.keycloak.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The realm export ships passkeys available and このブラウザを信頼する off (issue 18), with what each needs. */
class RealmExportSecondFactorsTest {

    private static final Path REALM = Path.of("..").toAbsolutePath().normalize().resolve("realm-export/kenpo-realm.json");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> realm() throws Exception {
        return new ObjectMapper().readValue(Files.readString(REALM), new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> realm, String key) {
        return (List<Map<String, Object>>) realm.get(key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void passkeysAreAvailableWithUserVerificationAndTheEmailKeyStays() throws Exception {
        Map<String, Object> realm = realm();
        assertEquals(Boolean.TRUE, realm.get("webAuthnPolicyPasswordlessPasskeysEnabled"));
        assertEquals("required", realm.get("webAuthnPolicyPasswordlessUserVerificationRequirement"));
        assertEquals("required", realm.get("webAuthnPolicyPasswordlessResidentKey"));
        assertTrue(list(realm, "requiredActions").stream()
                .anyMatch(a -> "webauthn-register-passwordless".equals(a.get("providerId")) && Boolean.TRUE.equals(a.get("enabled"))));
        assertTrue(((List<String>) realm.get("eventsListeners")).containsAll(List.of("kenpo-passkey-notice", "kenpo-trusted-browser-revocation")));
        Map<String, Object> emailKeyFlow = list(realm, "authenticationFlows").stream()
                .filter(f -> "kenpo email key".equals(f.get("alias"))).findFirst().orElseThrow();
        List<Map<String, Object>> executions = (List<Map<String, Object>>) emailKeyFlow.get("authenticationExecutions");
        assertTrue(executions.stream().anyMatch(e -> "conditional-credential".equals(e.get("authenticator"))), "no key after a passkey");
        assertTrue(executions.stream().anyMatch(e -> "kenpo-email-key".equals(e.get("authenticator")) && "ALTERNATIVE".equals(e.get("requirement"))),
                "ID + password + 暗証キー remains (the only alternative while the passkey option is off)");
        assertTrue(executions.stream().anyMatch(e -> "webauthn-authenticator-passwordless".equals(e.get("authenticator"))
                && "DISABLED".equals(e.get("requirement"))), "ID + password + passkey instead of the key: shipped off");
        Map<String, Object> condition = list(realm, "authenticatorConfig").stream()
                .filter(c -> "kenpo-email-key-not-after-passkey".equals(c.get("alias"))).findFirst().orElseThrow();
        assertEquals(Map.of("credentials", "webauthn-passwordless", "included", "false"), condition.get("config"));
    }

    @Test
    void everyFlowDescriptionFitsKeycloaksColumn() throws Exception {
        // AUTHENTICATION_FLOW.DESCRIPTION is VARCHAR(255): a longer one stops the realm import, and the server with it.
        for (Map<String, Object> flow : list(realm(), "authenticationFlows")) {
            String description = (String) flow.getOrDefault("description", "");
            assertTrue(description.length() <= 255, flow.get("alias") + ": " + description.length() + " characters");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void trustedBrowserIsOff() throws Exception {
        Map<String, Object> emailKey = list(realm(), "authenticatorConfig").stream()
                .filter(c -> "kenpo-email-key".equals(c.get("alias"))).findFirst().orElseThrow();
        assertEquals("0", ((Map<String, String>) emailKey.get("config")).get("kenpo.trustedBrowser.days"));
    }
}
