package jp.kenpo.keycloak.testing;

import java.util.concurrent.Callable;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@code T} for the whole test JVM (kept in the root store, closed when the run ends) and hands it
 * to test classes as a constructor or method parameter: servers are started once, not per test class.
 */
abstract class OnePerRunExtension<T extends AutoCloseable> implements BeforeAllCallback, ParameterResolver {

    private final Class<T> type;
    private final Callable<T> start;
    private final String what;

    OnePerRunExtension(Class<T> type, Callable<T> start, String what) {
        this.type = type;
        this.start = start;
        this.what = what;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        resource(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return resource(extensionContext);
    }

    private T resource(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(getClass()));
        @SuppressWarnings("unchecked")
        Holder<T> holder = store.getOrComputeIfAbsent(Holder.class, key -> new Holder<>(start, what), Holder.class);
        return holder.resource();
    }

    /** Closed by JUnit when the root context ends, i.e. once, after the last test class. */
    private static final class Holder<T extends AutoCloseable> implements ExtensionContext.Store.CloseableResource {
        private final Callable<T> start;
        private final String what;
        private T resource;
        private RuntimeException failure;

        Holder(Callable<T> start, String what) {
            this.start = start;
            this.what = what;
        }

        synchronized T resource() {
            if (failure != null) {
                throw failure;
            }
            if (resource == null) {
                try {
                    resource = start.call();
                } catch (Exception e) {
                    failure = new IllegalStateException(what + " could not be started", e);
                    throw failure;
                }
            }
            return resource;
        }

        @Override
        public synchronized void close() throws Exception {
            if (resource != null) {
                resource.close();
            }
        }
    }
}
