package jp.kenpo.keycloak.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import jp.kenpo.keycloak.testing.KeycloakCluster;
import jp.kenpo.keycloak.testsupport.Browser;

/**
 * Puts a step of a test on a chosen node, through the balancer, and shows that it ran there. HAProxy alternates
 * every request between the nodes (round robin, one thread, no stickiness) and names the node that answered in
 * {@code X-Kenpo-Node}; the test is the balancer's only client and sends its requests one after another, so after a
 * probe answered by one node the next request goes to the other. Each step then asserts the header of its first
 * request: the test does not trust the prediction, it checks it.
 */
final class ClusterSteps {

    static final String NODE_HEADER = "X-Kenpo-Node";

    private final KeycloakCluster cluster;
    private final HttpClient probes = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ClusterSteps(KeycloakCluster cluster) {
        this.cluster = cluster;
    }

    /** Which node answered the first request of the browser's last navigation (the one that carried the step). */
    static String servedBy(Browser browser) {
        return browser.lastHops().get(0).headers().firstValue(NODE_HEADER)
                .orElseThrow(() -> new AssertionError("no " + NODE_HEADER + " on " + browser.lastHops().get(0).uri()));
    }

    /** Runs {@code step} (one navigation of {@code browser}) on {@code node} and asserts that this node answered it. */
    <T> T on(String node, Browser browser, Supplier<T> step) {
        nextOn(node);
        T result = step.get();
        assertEquals(node, servedBy(browser), "the step ran on node " + node);
        return result;
    }

    /** Makes the balancer's next request go to {@code node}: probes until {@code node} and then the other node answered. */
    void nextOn(String node) {
        String other = KeycloakCluster.other(node);
        String previous = null;
        for (int i = 0; i < 8; i++) {
            String answered = probe();
            if (other.equals(answered) && node.equals(previous)) {
                return;
            }
            previous = answered;
        }
        throw new AssertionError("the balancer does not alternate between " + node + " and " + other);
    }

    /** A request without side effects (the realm's OpenID discovery document); answers which node served it. */
    String probe() {
        try {
            HttpResponse<Void> answer = probes.send(HttpRequest.newBuilder(
                    URI.create(cluster.realmUrl() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, answer.statusCode());
            return answer.headers().firstValue(NODE_HEADER).orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
