package jp.kenpo.keycloak.testsupport;

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
 * A throw-away PostgreSQL cluster on loopback for a Keycloak's database, for the tests and the benchmark: Debian's
 * PostgreSQL server (installed by {@code scripts/install-test-tools.sh} and by {@code bench.sh}), a data directory
 * recreated on every start, owned by the {@code postgres} user when run as root (PostgreSQL refuses to run as root),
 * and Keycloak's database owned by an ordinary role, as in production. Each caller adds its own server settings.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "keycloak";
    public static final String USER = "keycloak";
    public static final String PASSWORD = "keycloak-local";

    private final Path bin;
    private final Path data;
    private final int port;
    private final Path log;
    private boolean started;

    private LocalPostgres(Path bin, Path data, int port, Path log) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.log = log;
    }

    /**
     * @param data     the cluster's directory (deleted first, with any server a killed run left in it)
     * @param log      where the output of initdb, pg_ctl and psql goes
     * @param settings lines for {@code postgresql.auto.conf} besides the address and port
     */
    public static LocalPostgres start(Path data, int port, Path log, List<String> settings) throws IOException {
        Path bin = binaries();
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        Files.createFile(log);
        LocalPostgres pg = new LocalPostgres(bin, data, port, log);
        if (Files.exists(data.resolve("postmaster.pid"))) {
            // A run that was killed left its server behind: stop it before the directory goes.
            pg.runQuietly("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        }
        Trees.delete(data);
        Files.createDirectories(data);
        if (asRoot()) {
            pg.exec(List.of("chown", "postgres:postgres", data.toString()));
        }
        try {
            pg.run("initdb", "-D", data.toString(), "--auth=trust", "--no-sync", "--encoding=UTF8", "--locale=C.UTF-8", "-U", "postgres");
            // Loopback TCP only: no socket file (paths under target/ can exceed the socket path limit).
            List<String> conf = new ArrayList<>(List.of("listen_addresses = '127.0.0.1'", "port = " + port, "unix_socket_directories = ''"));
            conf.addAll(settings);
            conf.add("");
            Files.writeString(data.resolve("postgresql.auto.conf"), String.join("\n", conf));
            if (asRoot()) {
                pg.exec(List.of("chown", "postgres:postgres", data.resolve("postgresql.auto.conf").toString()));
            }
            pg.run("pg_ctl", "-D", data.toString(), "-l", pg.serverLog().toString(), "-w", "-t", "120", "start");
            pg.started = true;
            pg.superuserSql("CREATE USER " + USER + " PASSWORD '" + PASSWORD + "'");
            pg.superuserSql("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            return pg;
        } catch (RuntimeException | IOException e) {
            pg.close();
            throw e;
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs one query as Keycloak's database user; its rows as psql prints them unaligned (columns split by |). */
    public List<String> query(String sql) {
        List<String> command = asPostgres("psql");
        command.addAll(List.of("-v", "ON_ERROR_STOP=1", "-q", "-A", "-t", "-h", "127.0.0.1",
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

    /** Runs one statement as the superuser in the {@code postgres} database (roles, databases). */
    public void superuserSql(String statement) {
        run("psql", "-v", "ON_ERROR_STOP=1", "-q", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres",
                "-d", "postgres", "-c", statement);
    }

    /** The server's major version, e.g. {@code 15}. */
    public String version() {
        return bin.getParent().getFileName().toString();
    }

    /** The postmaster's process id (its backends are its children). */
    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's own log, in the data directory. */
    public Path serverLog() {
        return data.resolve("server.log");
    }

    /** Stops the server; the data directory stays (with its server log) until the next start. */
    @Override
    public void close() {
        if (started) {
            started = false;
            runQuietly("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
        }
    }

    private List<String> asPostgres(String tool) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        return command;
    }

    private void run(String tool, String... args) {
        List<String> command = asPostgres(tool);
        command.addAll(List.of(args));
        exec(command);
    }

    private void runQuietly(String tool, String... args) {
        try {
            run(tool, args);
        } catch (IllegalStateException ignored) {
            // best effort
        }
    }

    private void exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(data.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish; see " + log);
            }
            if (p.exitValue() != 0) {
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
        String install = ": scripts/install-test-tools.sh (the tests) and bench.sh (the benchmark) install it";
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("No PostgreSQL server under " + root + install);
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries under " + root + install));
        }
    }
}
