package jp.kenpo.keycloak.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;

import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.MemberInChromium;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testing.Pause;
import jp.kenpo.keycloak.testsupport.AdminRest;
import jp.kenpo.keycloak.testsupport.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sample portal ({@code examples/portal}, Node.js + openid-client) against the test Keycloak in Chromium:
 * portal → ログイン → 暗証キー from the mail → back at the portal with 「ようこそ○○さん」 and the household →
 * ログアウト through Keycloak's end-session endpoint → back at the portal, logged out at Keycloak too.
 * Needs Node.js 20 (node and npm on the PATH); {@code npm ci} runs once when the portal has no node_modules.
 */
class SamplePortalIT extends MemberInChromium {

    private static final String PASSWORD = "Kenpo2026Pt";
    private static final String CLIENT_ID = "kenpo-portal";

    private final AdminRest admin;
    private Process portal;
    private Runnable restoreRedirects;
    private String portalUrl;

    SamplePortalIT(KeycloakServer server) {
        super(server);
        this.admin = new AdminRest(server.baseUrl(), KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD, Duration.ofSeconds(30));
    }

    @BeforeEach
    void startPortal() throws Exception {
        Path dir = portalDir();
        String node = executable("node");
        String npm = executable("npm");
        if (!Files.isRegularFile(dir.resolve("node_modules/.package-lock.json"))) {
            run(dir, List.of(npm, "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(3));
        }
        int port = FreePorts.any();
        portalUrl = "http://localhost:" + port;
        restoreRedirects = allowRedirect(portalUrl + "/*");

        Path log = artifacts().resolve("sample-portal.log");
        ProcessBuilder builder = new ProcessBuilder(node, "server.js").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KENPO_ISSUER", server.realmUrl());
        env.put("KENPO_PORTAL_CLIENT_ID", CLIENT_ID);
        env.put("KENPO_PORTAL_SECRET", clientSecret());
        env.put("PORTAL_PORT", Integer.toString(port));
        env.put("PORTAL_BASE_URL", portalUrl);
        portal = builder.start();
        awaitPortal(port, log);
    }

    @AfterEach
    void stopPortal() {
        if (portal != null) {
            portal.destroy();
            try {
                if (!portal.waitFor(10, TimeUnit.SECONDS)) {
                    portal.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (restoreRedirects != null) {
            restoreRedirects.run();
        }
    }

    @Test
    void memberLogsInToThePortalWithTheEmailKeySeesNicknameAndHouseholdAndLogsOut() {
        String number = Long.toString(System.nanoTime() % 100_000_000L);
        String loginId = Members.loginId("portal");
        String email = loginId + "@example.jp";
        server.admin().createMember(loginId, email, PASSWORD, member(number, "00", "self", "たろう", "private"));
        server.admin().createMember(Members.loginId("portal"), "f" + email, PASSWORD, member(number, "01", "spouse", "はなこ", "public"));
        Mailbox mailbox = server.mailbox();

        driver.get(portalUrl + "/");
        assertTrue(text("portal-intro").contains("ログインしてください"));
        chromium.screenshot("portal-01-top");
        click("portal-login");

        logIn(loginId, email, mailbox);
        assertEquals("ようこそたろうさん", text("portal-welcome"));
        assertEquals("今回が初めてのログインです。", text("portal-previous-login"));
        assertTrue(text("portal-household").contains("はなこ（被扶養者・医療費情報を公開）"), text("portal-household"));
        chromium.screenshot("portal-02-welcome");

        click("portal-logout");
        until(d -> d.getCurrentUrl().startsWith(portalUrl + "/logged-out"));
        assertEquals("ログアウトしました。", text("portal-logged-out"));
        chromium.screenshot("portal-03-logged-out");
        driver.get(portalUrl + "/");
        assertTrue(driver.findElements(By.id("portal-welcome")).isEmpty(), "the portal's session is gone");

        // Keycloak's session ended too: logging in again asks for the password, and 前回ログイン日時 is shown.
        Pause.pastQuickLoginCheck();
        click("portal-login");
        logIn(loginId, email, mailbox);
        assertTrue(text("portal-previous-login").startsWith("前回ログイン日時："), text("portal-previous-login"));
        chromium.screenshot("portal-04-welcome-again");
    }

    private void logIn(String loginId, String email, Mailbox mailbox) {
        chromium.waitFor(By.id("kc-form-login"));
        driver.findElement(By.id("username")).sendKeys(loginId);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        int before = mailbox.count(email);
        driver.findElement(By.id("kc-login")).click();
        chromium.waitFor(By.id("kc-email-key-form"));
        String key = mailbox.awaitKey(email, before);
        driver.findElement(By.id("emailKey")).sendKeys(key);
        driver.findElement(By.id("kc-login")).click();
        chromium.waitFor(By.id("portal-welcome"));
    }

    private static Map<String, List<String>> member(String number, String branch, String relationship, String nickname, String disclose) {
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("kenpoInsuranceSymbol", List.of("7401"));
        attributes.put("kenpoInsuranceNumber", List.of(number));
        attributes.put("kenpoBranchNumber", List.of(branch));
        attributes.put("kenpoRelationship", List.of(relationship));
        attributes.put("kenpoBirthDate", List.of("1975-05-05"));
        attributes.put("nickname", List.of(nickname));
        attributes.put("kenpoDiscloseMedical", List.of(disclose));
        return attributes;
    }

    // --- the portal client in the realm -------------------------------------------------------------

    private Map<String, Object> portalClient() {
        List<Map<String, Object>> clients = admin.get("/admin/realms/" + KeycloakServer.REALM + "/clients?clientId=" + CLIENT_ID,
                new TypeReference<>() { });
        return clients.get(0);
    }

    /** The client's secret as the realm has it (union IT copies it from Clients → kenpo-portal → Credentials). */
    private String clientSecret() {
        Map<String, Object> secret = admin.get(clientPath() + "/client-secret", new TypeReference<>() { });
        return (String) secret.get("value");
    }

    private String clientPath() {
        return "/admin/realms/" + KeycloakServer.REALM + "/clients/" + portalClient().get("id");
    }

    /** Adds a redirect URI (and so a post-logout redirect URI: the client's is "+") until the returned action runs. */
    @SuppressWarnings("unchecked")
    private Runnable allowRedirect(String uri) {
        Map<String, Object> client = portalClient();
        List<String> original = new ArrayList<>((List<String>) client.get("redirectUris"));
        List<String> changed = new ArrayList<>(original);
        changed.add(uri);
        setRedirects(changed);
        return () -> setRedirects(original);
    }

    private void setRedirects(List<String> uris) {
        Map<String, Object> client = portalClient();
        client.put("redirectUris", uris);
        AdminRest.expect(admin.send("PUT", clientPath(), client), 204);
    }

    // --- Node.js ------------------------------------------------------------------------------------

    private static Path portalDir() {
        Path dir = Path.of(System.getProperty("kenpo.realm.dir", "../realm-export")).toAbsolutePath().normalize()
                .resolveSibling("examples").resolve("portal");
        if (!Files.isRegularFile(dir.resolve("server.js"))) {
            throw new IllegalStateException("No sample portal at " + dir);
        }
        return dir;
    }

    /** The tool on the PATH; fails (never skips) without it: CI machines have Node.js 20. */
    private static String executable(String name) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("SamplePortalIT needs Node.js 20 with npm (no '" + name + "' on the PATH): "
                + "install Debian's nodejs and npm or Node.js 20 from nodejs.org");
    }

    private static void run(Path dir, List<String> command, Duration limit) throws IOException, InterruptedException {
        Path log = artifacts().resolve("sample-portal-npm.log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took longer than " + limit + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + Files.readString(log));
        }
    }

    private void awaitPortal(int port, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!portal.isAlive()) {
                throw new AssertionError("The sample portal stopped (" + portal.exitValue() + "):\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The sample portal did not answer within 30 s:\n" + Files.readString(log));
    }

    private static Path artifacts() {
        Path dir = Path.of(System.getProperty("kenpo.artifacts.dir", "target/test-artifacts"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    // --- Chromium -----------------------------------------------------------------------------------

    private String text(String id) {
        return chromium.waitFor(By.id(id)).getText().trim();
    }

    private void click(String id) {
        chromium.waitFor(By.id(id)).click();
    }

    private void until(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
    }
}
