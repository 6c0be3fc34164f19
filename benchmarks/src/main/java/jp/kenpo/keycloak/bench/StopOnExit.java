package jp.kenpo.keycloak.bench;

/**
 * Stops what the benchmark started (Keycloak, PostgreSQL) when the run is interrupted (Ctrl-C, {@code kill}):
 * try-with-resources only covers a normal end or an exception, and a Keycloak left running spoils the next run.
 */
final class StopOnExit {

    private StopOnExit() {
    }

    /** Closes {@code resource} when the JVM exits; its {@code close()} must be safe to call twice. */
    static <T extends AutoCloseable> T register(T resource) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception ignored) {
                // exiting anyway: best effort
            }
        }, "bench-stop-" + resource.getClass().getSimpleName()));
        return resource;
    }
}
