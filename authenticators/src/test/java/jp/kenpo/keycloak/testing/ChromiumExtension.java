package jp.kenpo.keycloak.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A fresh headless Chromium (Japanese) for each test that asks for one as a parameter (of the test method or
 * of a {@code @BeforeEach} method); closed when the test ends. Screen tests then start from an empty
 * browser (no cookies, no language choice) as a member does.
 */
public final class ChromiumExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ChromiumExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Chromium.class && context.getTestMethod().isPresent();
    }

    @Override
    public Chromium resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent("chromium", k -> new Closing(new Chromium("ja")), Closing.class).chromium;
    }

    /** Closes the browser with the test's store. */
    private record Closing(Chromium chromium) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            chromium.close();
        }
    }
}
