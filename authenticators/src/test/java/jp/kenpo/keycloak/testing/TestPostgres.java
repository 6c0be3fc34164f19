package jp.kenpo.keycloak.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster on loopback for the test Keycloak's database ({@code -Dkenpo.it.db=postgres}):
 * Debian's PostgreSQL server (installed by {@code scripts/install-test-tools.sh}), its data directory under
 * {@code target/} (recreated on every start, kept after the run for its {@code server.log}), owned by the
 * {@code postgres} user when the tests run as root (PostgreSQL refuses to run as root), stopped when
 * the test JVM's Keycloak is closed.
 */
final class TestPostgres implements AutoCloseable {

    static final String DATABASE = "keycloak";
    static final String USER = "keycloak";
    static final String PASSWORD = "keycloak-it-password";

    private final Path bin;
    private final Path data;
    private final int port;
    private final Path log;
    private boolean started;

    private TestPostgres(Path bin, Path data, int port, Path log) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.log = log;
    }

    /**
     * @param data the cluster's directory (deleted first, with any server a killed run left in it)
     * @param log where the output of initdb, pg_ctl and psql goes
     */
    static TestPostgres start(Path data, int port, Path log) throws IOException {
        Path bin = binaries();
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        Files.createFile(log);
        TestPostgres pg = new TestPostgres(bin, data, port, log);
        if (Files.exists(data.resolve("postmaster.pid"))) {
            // A run that was killed left its server behind: stop it before the directory goes.
            pg.runQuietly("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        }
        deleteTree(data);
        Files.createDirectories(data);
        if (asRoot()) {
            pg.exec(List.of("chown", "postgres:postgres", data.toString()), true);
        }
        try {
            pg.run("initdb", "-D", data.toString(), "--auth=trust", "--no-sync", "--encoding=UTF8", "--locale=C.UTF-8", "-U", "postgres");
            // Loopback TCP only (no socket file: paths under target/ can exceed the socket path limit);
            // no durability, which a test database does not need and which costs time on CI disks.
            Files.writeString(data.resolve("postgresql.auto.conf"), String.join("\n",
                    "listen_addresses = '127.0.0.1'",
                    "port = " + port,
                    "unix_socket_directories = ''",
                    "max_connections = 50",
                    "fsync = off",
                    "synchronous_commit = off",
                    "full_page_writes = off",
                    ""));
            if (asRoot()) {
                pg.exec(List.of("chown", "postgres:postgres", data.resolve("postgresql.auto.conf").toString()), true);
            }
            pg.run("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "120", "start");
            pg.started = true;
            // Keycloak's database belongs to an ordinary role, as in production (not to the superuser).
            pg.run("psql", "-v", "ON_ERROR_STOP=1", "-q", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                    "-d", "postgres", "-c", "CREATE USER " + USER + " PASSWORD '" + PASSWORD + "'");
            pg.run("psql", "-v", "ON_ERROR_STOP=1", "-q", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                    "-d", "postgres", "-c", "CREATE DATABASE " + DATABASE + " OWNER " + USER);
            return pg;
        } catch (RuntimeException | IOException e) {
            pg.close();
            throw e;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Runs one query as Keycloak's database user; its rows as psql prints them unaligned (columns split by |). */
    List<String> query(String sql) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(bin.resolve("psql").toString(), "-v", "ON_ERROR_STOP=1", "-q", "-A", "-t", "-h", "127.0.0.1",
                "-p", Integer.toString(port), "-U", USER, "-d", DATABASE, "-c", sql));
        try {
            Process p = new ProcessBuilder(command).directory(data.getParent().toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("psql failed: " + out);
            }
            return out.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("psql could not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's major version, e.g. {@code 15}. */
    String version() {
        return bin.getParent().getFileName().toString();
    }

    private void run(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        exec(command, true);
    }

    private void runQuietly(String tool, String... args) {
        try {
            run(tool, args);
        } catch (IllegalStateException ignored) {
            // best effort
        }
    }

    private void exec(List<String> command, boolean check) {
        try {
            Process p = new ProcessBuilder(command).directory(data.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish; see " + log);
            }
            if (check && p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest PostgreSQL server from Debian's packages. */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("No PostgreSQL server under " + root + ": run scripts/install-test-tools.sh, which installs it");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries under " + root
                            + ": run scripts/install-test-tools.sh"));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Stops the server; the data directory stays (with server.log) until the next start. */
    @Override
    public void close() {
        if (started) {
            started = false;
            runQuietly("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
        }
    }
}
