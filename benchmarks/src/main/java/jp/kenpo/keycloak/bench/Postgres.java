package jp.kenpo.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster on loopback for Keycloak's database: created in /tmp (owned by
 * the {@code postgres} user when the benchmark runs as root), started, and removed again when the
 * benchmark ends.
 */
final class Postgres implements AutoCloseable {

    static final String DATABASE = "keycloak";
    static final String USER = "keycloak";
    static final String PASSWORD = "keycloak-bench";

    private final Path bin;
    private final Path data;
    private final int port;
    private final Path log;
    private boolean started;

    private Postgres(Path bin, Path data, int port, Path log) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.log = log;
    }

    static Postgres start(int port, Path log) throws IOException {
        Path bin = binaries();
        Path data = Files.createTempDirectory("kenpo-bench-pg-");
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            Processes.run(log, Map.of(), "chown", "postgres:postgres", data.toString());
        }
        Postgres pg = new Postgres(bin, data, port, log);
        try {
            pg.run("initdb", "-D", data.toString(), "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-U", "postgres");
            // Sized for the 24 GiB machine the results name; durable commits as in production.
            Files.writeString(data.resolve("postgresql.auto.conf"), String.join("\n",
                    "listen_addresses = '127.0.0.1'",
                    "port = " + port,
                    "unix_socket_directories = '" + data + "'",
                    "max_connections = 200",
                    "shared_buffers = '2GB'",
                    "effective_cache_size = '8GB'",
                    "work_mem = '16MB'",
                    "maintenance_work_mem = '512MB'",
                    "max_wal_size = '4GB'",
                    // Statements slower than this go to the server log, which close() keeps as postgres-server.log.
                    "log_min_duration_statement = '2s'", ""));
            pg.run("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "120", "start");
            pg.started = true;
            StopOnExit.register(pg);
            pg.sql("CREATE USER " + USER + " PASSWORD '" + PASSWORD + "'");
            pg.sql("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            return pg;
        } catch (RuntimeException | IOException e) {
            pg.close();
            throw e;
        }
    }

    String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * A copy of Keycloak's database under {@code name} (PostgreSQL's template copy: nobody may be connected to
     * Keycloak's database meanwhile), owned by Keycloak's user; its JDBC URL.
     */
    String copyOfKeycloakDatabase(String name) {
        sql("CREATE DATABASE " + name + " TEMPLATE " + DATABASE + " OWNER " + USER);
        return jdbcUrl(name);
    }

    /** CPU seconds of the postmaster and its backends (Keycloak's pooled connections live as long as the run). */
    double cpuSeconds() {
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            double total = Machine.cpuSeconds(pid);
            for (ProcessHandle child : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
                try {
                    total += Machine.cpuSeconds(child.pid());
                } catch (IllegalStateException gone) {
                    // a backend that ended meanwhile
                }
            }
            return total;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String version() {
        return bin.getParent().getFileName().toString();
    }

    /** Runs one statement in Keycloak's database, as its owner. */
    void sqlInKeycloakDatabase(String statement) {
        run("psql", "-v", "ON_ERROR_STOP=1", "-q", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER, "-d", DATABASE, "-c", statement);
    }

    /** Rows of Keycloak's credential table updated so far (a re-hash at login updates one). */
    long credentialUpdates() {
        List<String> command = new java.util.ArrayList<>(Processes.as("postgres", bin.resolve("psql").toString()));
        command.addAll(List.of("-At", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER, "-d", DATABASE, "-c",
                "SELECT coalesce(sum(n_tup_upd), 0) FROM pg_stat_user_tables WHERE relname = 'credential'"));
        return Long.parseLong(Processes.output(log, command.toArray(String[]::new)).trim());
    }

    private void sql(String statement) {
        run("psql", "-v", "ON_ERROR_STOP=1", "-q", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", "postgres", "-c", statement);
    }

    private void run(String tool, String... args) {
        List<String> command = new java.util.ArrayList<>(Processes.as("postgres", bin.resolve(tool).toString()));
        command.addAll(List.of(args));
        Processes.run(log, Map.of(), command.toArray(String[]::new));
    }

    /** The newest PostgreSQL server installed from Debian's packages (bench.sh installs one where missing). */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("No PostgreSQL server under " + root + ": run ./bench.sh, which installs it");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries under " + root));
        }
    }

    @Override
    public void close() {
        try {
            if (started) {
                started = false;
                run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
            }
        } finally {
            try {
                Path serverLog = data.resolve("server.log");
                if (Files.exists(serverLog)) {
                    Files.copy(serverLog, log.resolveSibling("postgres-server.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException ignored) {
                // best effort: only the slow statements' record
            }
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort: it is under /tmp
            }
        }
    }
}
