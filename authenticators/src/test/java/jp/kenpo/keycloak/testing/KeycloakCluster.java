package jp.kenpo.keycloak.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jp.kenpo.keycloak.testsupport.FreePorts;
import jp.kenpo.keycloak.testsupport.KeycloakProcess;
import jp.kenpo.keycloak.testsupport.LoadBalancer;
import jp.kenpo.keycloak.testsupport.LocalPostgres;
import jp.kenpo.keycloak.testsupport.Oidc;

/**
 * Two Keycloak nodes in production mode behind {@link LoadBalancer HAProxy}, as a union runs the pack on two
 * machines: one {@code kc.sh build --db=postgres --health-enabled=true --metrics-enabled=true --vault=file} of the
 * distribution with the pack's real jar, copied once per node (each node has its own {@code data/}), both started
 * with {@code start --optimized} on one throw-away {@link TestPostgres PostgreSQL} database, discovering each other
 * through it (Keycloak's default {@code jdbc-ping} stack) on loopback, with one public hostname: the balancer's
 * URL. The first node imports the realm. One GreenMail receives every node's mail.
 *
 * <p>Tests may kill a node ({@code kill -9}, by the PID this harness started) and start it again.
 */
public final class KeycloakCluster implements AutoCloseable {

    public static final String REALM = KeycloakServer.REALM;
    public static final String NODE_A = "a";
    public static final String NODE_B = "b";

    /**
     * The build options every node shares (build-time options of Keycloak: changing one means a new build).
     * {@code --cache} is a run-time option in 26.7 ({@code kc.sh build} ignores it): the nodes start with it.
     */
    public static final List<String> BUILD_OPTIONS = List.of(
            "--db=postgres", "--health-enabled=true", "--metrics-enabled=true", "--vault=file");

    private final Path base;
    private final LocalPostgres postgres;
    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;
    private final Path vault;
    private final int lbPort;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private LoadBalancer loadBalancer;

    /** One Keycloak node: its own copy of the built distribution, ports and log; started and stopped by the harness. */
    public final class Node {
        private final String name;
        private final Path home;
        private final int httpPort;
        private final int managementPort;
        private final int clusterPort;
        private final Path log;
        private Process process;
        private int starts;

        private Node(String name, Path home, int httpPort, int managementPort, int clusterPort, Path log) {
            this.name = name;
            this.home = home;
            this.httpPort = httpPort;
            this.managementPort = managementPort;
            this.clusterPort = clusterPort;
            this.log = log;
        }

        public String name() {
            return name;
        }

        /** The node's own address (not through the balancer): for the admin API and health checks. */
        public String directUrl() {
            return "http://127.0.0.1:" + httpPort;
        }

        public Path log() {
            return log;
        }

        public boolean isRunning() {
            return process != null && process.isAlive();
        }

        /** The PID of the node's kc.sh (the harness started it; its JVM is its child, and {@link #kill} kills both). */
        public long pid() {
            return process.pid();
        }

        public AdminApi admin() {
            return new AdminApi(directUrl(), KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
        }

        private void start(boolean importRealm) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized"));
            if (importRealm) {
                command.add("--import-realm");
            }
            command.addAll(runOptions(name, httpPort, managementPort, clusterPort));
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN_USER);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD);
            env.put("KENPO_SMTP_HOST", "127.0.0.1");
            env.put("KENPO_SMTP_PORT", Integer.toString(smtpPort));
            env.put("KENPO_SMTP_FROM", "noreply@kenpo.example.jp");
            env.put("KENPO_STAFF_ADDRESS", KeycloakServer.STAFF_ADDRESS);
            env.put("KENPO_PORTAL_REDIRECT_URI", Oidc.REDIRECT_URI + "*");
            env.put("KENPO_SSL_REQUIRED", "external");
            env.put("KENPO_SMTP_STARTTLS", "false");
            env.put("JAVA_OPTS_APPEND", "-Xms256m -Xmx768m");
            starts++;
            Files.writeString(log, "\n===== kenpo cluster test: start " + starts + " of node " + name + " =====\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
            awaitReady(Duration.ofMinutes(Long.getLong("kenpo.keycloak.readyMinutes", 5)));
        }

