package jp.kenpo.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.kenpo.keycloak.testsupport.FreePorts;
import jp.kenpo.keycloak.testsupport.KeycloakProcess;
import jp.kenpo.keycloak.testsupport.LocalPostgres;
import jp.kenpo.keycloak.testsupport.Trees;

/**
 * Keycloak as union IT runs it: a copy of the stock distribution (keycloak.server.version), the pack's jar in
 * {@code providers/}, an optimized {@code kc.sh build} for PostgreSQL, then {@code kc.sh start
 * --optimized} on loopback with the realm exports imported. The node runs with embedded Infinispan
 * ({@code --cache=ispn}, production mode's default: a cluster of one, found through the database), so that
 * {@link KeycloakPair}'s two nodes of the same build differ from it only by having a peer.
 */
final class ProductionKeycloak implements AutoCloseable, LoginLoad.Server {

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "bench-admin-password";
    /** System property of the bench's JVM: options for every Keycloak JVM it starts (kc.sh's JAVA_OPTS_APPEND). */
    static final String JAVA_OPTS_PROPERTY = "kenpo.bench.keycloakJavaOpts";

    private final Path home;
    private final int port;
    private final Process process;
    private final long javaPid;

    private ProductionKeycloak(Path home, int port, Process process, long javaPid) {
        this.home = home;
        this.port = port;
        this.process = process;
        this.javaPid = javaPid;
    }

    static ProductionKeycloak start(Path dist, Path packJar, List<Path> realms, Postgres db, int smtpPort, Path work)
            throws IOException, InterruptedException {
        Path home = work.resolve("keycloak");
        copyTree(dist, home);
        Files.copy(packJar, home.resolve("providers/kenpo-keycloak-pack.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path imports = Files.createDirectories(home.resolve("data/import"));
        for (Path realm : realms) {
            Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = work.resolve("keycloak.log");
        Map<String, String> env = environment(smtpPort);
        // --cache is a run-time option in 26.7 (kc.sh build ignores it): the start names it.
        Processes.run(log, env, home.resolve("bin/kc.sh").toString(), "build", "--db=postgres", "--health-enabled=true");

        return launch(home, db.jdbcUrl(), env, log, "--import-realm");
    }

    /**
     * This node's build started again (its realms are in the database, no import) on the database at {@code jdbcUrl},
     * with its own log: {@link TwoNodes}' single node beside the pair, on a copy of the pair's database (on the same
     * one it would join the pair's cluster through JDBC-ping). JGroups gets free ports, away from the pair's.
     */
    static ProductionKeycloak startAgain(Path home, String jdbcUrl, int smtpPort, Path log) throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        return launch(home, jdbcUrl, environment(smtpPort), log, "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + FreePorts.forJGroups());
    }

    private static ProductionKeycloak launch(Path home, String jdbcUrl, Map<String, String> env, Path log, String... extra)
            throws IOException, InterruptedException {
        String kc = home.resolve("bin/kc.sh").toString();
        int port = FreePorts.any();
        List<String> command = new java.util.ArrayList<>(List.of(kc, "start", "--optimized", "--cache=ispn",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + FreePorts.any(),
                "--hostname=http://127.0.0.1:" + port,
                "--db-url=" + jdbcUrl, "--db-username=" + LocalPostgres.USER, "--db-password=" + LocalPostgres.PASSWORD));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            // On a shared, loaded machine the first start (schema, realm import) can take far longer than usual.
            KeycloakProcess.awaitReady(process, "http://127.0.0.1:" + port + "/realms/kenpo",
                    Duration.ofMinutes(Long.getLong("kenpo.keycloak.readyMinutes", 20)), log);
            return StopOnExit.register(new ProductionKeycloak(home, port, process, javaPid(process)));
        } catch (InterruptedException | RuntimeException e) {
            KeycloakProcess.stop(process, Duration.ofSeconds(60));
            throw e;
        }
    }

    /** The environment of every node: the bootstrap admin and the realm export's placeholders. */
    static Map<String, String> environment(int smtpPort) {
        Map<String, String> env = new HashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("KENPO_SMTP_HOST", "127.0.0.1");
        env.put("KENPO_SMTP_PORT", Integer.toString(smtpPort));
        // The realm export holds no client secret; Benchmarks sets the portal's through the admin API.
        env.put("KENPO_SMTP_STARTTLS", "false");
        env.put("KENPO_SSL_REQUIRED", "external");
        env.put("KENPO_PORTAL_REDIRECT_URI", "http://127.0.0.1:3000/*");
        env.put("KENPO_PORTAL_ROOT_URL", "http://127.0.0.1:3000");
        env.put("KENPO_STAFF_ADDRESS", "staff@bench.example");
        String javaOpts = System.getProperty(JAVA_OPTS_PROPERTY);
        if (javaOpts != null) {
            env.put("JAVA_OPTS_APPEND", javaOpts);
        }
        return env;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /** The JVM that serves requests (kc.sh starts it as a child). */
    long javaPid() {
        return javaPid;
    }

    @Override
    public List<Long> javaPids() {
        return List.of(javaPid);
    }

    Path home() {
        return home;
    }

    static long javaPid(Process process) {
        if (process.info().command().map(c -> c.endsWith("/java")).orElse(false)) {
            return process.pid();
        }
        return process.descendants().filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().map(ProcessHandle::pid)
                .orElseThrow(() -> new IllegalStateException("No Keycloak JVM under kc.sh (pid " + process.pid() + ")"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        Trees.delete(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Override
    public void close() {
        KeycloakProcess.stop(process, Duration.ofSeconds(60));
    }
}
