package jp.kenpo.keycloak.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keycloak's admin REST API as union IT calls it with curl: a master-realm admin's token (password
 * grant of {@code admin-cli}, renewed well before it expires) and JSON in and out. Thread-safe.
 */
public final class AdminRest {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String username;
    private final String password;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private long tokenExpiresAt;

    /** @param timeout how long one call may take */
    public AdminRest(String baseUrl, String username, String password, Duration timeout) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
        this.timeout = timeout;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpClient http() {
        return http;
    }

    /** A JSON call with the admin's token; {@code body} null for none. */
    public HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + token());
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

    /** GET that must answer 200, as JSON. */
    public <T> T get(String path, TypeReference<T> type) {
        return read(send("GET", path, null), type);
    }

    /** A POST that must create (201); returns the new resource's id from its Location. */
    public String create(String path, Object body) {
        HttpResponse<String> response = send("POST", path, body);
        expect(response, 201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The admin's access token. */
    public synchronized String token() {
        if (token != null && System.currentTimeMillis() < tokenExpiresAt) {
            return token;
        }
        String form = Browser.formBody(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", username, "password", password));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, Object> json = read(response, new TypeReference<>() { });
            token = (String) json.get("access_token");
            // Keycloak's master-realm tokens live 60 s; renewing at 30 s leaves slow calls room.
            tokenExpiresAt = System.currentTimeMillis() + 30_000;
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("Admin token request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer as JSON, which must have status 200. */
    public static <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        expect(response, 200);
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable admin API answer: " + response.body(), e);
        }
    }

    public static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** A path segment or query value. */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
