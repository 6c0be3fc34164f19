package jp.kenpo.keycloak.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import jp.kenpo.keycloak.testsupport.LocalPostgres;

/**
 * The test Keycloak's PostgreSQL ({@code -Dkenpo.it.db=postgres} and the two-node test): a {@link LocalPostgres} whose
 * data directory lives under {@code target/} (kept after the run for its {@code server.log}) and stops when the test
 * JVM's Keycloak is closed. No durability, which a test database does not need and which costs time on CI disks.
 */
final class TestPostgres {

    private static final List<String> SETTINGS = List.of(
            "max_connections = 50",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off");

    private TestPostgres() {
    }

    static LocalPostgres start(Path data, int port, Path log) throws IOException {
        return LocalPostgres.start(data, port, log, SETTINGS);
    }
}
