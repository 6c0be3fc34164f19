package jp.kenpo.keycloak.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kenpo.keycloak.testsupport.AdminRest;

/** Keycloak's admin REST API, as the benchmark's set-up needs it. */
final class Admin {

    static final ObjectMapper JSON = AdminRest.JSON;

    private final AdminRest rest;

    Admin(String baseUrl) {
        // Partial imports of thousands of users take minutes.
        this.rest = new AdminRest(baseUrl, ProductionKeycloak.ADMIN_USER, ProductionKeycloak.ADMIN_PASSWORD, Duration.ofMinutes(10));
    }

    /** Creates a user; returns its id. */
    String createUser(String realm, Map<String, Object> user) {
        return rest.create("/admin/realms/" + realm + "/users", user);
    }

    /** Adds users (with any credentials, OTP included) in one call. */
    void partialImport(String realm, List<Map<String, Object>> users) {
        AdminRest.expect(rest.send("POST", "/admin/realms/" + realm + "/partialImport", Map.of("ifResourceExists", "SKIP", "users", users)), 200);
    }

    /** A top-level browser flow made of the given authenticators, each REQUIRED; returns its id. */
    String createFlow(String realm, String alias, String... providers) {
        AdminRest.expect(rest.send("POST", "/admin/realms/" + realm + "/authentication/flows",
                Map.of("alias", alias, "providerId", "basic-flow", "topLevel", true, "builtIn", false, "description", "benchmark")), 201);
        String flowPath = "/admin/realms/" + realm + "/authentication/flows/" + AdminRest.encode(alias) + "/executions";
        for (String provider : providers) {
            AdminRest.expect(rest.send("POST", flowPath + "/execution", Map.of("provider", provider)), 201);
        }
        for (Map<String, Object> execution : get(flowPath, new TypeReference<List<Map<String, Object>>>() { })) {
            execution.put("requirement", "REQUIRED");
            AdminRest.expect(rest.send("PUT", flowPath, execution), 204);
        }
        return get("/admin/realms/" + realm + "/authentication/flows", new TypeReference<List<Map<String, Object>>>() { })
                .stream().filter(f -> alias.equals(f.get("alias"))).map(f -> (String) f.get("id")).findFirst().orElseThrow();
    }

    /** Gives the execution of {@code providerId} in a flow a configuration of its own. */
    void addExecutionConfig(String realm, String flowAlias, String providerId, String alias, Map<String, String> config) {
        String executionId = get("/admin/realms/" + realm + "/authentication/flows/" + AdminRest.encode(flowAlias) + "/executions",
                new TypeReference<List<Map<String, Object>>>() { }).stream()
                .filter(e -> providerId.equals(e.get("providerId"))).map(e -> (String) e.get("id"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No " + providerId + " in " + flowAlias));
        AdminRest.expect(rest.send("POST", "/admin/realms/" + realm + "/authentication/executions/" + executionId + "/config",
                Map.of("alias", alias, "config", config)), 201);
    }

    /** The realm's SMTP settings. */
    @SuppressWarnings("unchecked")
    Map<String, String> smtpServer(String realm) {
        Map<String, Object> rep = get("/admin/realms/" + realm, new TypeReference<>() { });
        return new java.util.HashMap<>((Map<String, String>) rep.getOrDefault("smtpServer", Map.of()));
    }

    /** Binds a client's browser login to a flow. */
    void bindBrowserFlow(String realm, String clientId, String flowId) {
        Map<String, Object> client = get("/admin/realms/" + realm + "/clients?clientId=" + AdminRest.encode(clientId),
                new TypeReference<List<Map<String, Object>>>() { }).get(0);
        client.put("authenticationFlowBindingOverrides", Map.of("browser", flowId));
        AdminRest.expect(rest.send("PUT", "/admin/realms/" + realm + "/clients/" + client.get("id"), client), 204);
    }

    /** Sets a confidential client's secret (the realm export holds none; Keycloak generated a random one). */
    void setClientSecret(String realm, String clientId, String secret) {
        Map<String, Object> client = get("/admin/realms/" + realm + "/clients?clientId=" + AdminRest.encode(clientId),
                new TypeReference<List<Map<String, Object>>>() { }).get(0);
        client.put("secret", secret);
        AdminRest.expect(rest.send("PUT", "/admin/realms/" + realm + "/clients/" + client.get("id"), client), 204);
    }

    /** Changes some realm settings (a partial representation). */
    void updateRealm(String realm, Map<String, Object> partial) {
        AdminRest.expect(rest.send("PUT", "/admin/realms/" + realm, partial), 204);
    }

    /** Changes settings of the configured execution of {@code providerId} in a flow. */
    @SuppressWarnings("unchecked")
    void updateExecutionConfig(String realm, String flowAlias, String providerId, Map<String, String> changes) {
        String configId = get("/admin/realms/" + realm + "/authentication/flows/" + AdminRest.encode(flowAlias) + "/executions",
                new TypeReference<List<Map<String, Object>>>() { }).stream()
                .filter(e -> providerId.equals(e.get("providerId"))).map(e -> (String) e.get("authenticationConfig"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No configured " + providerId + " in " + flowAlias));
        Map<String, Object> config = get("/admin/realms/" + realm + "/authentication/config/" + configId, new TypeReference<>() { });
        ((Map<String, String>) config.get("config")).putAll(changes);
        AdminRest.expect(rest.send("PUT", "/admin/realms/" + realm + "/authentication/config/" + configId, config), 204);
    }

    /** Posts a membership file to the pack's import endpoint; hands each NDJSON line to {@code lines}. */
    void importMembers(String realm, InputStream csv, Consumer<String> lines) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(rest.baseUrl() + "/admin/realms/" + realm + "/kenpo-member-import"))
                    .timeout(Duration.ofHours(2)).header("Authorization", "Bearer " + rest.token())
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> csv)).build();
            HttpResponse<InputStream> response = rest.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Import answered " + response.statusCode() + ": " + in.readLine());
                }
                String line;
                while ((line = in.readLine()) != null) {
                    lines.accept(line);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Import failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    <T> T get(String path, TypeReference<T> type) {
        return rest.get(path, type);
    }
}
