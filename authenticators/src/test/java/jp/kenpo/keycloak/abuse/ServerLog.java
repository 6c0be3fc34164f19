package jp.kenpo.keycloak.abuse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The test server's log from a mark on: what was written while one test ran, and the errors in it. */
final class ServerLog {

    /** Stack frames of the pack, and any database error. */
    private static final Pattern PACK_OR_DATABASE = Pattern.compile(
            "\\bat jp\\.kenpo\\.|SQLException|JDBCException|org\\.hibernate\\.exception|PersistenceException"
                    + "|DataException|[Vv]alue too long|constraint violation");

    private final Path file;
    private final long mark;

    private ServerLog(Path file, long mark) {
        this.file = file;
        this.mark = mark;
    }

    /** Marks the end of the log as it is now. */
    static ServerLog markNow() {
        Path file = Path.of(System.getProperty("kenpo.artifacts.dir", "target/test-artifacts")).resolve("keycloak.log");
        try {
            return new ServerLog(file, Files.exists(file) ? Files.size(file) : 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What was written since the mark. */
    String since() {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            byte[] bytes = new byte[(int) Math.max(0, length - mark)];
            in.seek(mark);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Log entries (a line and its stack trace) written since the mark that show a stack frame of the pack, a
     * database error, or an error that is not the platform's: Keycloak 26.7 lets RESTEasy Reactive's request
     * parsing (form bodies, media types, multipart) fail as an "Uncaught server error" before any provider
     * runs; those entries are returned by {@link #platformErrors()} instead.
     */
    List<String> trouble() {
        List<String> found = new ArrayList<>();
        for (String entry : entries()) {
            if (PACK_OR_DATABASE.matcher(entry).find() || entry.contains(" ERROR [") && !isPlatform(entry)) {
                found.add(entry.length() > 1_500 ? entry.substring(0, 1_500) + "…" : entry);
            }
        }
        return found;
    }

    /** Errors of Keycloak's request parsing, before any provider of the pack ran. */
    List<String> platformErrors() {
        return entries().stream().filter(e -> e.contains(" ERROR [") && isPlatform(e) && !PACK_OR_DATABASE.matcher(e).find())
                .map(e -> e.lines().findFirst().orElse(e)).toList();
    }

    private static boolean isPlatform(String entry) {
        List<String> lines = entry.lines().toList();
        return (lines.get(0).contains("Uncaught server error") || lines.get(0).contains("QuarkusErrorHandler")) && lines.size() > 1
                && lines.get(1).trim().startsWith("at org.jboss.resteasy.reactive.");
    }

    private List<String> entries() {
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        for (String line : since().split("\n")) {
            if (line.matches("^\\d{4}-\\d{2}-\\d{2}[ T].*")) {
                if (current != null) {
                    entries.add(current.toString());
                }
                current = new StringBuilder(line);
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            entries.add(current.toString());
        }
        return entries;
    }
}
