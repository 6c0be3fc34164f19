package jp.kenpo.keycloak.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * HAProxy (Debian's package, installed by {@code scripts/install-test-tools.sh}) in front of the cluster's nodes,
 * with a config of its own on a loopback port: round robin for every request, no stickiness (no cookie, no
 * source hashing), the X-Forwarded-* headers Keycloak reads with {@code --proxy-headers=xforwarded}, health checks
 * on each node's management port ({@code /health/ready}), and a response header {@value #NODE_HEADER} naming the
 * node that answered, so tests can show which node served a step. Used by the two-node test ({@code KeycloakCluster})
 * and by {@code ./bench.sh --two-nodes}.
 */
public final class LoadBalancer implements AutoCloseable {

    /** The response header that names the node (HAProxy's server name) that answered a request. */
    public static final String NODE_HEADER = "X-Kenpo-Node";

    /** One backend server: its name (the header's value), HTTP port and management port. */
    public record Backend(String name, int httpPort, int managementPort) {
    }

    private final int port;
    private final Process process;
    private final Path log;

    private LoadBalancer(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Writes the config to {@code dir/haproxy.cfg} and starts HAProxy in the foreground (it ends with the test JVM's close). */
    public static LoadBalancer start(Path dir, int port, List<Backend> backends) throws IOException {
        Files.createDirectories(dir);
        StringBuilder cfg = new StringBuilder(String.join("\n",
                "global",
                // One thread: round robin then alternates strictly between the two nodes for sequential requests.
                "  nbthread 1",
                // Every request with the node that answered it, in haproxy.log beside the config.
                "  log stdout format raw local0 info",
                "defaults",
                "  mode http",
                "  log global",
                "  option httplog",
                "  timeout connect 5s",
                "  timeout client 300s",
                "  timeout server 300s",
                "  timeout http-request 60s",
                // A request that cannot reach a node (one just killed, before the health check noticed) goes to
                // the other: only connection failures are retried, so no request is processed twice.
                "  retries 2",
                "  option redispatch 1",
                "frontend kenpo",
                "  bind 127.0.0.1:" + port,
                "  option forwardfor",
                "  http-request set-header X-Forwarded-Proto http",
                "  http-request set-header X-Forwarded-Host %[req.hdr(host)]",
                "  http-request set-header X-Forwarded-Port " + port,
                "  default_backend keycloak",
                "backend keycloak",
                // Round robin over a static map: strict turns between equal servers, also right after a node
                // came back (HAProxy's dynamic roundrobin gives a returning server several turns in a row).
                "  balance static-rr",
                "  option httpchk GET /health/ready",
                "  http-check expect status 200",
                "  http-response set-header " + NODE_HEADER + " %s",
                ""));
        for (Backend b : backends) {
            // A node that stops answering (connection refused) is out at the first refused request; a failing
            // /health/ready takes it out only after 30 s: a survivor reports 503 there for some 20 s after its peer
            // was killed (until the cluster has dropped the dead node), and must not be taken out with it.
            cfg.append("  server ").append(b.name()).append(" 127.0.0.1:").append(b.httpPort())
                    .append(" check port ").append(b.managementPort())
                    .append(" inter 1s fall 30 rise 1 observe layer4 error-limit 1 on-error mark-down\n");
        }
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, cfg.toString());
        Path log = dir.resolve("haproxy.log");
        Process process = new ProcessBuilder(binary(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LoadBalancer lb = new LoadBalancer(port, process, log);
        try {
            lb.awaitServing(backends.stream().map(Backend::name).toList(), Duration.ofMinutes(2));
        } catch (RuntimeException | InterruptedException e) {
            lb.close();
            throw e instanceof InterruptedException ie ? new IllegalStateException(ie) : (RuntimeException) e;
        }
        return lb;
    }

    private static String binary() {
        for (String candidate : List.of("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No HAProxy: run scripts/install-test-tools.sh (or ./bench.sh --two-nodes), which installs Debian's haproxy");
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Waits until requests through the balancer have been answered by every one of {@code nodes}. */
    public void awaitServing(List<String> nodes, Duration within) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        Set<String> seen = new HashSet<>();
        String last = "no answer";
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(url() + "/realms/master"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                last = answer.statusCode() + " from " + answer.headers().firstValue(NODE_HEADER).orElse("?");
                if (answer.statusCode() == 200) {
                    answer.headers().firstValue(NODE_HEADER).ifPresent(seen::add);
                }
                if (seen.containsAll(nodes)) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("HAProxy did not route to " + nodes + " within " + within + " (saw " + seen + ", last "
                + last + "); see " + log);
    }

    /** HAProxy's process (the benchmark reads its CPU time). */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        KeycloakProcess.stop(process, Duration.ofSeconds(10));
    }
}
