package jp.kenpo.keycloak.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One {@link KeycloakCluster} (two nodes, PostgreSQL, HAProxy) for the whole test JVM, handed to test classes as a parameter. */
public final class KeycloakClusterExtension extends OnePerRunExtension<KeycloakCluster> {

    public KeycloakClusterExtension() {
        super(KeycloakCluster.class, KeycloakCluster::start, "The Keycloak cluster");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Only the failsafe execution `cluster` has the cluster's own Keycloak (-Dit.test would otherwise bring the
        // class into the other executions, whose distribution must not be rebuilt for production mode).
        Assumptions.assumeTrue(Boolean.getBoolean("kenpo.it.cluster"), "runs in the failsafe execution cluster only");
        super.beforeAll(context);
    }
}
