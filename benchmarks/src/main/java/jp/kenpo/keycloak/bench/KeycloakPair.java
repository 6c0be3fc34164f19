package jp.kenpo.keycloak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jp.kenpo.keycloak.testsupport.FreePorts;
import jp.kenpo.keycloak.testsupport.KeycloakProcess;
import jp.kenpo.keycloak.testsupport.LoadBalancer;
import jp.kenpo.keycloak.testsupport.LocalPostgres;

/**
 * Two Keycloak nodes behind HAProxy for {@code ./bench.sh --two-nodes}, set up as docs/cluster.md describes and
 * TwoNodeClusterIT runs them: two copies of the single node's distribution (built once by {@link ProductionKeycloak},
 * so both nodes run the same build), each started with {@code start --optimized --cache=ispn} on the shared
 * PostgreSQL, where they find each other (Keycloak's default {@code jdbc-ping} stack) on loopback; one public
 * hostname (the balancer's URL) and proxy headers from the balancer. The balancer is the test's own
 * {@link LoadBalancer} (test-support): every request in turn to the next node, no stickiness.
 *
 * <p>Repeated from the test's {@code KeycloakCluster} (test code, which this module cannot use): the nodes' start
 * options (the cluster and proxy options, a dozen lines, without the test's vault and 空メール poll) and the free
 * port pair for JGroups. Each node keeps the single node's JVM settings (Keycloak's defaults), so the two differ from
 * it only by having a peer. Everything started here stops in {@link #close()}, also when a start fails, and through
 * {@link StopOnExit} when the benchmark's JVM is ended (Ctrl-C).
 */
final class KeycloakPair implements AutoCloseable, LoginLoad.Server {

    static final List<String> NODES = List.of("a", "b");

    /** A started node: its kc.sh process and the JVM under it. */
    private record Node(String name, Process process, long javaPid) {
    }

    private final List<Process> started = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private LoadBalancer balancer;
    private boolean closed;

    private KeycloakPair() {
    }

    /**
     * Copies {@code built} (a distribution after {@code kc.sh build}, its node stopped) for each node, starts node a,
     * then node b (which joins a's cluster), then HAProxy in front of both, and waits until the balancer has routed
     * to each node. The realms are already in the database: no node imports.
     */
    static KeycloakPair start(Path built, Postgres db, int smtpPort, Path work) throws IOException, InterruptedException {
        KeycloakPair pair = StopOnExit.register(new KeycloakPair());
        try {
            int balancerPort = FreePorts.any();
            List<LoadBalancer.Backend> backends = new ArrayList<>();
            for (String name : NODES) {
                Path home = work.resolve("keycloak-" + name);
                ProductionKeycloak.copyTree(built, home);
                int httpPort = FreePorts.any();
                int managementPort = FreePorts.any();
                pair.startNode(name, home, httpPort, managementPort, FreePorts.forJGroups(), "http://127.0.0.1:" + balancerPort, db,
                        smtpPort, work.resolve("keycloak-" + name + ".log"));
                backends.add(new LoadBalancer.Backend(name, httpPort, managementPort));
            }
            pair.balancer = LoadBalancer.start(work.resolve("haproxy"), balancerPort, backends);
            return pair;
        } catch (IOException | InterruptedException | RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    private void startNode(String name, Path home, int httpPort, int managementPort, int clusterPort, String publicUrl,
                           Postgres db, int smtpPort, Path log) throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--cache=ispn",
                "--db-url=" + db.jdbcUrl(), "--db-username=" + LocalPostgres.USER, "--db-password=" + LocalPostgres.PASSWORD,
                // One public hostname for both nodes: the balancer; the client's address from its X-Forwarded-For.
                "--hostname=" + publicUrl,
                "--proxy-headers=xforwarded",
                "--proxy-trusted-addresses=127.0.0.1",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                // JGroups (jdbc-ping: each node writes its address into the shared database) on loopback.
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort,
                "--spi-cache-embedded--default--node-name=bench-" + name)
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(ProductionKeycloak.environment(smtpPort));
        Process process = builder.start();
        started.add(process);
        KeycloakProcess.awaitReady(process, "http://127.0.0.1:" + httpPort + "/realms/kenpo",
                Duration.ofMinutes(Long.getLong("kenpo.keycloak.readyMinutes", 20)), log);
        nodes.add(new Node(name, process, ProductionKeycloak.javaPid(process)));
    }

    /** The balancer's URL: what the members' browsers and the portal use. */
    String baseUrl() {
        return balancer.url();
    }

    String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /** The nodes' JVMs, in the order of {@link #NODES}. */
    @Override
    public List<Long> javaPids() {
        return nodes.stream().map(Node::javaPid).toList();
    }

    /** Each JVM's CPU seconds so far, in the order of {@link #NODES}. */
    double[] cpuSecondsByNode() {
        return nodes.stream().mapToDouble(n -> Machine.cpuSeconds(n.javaPid())).toArray();
    }

    /** HAProxy's CPU seconds so far. */
    double balancerCpuSeconds() {
        return Machine.cpuSeconds(balancer.pid());
    }

    /** Requests each node answered so far (HAProxy's log: one line per request, naming the server), in the order of {@link #NODES}. */
    long[] requestsByNode() {
        long[] counts = new long[NODES.size()];
        try (Stream<String> lines = Files.lines(balancer.log())) {
            lines.forEach(line -> {
                for (int i = 0; i < counts.length; i++) {
                    if (line.contains(" keycloak/" + NODES.get(i) + " ")) {
                        counts[i]++;
                    }
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return new long[NODES.size()];
        }
        return counts;
    }

    /** Stops HAProxy, then node b, then node a (each politely, by force after a minute); safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (balancer != null) {
            balancer.close();
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            KeycloakProcess.stop(started.get(i), Duration.ofSeconds(60));
        }
    }
}
