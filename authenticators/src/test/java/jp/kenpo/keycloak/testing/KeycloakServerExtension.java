package jp.kenpo.keycloak.testing;


import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link KeycloakServer} for the whole test JVM (kept in the root store, closed when the
 * run ends) and hands it to test classes as a constructor or method parameter.
 */
public final class KeycloakServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakServerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KeycloakServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server(extensionContext);
    }

    private static KeycloakServer server(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Holder holder = store.getOrComputeIfAbsent(Holder.class, key -> new Holder(), Holder.class);
        return holder.server();
    }

    /** Closed by JUnit when the root context ends, i.e. once, after the last test class. */
    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        private KeycloakServer server;
        private RuntimeException failure;

        synchronized KeycloakServer server() {
            if (failure != null) {
                throw failure;
            }
            if (server == null) {
                try {
                    server = KeycloakServer.start();
                } catch (Exception e) {
                    failure = new IllegalStateException("Keycloak could not be started", e);
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
