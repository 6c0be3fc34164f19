package jp.kenpo.keycloak.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Keycloak's admin REST API, as the benchmark's set-up needs it. */
final class Admin {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private long tokenExpiresAt;

    Admin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Creates a user; returns its id. */
    String createUser(String realm, Map<String, Object> user) {
        HttpResponse<String> response = send("POST", "/admin/realms/" + realm + "/users", user);
        expect(response, 201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Adds users (with any credentials, OTP included) in one call. */
    void partialImport(String realm, List<Map<String, Object>> users) {
        expect(send("POST", "/admin/realms/" + realm + "/partialImport", Map.of("ifResourceExists", "SKIP", "users", users)), 200);
    }

    /** A top-level browser flow made of the given authenticators, each REQUIRED; returns its id. */
    String createFlow(String realm, String alias, String... providers) {
        expect(send("POST", "/admin/realms/" + realm + "/authentication/flows",
                Map.of("alias", alias, "providerId", "basic-flow", "topLevel", true, "builtIn", false, "description", "benchmark")), 201);
        String flowPath = "/admin/realms/" + realm + "/authentication/flows/" + encode(alias) + "/executions";
        for (String provider : providers) {
            expect(send("POST", flowPath + "/execution", Map.of("provider", provider)), 201);
        }
        for (Map<String, Object> execution : get(flowPath, new TypeReference<List<Map<String, Object>>>() { })) {
            execution.put("requirement", "REQUIRED");
            expect(send("PUT", flowPath, execution), 204);
        }
        return get("/admin/realms/" + realm + "/authentication/flows", new TypeReference<List<Map<String, Object>>>() { })
                .stream().filter(f -> alias.equals(f.get("alias"))).map(f -> (String) f.get("id")).findFirst().orElseThrow();
    }

    /** Binds a client's browser login to a flow. */
    void bindBrowserFlow(String realm, String clientId, String flowId) {
        Map<String, Object> client = get("/admin/realms/" + realm + "/clients?clientId=" + encode(clientId),
                new TypeReference<List<Map<String, Object>>>() { }).get(0);
        client.put("authenticationFlowBindingOverrides", Map.of("browser", flowId));
        expect(send("PUT", "/admin/realms/" + realm + "/clients/" + client.get("id"), client), 204);
    }

    /** Changes settings of the configured execution of {@code providerId} in a flow. */
    @SuppressWarnings("unchecked")
    void updateExecutionConfig(String realm, String flowAlias, String providerId, Map<String, String> changes) {
        String configId = get("/admin/realms/" + realm + "/authentication/flows/" + encode(flowAlias) + "/executions",
                new TypeReference<List<Map<String, Object>>>() { }).stream()
                .filter(e -> providerId.equals(e.get("providerId"))).map(e -> (String) e.get("authenticationConfig"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No configured " + providerId + " in " + flowAlias));
        Map<String, Object> config = get("/admin/realms/" + realm + "/authentication/config/" + configId, new TypeReference<>() { });
        ((Map<String, String>) config.get("config")).putAll(changes);
        expect(send("PUT", "/admin/realms/" + realm + "/authentication/config/" + configId, config), 204);
    }

    /** Posts a membership file to the pack's import endpoint; hands each NDJSON line to {@code lines}. */
    void importMembers(String realm, InputStream csv, Consumer<String> lines) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + "/kenpo-member-import"))
                    .timeout(Duration.ofHours(2)).header("Authorization", "Bearer " + token())
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> csv)).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
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
        HttpResponse<String> response = send("GET", path, null);
        expect(response, 200);
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable answer of " + path, e);
        }
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token());
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (token != null && System.currentTimeMillis() < tokenExpiresAt) {
            return token;
        }
        String form = MemberBrowser.encode(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", ProductionKeycloak.ADMIN_USER, "password", ProductionKeycloak.ADMIN_PASSWORD));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200);
        token = (String) JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { }).get("access_token");
        tokenExpiresAt = System.currentTimeMillis() + 30_000;
        return token;
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
