package jp.kenpo.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import jp.kenpo.keycloak.testsupport.LocalPostgres;
import jp.kenpo.keycloak.testsupport.Trees;

/**
 * The benchmark's PostgreSQL: a {@link LocalPostgres} in /tmp with durable commits as in production, sized for the
 * 24 GiB machine the results name, removed again when the benchmark ends (its log of slow statements is kept).
 */
final class Postgres implements AutoCloseable {

    private static final List<String> SETTINGS = List.of(
            "max_connections = 200",
            "shared_buffers = '2GB'",
            "effective_cache_size = '8GB'",
            "work_mem = '16MB'",
            "maintenance_work_mem = '512MB'",
            "max_wal_size = '4GB'",
            // Statements slower than this go to the server log, which close() keeps as postgres-server.log.
            "log_min_duration_statement = '2s'");

    private final LocalPostgres server;
    private final Path data;
    private final Path log;

    private Postgres(LocalPostgres server, Path data, Path log) {
        this.server = server;
        this.data = data;
        this.log = log;
    }

    static Postgres start(int port, Path log) throws IOException {
        Path data = Files.createTempDirectory("kenpo-bench-pg-");
        LocalPostgres server;
        try {
            server = LocalPostgres.start(data, port, log, SETTINGS);
        } catch (IOException | RuntimeException e) {
            Trees.delete(data);
            throw e;
        }
        Postgres pg = new Postgres(server, data, log);
        StopOnExit.register(pg);
        return pg;
    }

    String jdbcUrl() {
        return server.jdbcUrl();
    }

    /**
     * A copy of Keycloak's database under {@code name} (PostgreSQL's template copy: nobody may be connected to
     * Keycloak's database meanwhile), owned by Keycloak's user; its JDBC URL.
     */
    String copyOfKeycloakDatabase(String name) {
        server.superuserSql("CREATE DATABASE " + name + " TEMPLATE " + LocalPostgres.DATABASE + " OWNER " + LocalPostgres.USER);
        return server.jdbcUrl(name);
    }

    /** CPU seconds of the postmaster and its backends (Keycloak's pooled connections live as long as the run). */
    double cpuSeconds() {
        long pid = server.postmasterPid();
        double total = Machine.cpuSeconds(pid);
        for (ProcessHandle child : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
            try {
                total += Machine.cpuSeconds(child.pid());
            } catch (IllegalStateException gone) {
                // a backend that ended meanwhile
            }
        }
        return total;
    }

    String version() {
        return server.version();
    }

    /** Runs one statement in Keycloak's database, as its owner. */
    void sqlInKeycloakDatabase(String statement) {
        server.query(statement);
    }

    /** Rows of Keycloak's credential table updated so far (a re-hash at login updates one). */
    long credentialUpdates() {
        return Long.parseLong(server.query(
                "SELECT coalesce(sum(n_tup_upd), 0) FROM pg_stat_user_tables WHERE relname = 'credential'").get(0).trim());
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try {
                if (Files.exists(server.serverLog())) {
                    Files.copy(server.serverLog(), log.resolveSibling("postgres-server.log"), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException ignored) {
                // best effort: only the slow statements' record
            }
            try {
                Trees.delete(data);
            } catch (IOException | RuntimeException ignored) {
                // best effort: it is under /tmp
            }
        }
    }
}
