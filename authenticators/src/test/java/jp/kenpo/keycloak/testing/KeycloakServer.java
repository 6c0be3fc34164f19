package jp.kenpo.keycloak.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jp.kenpo.keycloak.testsupport.AdminRest;
import jp.kenpo.keycloak.testsupport.FreePorts;
import jp.kenpo.keycloak.testsupport.KeycloakProcess;
import jp.kenpo.keycloak.testsupport.LocalPostgres;
import jp.kenpo.keycloak.testsupport.Oidc;

/**
 * A stock Keycloak (the keycloak.server.version distribution zip unpacked by Maven) with the pack's real jar in
 * {@code providers/}, the realm export imported with {@code --import-realm}, and a GreenMail SMTP
 * server whose port reaches the realm through the {@code KENPO_SMTP_*} placeholders: the same route
 * a union's IT takes, started once per test JVM.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "kenpo";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin-it-password";
    /** The union staff's address for postal-request notices in the test realm. */
    public static final String STAFF_ADDRESS = "staff@kenpo.example.jp";
    /**
     * The union's 空メール registration mailbox on the test's GreenMail (IMAP on loopback, no TLS): its
     * address is also its IMAP login; its password sits in Keycloak's file vault under {@link #REGISTRATION_VAULT_KEY}.
     */
    public static final String REGISTRATION_ADDRESS = "kc@kenpo.example.jp";
    public static final String REGISTRATION_VAULT_KEY = "emptymail";
    static final String REGISTRATION_PASSWORD = "Kc-mailbox-it-2026";
    /** Attempts the test server's mail outbox makes before a mail is dead. */
    public static final int MAIL_MAX_ATTEMPTS = 4;

    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;
    private final Path log;
    private final Process process;
    private final AdminApi admin;
    private final LocalPostgres postgres;

    private KeycloakServer(Path home, int httpPort, int managementPort, GreenMail greenMail, int smtpPort, int imapPort, Path log,
            Process process, LocalPostgres postgres) {
        this.home = home;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.log = log;
        this.process = process;
        this.postgres = postgres;
        this.admin = new AdminApi(baseUrl(), ADMIN_USER, ADMIN_PASSWORD);
    }

    public static KeycloakServer start() throws Exception {
        Path home = Path.of(required("kenpo.keycloak.home"));
        Path jar = Path.of(required("kenpo.pack.jar"));
        Path realmDir = Path.of(required("kenpo.realm.dir"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home);
        }
        deployIfChanged(jar, home.resolve("providers").resolve("kenpo-keycloak-pack.jar"));

        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        try (var files = Files.list(importDir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        // Only the production realm: tests create their members through the admin REST API, as union IT does.
        Files.copy(realmDir.resolve("kenpo-realm.json"), importDir.resolve("kenpo-realm.json"));

        int smtpPort = FreePorts.any();
        int imapPort = FreePorts.any();
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser(REGISTRATION_ADDRESS, REGISTRATION_ADDRESS, REGISTRATION_PASSWORD);

        // Keycloak's file vault: one file per secret, named <realm>_<key>.
        Path vault = home.resolveSibling("kenpo-it-vault");
        Files.createDirectories(vault);
        Files.writeString(vault.resolve(REALM + "_" + REGISTRATION_VAULT_KEY), REGISTRATION_PASSWORD);

        int httpPort = FreePorts.any();
        int managementPort = FreePorts.any();
        Path artifacts = Path.of(System.getProperty("kenpo.artifacts.dir", "target/test-artifacts"));
        Path log = artifacts.resolve("keycloak.log");
        Files.createDirectories(log.getParent());

        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm"));
        LocalPostgres postgres = null;
        String db = database();
        if (db.equals("postgres")) {
            // A changed --db makes Keycloak re-augment once (about 30 s); the pack's Liquibase changelogs
            // and JPQL then run on PostgreSQL.
            try {
                postgres = TestPostgres.start(home.resolveSibling("postgres-data"), FreePorts.any(), artifacts.resolve("postgres-setup.log"));
            } catch (RuntimeException | IOException e) {
                greenMail.stop();
                throw e;
            }
            command.addAll(List.of("--db=postgres", "--db-url=" + postgres.jdbcUrl(),
                    "--db-username=" + LocalPostgres.USER, "--db-password=" + LocalPostgres.PASSWORD));
        } else if (db.equals("dev-mem")) {
            command.add("--db=dev-mem");
        } else {
            greenMail.stop();
            throw new IllegalStateException("kenpo.it.db must be dev-mem or postgres, not " + db);
        }
        command.addAll(List.of(
                "--cache=local",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                // The pack's meters (and Keycloak's) on the management port's /metrics, as in production.
                "--metrics-enabled=true",
                "--hostname-strict=false",
                "--vault=file",
                "--vault-dir=" + vault,
                // The 空メール poll checks every second (production: every 10 s); realms without it are skipped.
                "--spi-admin-realm-restapi-extension--kenpo-empty-mail--poll-seconds=1",
                // The mail outbox gives up after 4 attempts, 1 s, 2 s and 2 s apart (production: 8, from 5 s doubling to
                // 15 min), so a test sees a mail go dead within seconds; it polls every second.
                "--spi-kenpo-mail-queue--background--poll-seconds=1",
                "--spi-kenpo-mail-queue--background--max-attempts=" + MAIL_MAX_ATTEMPTS,
                "--spi-kenpo-mail-queue--background--retry-base-seconds=1",
                "--spi-kenpo-mail-queue--background--retry-max-seconds=2"));
        // -Dkenpo.keycloak.logLevel=INFO,org.keycloak.services.managers:debug (for example) while chasing a problem.
        String logLevel = System.getProperty("kenpo.keycloak.logLevel", "");
        if (!logLevel.isBlank()) {
            command.add("--log-level=" + logLevel);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putAll(realmPlaceholders(smtpPort));
        env.putIfAbsent("JAVA_OPTS_APPEND", "-Xms256m -Xmx1g");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            greenMail.stop();
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
        KeycloakServer server = new KeycloakServer(home, httpPort, managementPort, greenMail, smtpPort, imapPort, log, process, postgres);
        try {
            KeycloakProcess.awaitReady(server.process, server.realmUrl(), Duration.ofMinutes(Long.getLong("kenpo.keycloak.readyMinutes", 5)), log);
            prepareRealm(server.admin);
        } catch (Exception e) {
            // A first start on a slow machine can time out after the (one-time) augmentation: keep its log anyway.
            keepAugmentationLog(log);
            server.close();
            throw e;
        }
        keepAugmentationLog(log);
        return server;
    }

    /** What every test realm gets after its import, on one node or on the two-node cluster. */
    public static void prepareRealm(AdminApi admin) throws Exception {
        // The export has no client secret (Keycloak generates a random one): the tests' portal sets its own.
        admin.setClientSecret(Oidc.CLIENT_ID, Oidc.CLIENT_SECRET);
        // Every test browses from 127.0.0.1: per-client limits would let one test class use up the next
        // one's quota. Tests of throttles set the limit they test (per address, per number, per member).
        admin.changeExecutionConfig("kenpo-password-reissue", Map.of("kenpo.reissue.perClientPerHour", "10000"));
        admin.changeExecutionConfig("kenpo-login-id-password-form", Map.of("kenpo.registrationMail.perClientPerHour", "10000"));
        admin.changeExecutionConfig("kenpo-member-lookup",
                Map.of("kenpo.lookup.perClientPerHour", "10000", "kenpo.postal.perClientPerDay", "10000"));
        // The demo's sample 問い合わせ先 (as ./run.sh sets it): every screen, mail and letter of the tests shows it.
        for (String language : List.of("ja", "en")) {
            admin.setRealmTexts(language, sampleContact(language));
        }
        // パスキーのご案内 comes once after a member's first login with the email key: every test member would
        // meet it on the way to the portal. The passkey tests switch it on for themselves.
        admin.changeRequirement("kenpo-passkey-suggestion", "DISABLED");
    }

    /** The values of the realm export's {@code KENPO_*} placeholders on this test server. */
    static Map<String, String> realmPlaceholders(int smtpPort) {
        return Map.of(
                "KENPO_SMTP_HOST", "127.0.0.1",
                "KENPO_SMTP_PORT", Integer.toString(smtpPort),
                "KENPO_SMTP_FROM", "noreply@kenpo.example.jp",
                "KENPO_STAFF_ADDRESS", STAFF_ADDRESS,
                "KENPO_PORTAL_REDIRECT_URI", Oidc.REDIRECT_URI + "*",
                // The export's defaults are for production (https, STARTTLS); this server is plain http on
                // 127.0.0.1 with GreenMail, which speaks no TLS: set both explicitly, as ./run.sh does.
                "KENPO_SSL_REQUIRED", "external",
                "KENPO_SMTP_STARTTLS", "false");
    }

    /**
     * The realm export as {@code --import-realm} reads it on this server ({@code ${KENPO_…:default}} resolved
     * as above), for a test that creates another realm from it through the admin REST API, which resolves
     * no placeholders. Keycloak's own {@code ${…}} texts (user profile labels, vault references) stay.
     */
    public String realmExport() throws IOException {
        String json = Files.readString(Path.of(required("kenpo.realm.dir")).resolve("kenpo-realm.json"));
        Map<String, String> values = realmPlaceholders(smtpPort);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{(KENPO_[A-Z0-9_]+):([^}]*)}").matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), m.group(2));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** Keycloak's management interface (health, {@code /metrics}). */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** The demo realm's sample 問い合わせ先 for a language ({@code realm-export/demo/kenpo-contact-<language>.json}). */
    public static Map<String, String> sampleContact(String language) {
        try {
            return AdminRest.JSON.readValue(Path.of(required("kenpo.realm.dir")).resolve("demo/kenpo-contact-" + language + ".json").toFile(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database the test Keycloak runs on: {@code dev-mem} (default) or {@code postgres} ({@code -Dkenpo.it.db}). */
    public static String database() {
        String db = System.getProperty("kenpo.it.db", "");
        return db.isBlank() ? "dev-mem" : db.trim();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Keycloak's console log of this run. */
    public Path log() {
        return log;
    }

    /**
     * The rows a query on Keycloak's database returns (psql's unaligned output, one line a row, columns split by
     * {@code |}); empty on the dev database, which lives inside Keycloak's JVM.
     */
    public Optional<List<String>> sql(String query) {
        return postgres == null ? Optional.empty() : Optional.of(postgres.query(query));
    }

    public AdminApi admin() {
        return admin;
    }

    public Mailbox mailbox() {
        return new Mailbox(greenMail);
    }

    /**
     * Keycloak only re-augments (and reports the providers it found) when providers changed; the log of
     * the last augmentation is kept beside the unpacked server so deployment checks always have it.
     */
    private static void keepAugmentationLog(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        if (lines.stream().anyMatch(l -> l.contains("QuarkusAugmentor") || l.contains("installing your custom providers"))) {
            Files.write(augmentationLog(), lines);
        }
    }

    /** The log of the last {@code kc.sh} build that installed the pack's jar into this distribution (one per version). */
    public static Path augmentationLog() {
        Path home = Path.of(required("kenpo.keycloak.home"));
        return home.resolveSibling(home.getFileName() + "-augmentation.log");
    }

    /** Copies the jar only when its bytes changed: every change makes Keycloak re-augment (about 30 s). */
    private static void deployIfChanged(Path jar, Path target) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Package the pack first: no jar at " + jar);
        }
        if (Files.exists(target) && Arrays.equals(Files.readAllBytes(jar), Files.readAllBytes(target))) {
            return;
        }
        Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A system property the failsafe configuration sets (paths of the distribution, the jar, the realm). */
    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (run through mvn verify)");
        }
        return value;
    }

    @Override
    public void close() {
        try {
            KeycloakProcess.stop(process, Duration.ofSeconds(30));
            greenMail.stop();
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    public Path home() {
        return home;
    }
}
