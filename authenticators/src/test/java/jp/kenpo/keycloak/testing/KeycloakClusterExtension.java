package jp.kenpo.keycloak.testing;


import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link KeycloakCluster} (two nodes, PostgreSQL, HAProxy) for the whole test JVM (kept in the root
 * store, closed when the run ends) and hands it to test classes as a constructor or method parameter.
 */
public final class KeycloakClusterExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // Only the failsafe execution `cluster` has the cluster's own Keycloak (-Dit.test would otherwise bring the
        // class into the other executions, whose distribution must not be rebuilt for production mode).
        Assumptions.assumeTrue(Boolean.getBoolean("kenpo.it.cluster"), "runs in the failsafe execution cluster only");
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KeycloakCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext);
    }

    private static KeycloakCluster server(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Holder holder = store.getOrComputeIfAbsent(Holder.class, key -> new Holder(), Holder.class);
        return holder.server();
    }

    /** Closed by JUnit when the root context ends, i.e. once, after the last test class. */
    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private KeycloakCluster server;
        private RuntimeException failure;

        synchronized KeycloakCluster server() {
            if (failure != null) {
                throw failure;
            }
            if (server == null) {
                try {
                    server = KeycloakCluster.start();
                } catch (Exception e) {
                    failure = new IllegalStateException("The Keycloak cluster could not be started", e);
                    throw failure;
                }
            }
            return server;
        }

        @Override
        public synchronized void close() {
            if (server != null) {
                server.close();
            }
        }
    }

}
