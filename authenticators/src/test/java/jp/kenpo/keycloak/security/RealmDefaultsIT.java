package jp.kenpo.keycloak.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The realm export is safe as it is (a union that sets nothing gets the strict values), and the test
 * server runs with the loopback values the harness sets explicitly.
 */
@ExtendWith(KeycloakServerExtension.class)
class RealmDefaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([^}]*))?}");

    private final KeycloakServer server;

    RealmDefaultsIT(KeycloakServer server) {
        this.server = server;
    }

    private static String exportText() throws Exception {
        return Files.readString(Path.of(System.getProperty("kenpo.realm.dir")).resolve("kenpo-realm.json"));
    }

    private static Map<String, Object> export() throws Exception {
        return JSON.readValue(exportText(), new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExportsDefaultsAreTheStrictOnes() throws Exception {
        Map<String, Object> realm = export();
        assertEquals("${KENPO_SSL_REQUIRED:all}", realm.get("sslRequired"));
        assertEquals("${KENPO_SMTP_STARTTLS:true}", ((Map<String, Object>) realm.get("smtpServer")).get("starttls"));

        // No client secret in the export: Keycloak generates a random one on import. A placeholder without
        // a default would not do: an unset variable is stored as the literal text "${…}", which anyone can guess.
        for (Map<String, Object> client : list(realm, "clients")) {
            assertFalse(client.containsKey("secret"), client.get("clientId") + " has a secret in the export: " + client.get("secret"));
            assertEquals(Boolean.FALSE, client.get("directAccessGrantsEnabled"), String.valueOf(client.get("clientId")));
        }
        assertTrue(list(realm, "clients").stream().anyMatch(c -> "admin-cli".equals(c.get("clientId"))),
                "admin-cli is declared so that its direct grants are off");

        String flow = (String) realm.get("directGrantFlow");
        Map<String, Object> denied = list(realm, "authenticationFlows").stream().filter(f -> f.get("alias").equals(flow)).findFirst()
                .orElseThrow(() -> new AssertionError("directGrantFlow " + flow + " is not in the export"));
        assertEquals(Boolean.TRUE, denied.get("topLevel"));
        List<Map<String, Object>> executions = list(denied, "authenticationExecutions");
        assertEquals(1, executions.size(), executions.toString());
        assertEquals("deny-access-authenticator", executions.get(0).get("authenticator"));
        assertEquals("REQUIRED", executions.get(0).get("requirement"));

        // No secret or password gets a default a stranger could read here.
        Matcher m = PLACEHOLDER.matcher(exportText());
        while (m.find()) {
            if (m.group(1).contains("SECRET") || m.group(1).contains("PASSWORD")) {
                assertTrue(m.group(2) == null || m.group(2).isEmpty(), m.group() + " has a default");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTestServerRunsWithTheHarnesssLoopbackValues() {
        Map<String, Object> realm = server.admin().realm();
        assertEquals("external", realm.get("sslRequired"), "set by the harness for plain http on 127.0.0.1");
        assertEquals("false", ((Map<String, Object>) realm.get("smtpServer")).get("starttls"), "the local mail catcher speaks no TLS");
        assertEquals("kenpo direct grant (denied)", realm.get("directGrantFlow"));

        List<Map<String, Object>> clients = server.admin().get("/realms/kenpo/clients?clientId=kenpo-portal", new TypeReference<>() { });
        Map<String, Object> secret = server.admin().get("/realms/kenpo/clients/" + clients.get(0).get("id") + "/client-secret",
                new TypeReference<>() { });
        assertEquals(Oidc.CLIENT_SECRET, secret.get("value"), "the harness sets the portal's secret explicitly");
    }
}
