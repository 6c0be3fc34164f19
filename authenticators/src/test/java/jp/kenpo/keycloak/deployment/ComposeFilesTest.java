package jp.kenpo.keycloak.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * There is no Docker engine on the build machines, so the container files are checked against the build
 * instead of being run: the Dockerfile, {@code docker-compose.yml} (production base: no demo members, no
 * default secrets) and {@code docker-compose.dev.yml} with {@code docker-compose.dev.env}.
 */
class ComposeFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}. */
    private static final Pattern COMPOSE_VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
    private static final Pattern REALM_PLACEHOLDER = Pattern.compile("\\$\\{(KENPO_[A-Z0-9_]+)(:[^}]*)?}");
    private static final String IMPORT_DIR = "/opt/keycloak/data/import/";

    private static JsonNode compose(String file) throws IOException {
        return YAML.readTree(ROOT.resolve(file).toFile());
    }

    private static String pomValue(String pom, String tag) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve(pom).toFile());
        return doc.getElementsByTagName(tag).item(0).getTextContent().trim();
    }

    private static String jarPath() throws Exception {
        return "authenticators/target/" + pomValue("authenticators/pom.xml", "finalName") + ".jar";
    }

    /** The default of ${NAME:-default} in a value (the whole value must be that one reference). */
    private static String defaultOf(String value, String name) {
        Matcher m = COMPOSE_VAR.matcher(value);
        assertTrue(m.find() && m.group(1).equals(name) && m.group(2) != null && m.group(2).endsWith("-"),
                "expected ${" + name + ":-…} in " + value);
        return m.group(3);
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        service.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    /** The variables a file requires (${NAME:?…} / ${NAME?…}). */
    private static Set<String> required(String file) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = COMPOSE_VAR.matcher(Files.readString(ROOT.resolve(file)));
        while (m.find()) {
            if (m.group(2) != null && m.group(2).endsWith("?")) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Test
    void dockerfileBuildsThePackJarOptimizedWithPostgresHealthAndMetricsOnThePomsKeycloak() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
        String keycloak = pomValue("pom.xml", "keycloak.server.version");
        assertTrue(lines.contains("ARG KEYCLOAK_VERSION=" + keycloak), "the Dockerfile's Keycloak is the pom's " + keycloak);
        String jar = jarPath();
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertEquals(2, from.size(), "multi-stage: build, then run");
        from.forEach(l -> assertTrue(l.startsWith("FROM quay.io/keycloak/keycloak:${KEYCLOAK_VERSION}"), l));

        assertTrue(lines.stream().anyMatch(l -> l.startsWith("COPY ") && l.contains(" " + jar + " ")
                && l.endsWith("/opt/keycloak/providers/kenpo-keycloak-pack.jar")), "COPY of " + jar);
        String build = lines.stream().filter(l -> l.startsWith("RUN ") && l.contains("kc.sh build")).findFirst().orElseThrow();
        for (String option : List.of("--db=postgres", "--health-enabled=true", "--metrics-enabled=true")) {
            assertTrue(build.contains(option), build);
        }
        assertTrue(lines.contains("COPY --from=builder /opt/keycloak/ /opt/keycloak/"), "the runtime stage takes the built server");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("CMD ") && l.contains("\"start\"") && l.contains("\"--optimized\"")));
        assertTrue(lines.stream().noneMatch(l -> l.contains("start-dev") || l.contains("/demo/")), "production image: no dev mode, no demo members");

        List<String> ignore = Files.readAllLines(ROOT.resolve(".dockerignore"));
        assertTrue(ignore.contains("!" + jarPath()), ".dockerignore lets the jar into the build context");
        assertTrue(ignore.contains("!realm-export/kenpo-realm.json"));
    }

    @Test
    void baseComposeRunsTheImageInProductionModeWithHealthcheckOnTheManagementPort() throws Exception {
        JsonNode keycloak = compose("docker-compose.yml").path("services").path("keycloak");
        assertEquals(".", keycloak.path("build").path("context").asText());
        assertEquals("Dockerfile", keycloak.path("build").path("dockerfile").asText());
        assertEquals(pomValue("pom.xml", "keycloak.server.version"),
                defaultOf(keycloak.path("build").path("args").path("KEYCLOAK_VERSION").asText(), "KEYCLOAK_VERSION"));
        assertEquals(List.of("start", "--optimized", "--import-realm"), texts(keycloak.path("command")));
        assertTrue(keycloak.path("volumes").isMissingNode(), "the jar and realm come from the image, nothing is mounted in the base file");

        Map<String, String> env = environment(keycloak);
        assertTrue(env.get("KC_HOSTNAME").startsWith("${KC_HOSTNAME:?"), "KC_HOSTNAME must be set: one issuer for browsers and portals");
        assertTrue(env.get("KC_DB_URL").startsWith("jdbc:postgresql://postgres:5432/"));
        assertEquals(environment(compose("docker-compose.yml").path("services").path("postgres")).get("POSTGRES_PASSWORD"),
                env.get("KC_DB_PASSWORD"), "Keycloak and PostgreSQL share one password variable");

        List<String> ports = texts(keycloak.path("ports"));
        assertTrue(ports.stream().anyMatch(p -> p.endsWith(":8080")), "http port: " + ports);
        assertTrue(ports.stream().anyMatch(p -> p.startsWith("127.0.0.1:") && p.endsWith(":9000")), "management port on the host's loopback only: " + ports);

        String health = String.join(" ", texts(keycloak.path("healthcheck").path("test")));
        assertTrue(health.contains("/dev/tcp/127.0.0.1/9000") && health.contains("/health/ready"), health);
        assertEquals("service_healthy", keycloak.path("depends_on").path("postgres").path("condition").asText());
    }

    @Test
    void baseComposeHasNoDefaultSecretsNoDemoMembersAndNoMailCatcher() throws Exception {
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        JsonNode services = compose("docker-compose.yml").path("services");
        assertTrue(services.path("mail").isMissingNode(), "MailDev only in the dev override");
        assertFalse(text.contains("maildev") || text.contains("kenpo-users-") || text.contains("start-dev"));
        services.fields().forEachRemaining(service -> environment(service.getValue()).forEach((name, value) -> {
            if (name.contains("PASSWORD") || name.contains("SECRET")) {
                Matcher m = COMPOSE_VAR.matcher(value);
                assertTrue(m.matches(), service.getKey() + " " + name + " must come from a variable: " + value);
                boolean requiredVar = m.group(2) != null && m.group(2).endsWith("?");
                boolean emptyDefault = m.group(2) != null && m.group(2).endsWith("-") && m.group(3).isEmpty();
                assertTrue(requiredVar || emptyDefault, service.getKey() + " " + name + " has a default secret: " + value);
            }
        }));
    }

    @Test
    void everyRealmPlaceholderIsPassedToKeycloak() throws Exception {
        Matcher m = REALM_PLACEHOLDER.matcher(Files.readString(ROOT.resolve("realm-export/kenpo-realm.json")));
        Map<String, String> env = environment(compose("docker-compose.yml").path("services").path("keycloak"));
        Set<String> placeholders = new LinkedHashSet<>();
        while (m.find()) {
            placeholders.add(m.group(1));
            boolean realmDefault = m.group(2) != null;
            String value = env.get(m.group(1));
            assertTrue(value != null || realmDefault, m.group(1) + " has no default in the realm and is not set by compose");
            assertNotNull(value, m.group(1) + " is not passed by docker-compose.yml (a union must see every setting)");
            assertTrue(value.contains("${" + m.group(1)), m.group(1) + " can be set from the environment: " + value);
        }
        assertFalse(placeholders.isEmpty());
    }

    @Test
    void devOverrideAddsMailDevOfRunShsVersionDemoMembersAndItsSecretsCoverTheRequiredVariables() throws Exception {
        JsonNode services = compose("docker-compose.dev.yml").path("services");
        String maildev = pomValue("pom.xml", "maildev.version");
        String image = services.path("mail").path("image").asText();
        assertTrue(image.startsWith("maildev/maildev:"), image);
        assertEquals(maildev, defaultOf(image.substring("maildev/maildev:".length()), "MAILDEV_VERSION"));
        assertTrue(Files.readString(ROOT.resolve("authenticators/src/build/keycloak.env")).contains("MAILDEV_VERSION=${maildev.version}"));
        assertTrue(Files.readString(ROOT.resolve("run.sh")).contains("npx --yes \"maildev@$MAILDEV_VERSION\""), "run.sh starts the same MailDev");
        assertTrue(texts(services.path("mail").path("ports")).contains("1080:1080"));

        JsonNode keycloak = services.path("keycloak");
        assertTrue(keycloak.path("depends_on").has("mail"), "Keycloak waits for the mail catcher");
        Map<String, String> env = environment(keycloak);
        assertEquals("1025", env.get("KENPO_SMTP_PORT"));
        assertEquals("false", env.get("KENPO_SMTP_STARTTLS"), "MailDev speaks no TLS");

        JsonNode demo = keycloak.path("volumes").get(0);
        assertEquals("bind", demo.path("type").asText());
        assertTrue(Files.isRegularFile(ROOT.resolve(demo.path("source").asText())), demo.toString());
        assertTrue(demo.path("target").asText().startsWith(IMPORT_DIR), demo.toString());
        assertFalse(demo.path("bind").path("create_host_path").asBoolean(true), "a missing file is refused, not made a folder");

        Map<String, String> devEnv = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("docker-compose.dev.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                devEnv.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        Set<String> needed = required("docker-compose.yml");
        needed.addAll(required("docker-compose.dev.yml"));
        for (String name : needed) {
            assertTrue(devEnv.containsKey(name) && !devEnv.get(name).isBlank(), "docker-compose.dev.env sets " + name);
        }
        assertEquals("mail", devEnv.get("KENPO_SMTP_HOST"), "mails go to MailDev");
    }
}
