package jp.kenpo.keycloak.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/kenpo-import.sh} as union IT runs it: no password or token on any command line
 * (what {@code ps} shows every user of the machine), and no plain http except to this machine.
 * A {@code curl} first on the PATH records every command line the script starts, then runs the real curl.
 */
@ExtendWith(KeycloakServerExtension.class)
class ImportScriptIT {

    private static final String CSV = "記号,番号,枝番,続柄,氏名（漢字）,氏名（カナ）,生年月日,従業員番号,資格喪失日\r\n"
            + "S9,10000,0,本人,健保 太郎,ケンポ タロウ,1960/04/01,E0,\r\n";

    private final KeycloakServer server;

    @TempDir
    Path dir;

    ImportScriptIT(KeycloakServer server) {
        this.server = server;
    }

    private record Run(int exit, String output, String commandLines) {
    }

    private Run run(String url, List<String> args) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path recorder = bin.resolve("curl");
        Path log = dir.resolve("curl-command-lines.txt");
        Files.writeString(recorder, "#!/usr/bin/env bash\nprintf '%s\\n' \"$*\" >> '" + log + "'\nexec /usr/bin/curl \"$@\"\n");
        Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwx------"));
        Path script = Path.of(System.getProperty("kenpo.realm.dir")).resolveSibling("scripts").resolve("kenpo-import.sh");
        ProcessBuilder builder = new ProcessBuilder(new java.util.ArrayList<>(List.of("bash", script.toString())) {{ addAll(args); }})
                .directory(dir.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.put("PATH", bin + ":" + env.get("PATH"));
        env.put("KC_URL", url);
        env.put("KC_ADMIN_USER", KeycloakServer.ADMIN_USER);
        env.put("KC_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD);
        env.remove("KC_TOKEN");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        String lines = Files.exists(log) ? Files.readString(log) : "";
        return new Run(process.exitValue(), output, lines);
    }

    @Test
    void theScriptImportsWithoutPuttingThePasswordOrTheTokenOnAnyCommandLine() throws Exception {
        Files.writeString(dir.resolve("members.csv"), CSV);
        Run run = run(server.baseUrl(), List.of("members.csv", "--dry-run"));
        assertEquals(0, run.exit(), run.output());
        try (var files = Files.list(dir)) {
            Path answer = files.filter(p -> p.getFileName().toString().startsWith("import-")).findFirst().orElseThrow();
            assertTrue(Files.readString(answer).contains("\"type\":\"summary\""), Files.readString(answer));
        }
        assertFalse(run.commandLines().isBlank(), "the recorder saw the script's curl calls");
        assertFalse(run.commandLines().contains(KeycloakServer.ADMIN_PASSWORD), run.commandLines());
        assertFalse(run.commandLines().contains("Bearer"), run.commandLines());
        assertFalse(run.commandLines().matches("(?s).*eyJ[A-Za-z0-9_-]{10,}.*"), "a token on a command line: " + run.commandLines());
    }

    @Test
    void theScriptRefusesPlainHttpToAnotherHost() throws Exception {
        Files.writeString(dir.resolve("members.csv"), CSV);
        for (String url : List.of("http://example.org", "http://example.org:8080/", "http://127.0.0.1.example.org", "ftp://127.0.0.1")) {
            Run run = run(url, List.of("members.csv", "--dry-run"));
            assertNotEquals(0, run.exit(), url + ": " + run.output());
            assertTrue(run.output().contains("https"), url + ": the refusal says what to use: " + run.output());
            assertEquals("", run.commandLines(), url + ": nothing was sent");
        }
    }
}