        private void awaitReady(Duration within) throws InterruptedException {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Node " + name + " exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + managementPort + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        KeycloakProcess.awaitReady(process, directUrl() + "/realms/" + REALM, within, log);
                        return;
                    }
                } catch (IOException notYet) {
                    // starting
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("Node " + name + " did not become ready within " + within + "; see " + log);
        }

        /** {@code kill -9} of the node's JVM: no shutdown hook, no goodbye to the cluster, queued work in memory is gone. */
        public void kill() throws InterruptedException {
            Process p = process;
            List<ProcessHandle> children = p.descendants().toList();
            p.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Node " + name + " (PID " + p.pid() + ") survived kill -9");
            }
        }

        /** A graceful stop (SIGTERM): what a union's restart does. */
        public void stop() {
            KeycloakProcess.stop(process, Duration.ofSeconds(60));
        }

        /** Starts the node again (it rejoins the cluster) and waits until the balancer routes to it. */
        public void restart() throws IOException, InterruptedException {
            if (isRunning()) {
                throw new IllegalStateException("Node " + name + " is running");
            }
            start(false);
            loadBalancer.awaitServing(List.of(name), Duration.ofMinutes(1));
        }
    }

    private KeycloakCluster(Path base, LocalPostgres postgres, GreenMail greenMail, int smtpPort, int imapPort, Path vault, int lbPort) {
        this.base = base;
        this.postgres = postgres;
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.vault = vault;
        this.lbPort = lbPort;
    }

    /**
     * The options of {@code kc.sh start --optimized} for one node (docs/cluster.md shows the same): the database,
     * one public hostname (the balancer), proxy headers from the balancer, and the node's own ports.
     */
    private List<String> runOptions(String node, int httpPort, int managementPort, int clusterPort) {
        return List.of(
                "--db-url=" + postgres.jdbcUrl(),
                "--db-username=" + LocalPostgres.USER,
                "--db-password=" + LocalPostgres.PASSWORD,
                "--cache=ispn",
                "--hostname=http://127.0.0.1:" + lbPort,
                "--proxy-headers=xforwarded",
                "--proxy-trusted-addresses=127.0.0.1",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                // JGroups (jdbc-ping: each node writes its address into the shared database) on loopback.
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort,
                // The file vault holds the 空メール mailbox's password (KeycloakServer.REGISTRATION_VAULT_KEY).
                "--vault-dir=" + vault,
                // The 空メール poll: each node's timer ticks (Keycloak's cluster-aware runner lets one node at a
                // time poll; a realm polled less than its interval ago is skipped). Ticks of 2 s on node a and 3 s on
                // node b shift against each other, so that both nodes get turns to poll (with equal ticks one node
                // could stay just ahead of the other for a long time). One DEBUG line per poll in each node's log.
                "--spi-admin-realm-restapi-extension--kenpo-empty-mail--poll-seconds=" + (NODE_A.equals(node) ? 2 : 3),
                "--log-level=INFO,jp.kenpo.keycloak.firstlogin.emptymail:debug",
                // A readable node name in logs and cluster views (Keycloak refuses -Djboss.node.name).
                "--spi-cache-embedded--default--node-name=kenpo-" + node);
    }

    public static KeycloakCluster start() throws Exception {
        Path dist = Path.of(KeycloakServer.required("kenpo.keycloak.home"));
        Path jar = Path.of(KeycloakServer.required("kenpo.pack.jar"));
        Path realmDir = Path.of(KeycloakServer.required("kenpo.realm.dir"));
        Path artifacts = Path.of(System.getProperty("kenpo.artifacts.dir", "target/test-artifacts/cluster"));
        Files.createDirectories(artifacts);
        if (!Files.isRegularFile(dist.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + dist);
        }
        Path base = dist.getParent();
        build(dist, jar, artifacts.resolve("keycloak-build.log"));

        Path vault = base.resolve("kenpo-it-vault");
        Files.createDirectories(vault);
        Files.writeString(vault.resolve(REALM + "_" + KeycloakServer.REGISTRATION_VAULT_KEY), KeycloakServer.REGISTRATION_PASSWORD);

        int smtpPort = FreePorts.any();
        int imapPort = FreePorts.any();
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser(KeycloakServer.REGISTRATION_ADDRESS, KeycloakServer.REGISTRATION_ADDRESS, KeycloakServer.REGISTRATION_PASSWORD);

        LocalPostgres postgres;
        try {
            postgres = TestPostgres.start(base.resolve("postgres-data"), FreePorts.any(), artifacts.resolve("postgres-setup.log"));
        } catch (RuntimeException | IOException e) {
            greenMail.stop();
            throw e;
        }
        KeycloakCluster cluster = new KeycloakCluster(base, postgres, greenMail, smtpPort, imapPort, vault, FreePorts.any());
        try {
            for (String name : List.of(NODE_A, NODE_B)) {
                Path home = base.resolve("node-" + name);
                copyIfBuilt(dist, home, realmDir, name.equals(NODE_A));
                Path log = artifacts.resolve("keycloak-" + name + ".log");
                Files.deleteIfExists(log);
                cluster.nodes.put(name, cluster.new Node(name, home, FreePorts.any(), FreePorts.any(), FreePorts.forJGroups(), log));
            }
            // The first node creates the schema and imports the realm; the second joins it.
            cluster.node(NODE_A).start(true);
            cluster.node(NODE_B).start(false);
            cluster.loadBalancer = LoadBalancer.start(base.resolve("haproxy"), cluster.lbPort, cluster.nodes.values().stream()
                    .map(n -> new LoadBalancer.Backend(n.name, n.httpPort, n.managementPort)).toList());
            // The same realm settings as the one-node test server's.
            KeycloakServer.prepareRealm(cluster.admin());
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /**
     * {@code kc.sh build} with {@link #BUILD_OPTIONS} and the pack's jar, only when the jar or the options changed
     * since the last build (a marker file keeps their digest): a build takes about a minute on two cores.
     */
    private static void build(Path dist, Path jar, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Package the pack first: no jar at " + jar);
        }
        String digest = digest(jar) + " " + String.join(" ", BUILD_OPTIONS);
        Path marker = dist.resolve("kenpo-cluster-build.marker");
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(digest)) {
            return;
        }
        Files.copy(jar, dist.resolve("providers/kenpo-keycloak-pack.jar"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(dist.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        Process p = new ProcessBuilder(command).directory(dist.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("kc.sh build failed; see " + log);
        }
        Files.writeString(marker, digest);
    }

    /** A fresh copy of the built distribution for a node (its own data/, and the realm to import for the first node). */
    private static void copyIfBuilt(Path dist, Path home, Path realmDir, boolean importRealm) throws IOException, InterruptedException {
        exec("rm", "-rf", home.toString());
        exec("cp", "-a", dist.toString(), home.toString());
        if (importRealm) {
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            Files.copy(realmDir.resolve("kenpo-realm.json"), importDir.resolve("kenpo-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static String digest(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Node node(String name) {
        Node node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("No node " + name);
        }
        return node;
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    /** The other node than {@code name}. */
    public static String other(String name) {
        return NODE_A.equals(name) ? NODE_B : NODE_A;
    }

    /** The public URL (the balancer): what members and portal apps use. */
    public String baseUrl() {
        return loadBalancer.url();
    }

    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** The admin REST API on a running node, straight (not through the balancer, so tests' admin calls do not shift its turn). */
    public AdminApi admin() {
        return nodes.values().stream().filter(Node::isRunning).findFirst()
                .orElseThrow(() -> new IllegalStateException("No node is running")).admin();
    }

    public Mailbox mailbox() {
        return new Mailbox(greenMail);
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** GreenMail's IMAP port: the 空メール registration mailbox ({@link KeycloakServer#REGISTRATION_ADDRESS}). */
    public int imapPort() {
        return imapPort;
    }

    /** The registration mailbox's IMAP password (the same as in the nodes' vault). */
    public static String registrationPassword() {
        return KeycloakServer.REGISTRATION_PASSWORD;
    }

    /** Waits until the balancer routes to every running node again (after a restart). */
    public void awaitBalancerServing(List<String> names) throws InterruptedException {
        loadBalancer.awaitServing(names, Duration.ofMinutes(1));
    }

    public Path loadBalancerLog() {
        return loadBalancer.log();
    }

    @Override
    public void close() {
        try {
            if (loadBalancer != null) {
                loadBalancer.close();
            }
            for (Node node : nodes.values()) {
                if (node.isRunning()) {
                    node.stop();
                }
            }
            greenMail.stop();
        } finally {
            postgres.close();
        }
    }

    Path base() {
        return base;
    }
}
