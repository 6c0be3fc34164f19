package jp.kenpo.keycloak.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The jar as union IT installs it: loaded by a stock Keycloak, its flow bound and visible to admins. */
@ExtendWith(KeycloakServerExtension.class)
class PackDeploymentIT {

    private static final Pattern MISSING_CLASS = Pattern.compile("ClassNotFoundException|NoClassDefFoundError|could not be loaded|missing class",
            Pattern.CASE_INSENSITIVE);

    private final KeycloakServer server;

    PackDeploymentIT(KeycloakServer server) {
        this.server = server;
    }

    @Test
    void keycloakBuildsAndRunsThePackWithoutMissingClasses() throws IOException {
        List<String> build = Files.readAllLines(KeycloakServer.augmentationLog());
        assertTrue(build.stream().anyMatch(l -> l.contains("kenpo-email-key")), "the build saw the pack's providers");
        assertTrue(build.stream().anyMatch(l -> l.contains("augmentation completed")), "the build completed");
        Path log = Path.of(System.getProperty("kenpo.artifacts.dir")).resolve("keycloak.log");
        for (List<String> lines : List.of(build, Files.readAllLines(log))) {
            assertFalse(lines.stream().anyMatch(l -> MISSING_CLASS.matcher(l).find()),
                    "missing classes reported: " + lines.stream().filter(l -> MISSING_CLASS.matcher(l).find()).toList());
        }
    }

    @Test
    void theProvidersAndThemesAreRegistered() {
        Map<String, Object> info = server.admin().get("/serverinfo", new TypeReference<>() { });
        String all = info.toString();
        assertTrue(all.contains("kenpo-email-key"));
        assertTrue(all.contains("kenpo-login-id-password-form"));
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> themes = (Map<String, List<Map<String, Object>>>) info.get("themes");
        assertTrue(themes.get("login").stream().anyMatch(t -> "kenpo".equals(t.get("name"))));
        assertTrue(themes.get("email").stream().anyMatch(t -> "kenpo".equals(t.get("name"))));
        assertTrue(themes.get("account").stream().anyMatch(t -> "kenpo".equals(t.get("name"))));
    }

    @Test
    void theRealmUsesThePacksBrowserFlowWithTheEmailKeyAndThePasskeyOptionOff() {
        Map<String, Object> realm = server.admin().realm();
        assertEquals("kenpo browser", realm.get("browserFlow"));
        assertEquals("サンプル健康保険組合", realm.get("displayName"));
        assertEquals(Boolean.TRUE, realm.get("bruteForceProtected"));
        assertEquals("ja", realm.get("defaultLocale"));
        List<Map<String, Object>> executions = server.admin().flowExecutions("kenpo browser");
        Map<String, Object> emailKey = executions.stream()
                .filter(e -> "kenpo-email-key".equals(e.get("providerId"))).findFirst().orElseThrow();
        assertEquals("ALTERNATIVE", emailKey.get("requirement"), "the only alternative while the passkey option is off");
        assertEquals("DISABLED", executions.stream().filter(e -> "webauthn-authenticator-passwordless".equals(e.get("providerId")))
                .findFirst().orElseThrow().get("requirement"), "ID + password + passkey instead of the key: off as shipped");
        assertTrue(executions.stream().anyMatch(e -> "kenpo-login-id-password-form".equals(e.get("providerId"))));
        assertTrue(executions.stream().anyMatch(e -> "auth-cookie".equals(e.get("providerId"))));
    }
}
