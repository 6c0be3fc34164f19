package jp.kenpo.keycloak.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import jp.kenpo.keycloak.pages.EmailKeyPage;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testsupport.AdminRest;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.FreePorts;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * The pack in Keycloak's official image through Testcontainers Keycloak, as the design names it: the built
 * provider jar, the realm export, and the email-key login with the key read from a GreenMail server on the
 * host (reached from the container as host.testcontainers.internal). Runs where Docker exists; without a
 * Docker engine (these build machines) JUnit skips it, so the suite's distribution-based harness
 * ({@code testing/KeycloakServer}) stays the one that proves the pack in CI.
 */
@Testcontainers(disabledWithoutDocker = true)
class KeycloakContainerIT {

    private static final String PASSWORD = "Kenpo2026Tc";

    private static GreenMail greenMail;
    private static KeycloakContainer keycloak;

    @BeforeAll
    static void start() {
        int smtpPort = FreePorts.any();
        greenMail = new GreenMail(new ServerSetup(smtpPort, "0.0.0.0", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        org.testcontainers.Testcontainers.exposeHostPorts(smtpPort);

        Path realm = Path.of(System.getProperty("kenpo.realm.dir", "../realm-export")).resolve("kenpo-realm.json");
        File jar = new File(System.getProperty("kenpo.pack.jar", "target/kenpo-keycloak-pack.jar"));
        keycloak = new KeycloakContainer("quay.io/keycloak/keycloak:" + System.getProperty("kenpo.keycloak.version", "26.7.3"))
                .withProviderLibsFrom(List.of(jar))
                .withCopyFileToContainer(MountableFile.forHostPath(realm), "/opt/keycloak/data/import/kenpo-realm.json")
                .withCustomCommand("--import-realm")
                .withEnv(Map.of(
                        "KENPO_SMTP_HOST", "host.testcontainers.internal",
                        "KENPO_SMTP_PORT", Integer.toString(smtpPort),
                        "KENPO_SMTP_STARTTLS", "false",
                        "KENPO_SSL_REQUIRED", "external",
                        "KENPO_PORTAL_SECRET", Oidc.CLIENT_SECRET))
                .withStartupTimeout(Duration.ofMinutes(5));
        keycloak.start();
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.stop();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void memberLogsInWithTheEmailKeyInKeycloaksOfficialImage() {
        String base = keycloak.getAuthServerUrl().replaceAll("/$", "");
        AdminRest admin = new AdminRest(base, keycloak.getAdminUsername(), keycloak.getAdminPassword(), Duration.ofSeconds(30));
        String loginId = "container-" + Long.toString(System.nanoTime() % 1_000_000L);
        String email = loginId + "@example.jp";
        admin.create("/admin/realms/kenpo/users", Map.of("username", loginId, "enabled", true, "email", email, "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));

        Browser browser = new Browser();
        String realmUrl = base + "/realms/kenpo";
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(realmUrl, "ja").url()));
        EmailKeyPage keyPage = new EmailKeyPage(browser, login.submit(loginId, PASSWORD));
        String key = Mailbox.of(greenMail).awaitKey(email, 0);
        Browser.Page back = keyPage.submit(key);
        assertTrue(back.isPortalRedirect(), "back at the portal with a code: " + back.uri());
    }
}
