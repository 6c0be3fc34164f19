package jp.kenpo.keycloak.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The admin REST API, as union IT would call it with curl. */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private long tokenExpiresAt;

    AdminApi(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    /** Creates a member with member data (attributes) and a normal password; returns the user id. */
    public String createMember(String loginId, String email, String password, Map<String, List<String>> attributes) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", loginId);
        user.put("enabled", true);
        if (email != null) {
            user.put("email", email);
            user.put("emailVerified", true);
        }
        user.put("attributes", attributes);
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> response = send("POST", realmPath("/users"), user);
        expect(response, 201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Creates an enabled member with a normal (non-temporary) password; returns the user id. */
    public String createMember(String loginId, String email, String password) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", loginId);
        user.put("enabled", true);
        if (email != null) {
            user.put("email", email);
            user.put("emailVerified", true);
        }
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> response = send("POST", realmPath("/users"), user);
        expect(response, 201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Answer of an admin call whose failure is the point of a test. */
    public record Answer(int status, String body, byte[] bytes) {
        public Answer(int status, String body) {
            this(status, body, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Creates a user from a full representation; returns the raw answer (201 on success). */
    public Answer tryCreateUser(Map<String, Object> user) {
        HttpResponse<String> response = send("POST", realmPath("/users"), user);
        return new Answer(response.statusCode(), response.body());
    }

    /** A pre-issued insured member as union IT creates it: the letter's ID and temporary password, not yet registered. */
    public String createPreIssuedMember(String loginId, String temporaryPassword) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", loginId);
        user.put("enabled", true);
        user.put("attributes", Map.of("kenpoRegistration", List.of("pending")));
        user.put("credentials", List.of(Map.of("type", "password", "value", temporaryPassword, "temporary", false)));
        HttpResponse<String> response = send("POST", realmPath("/users"), user);
        expect(response, 201);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public Answer tryResetPassword(String userId, String password) {
        HttpResponse<String> response = send("PUT", realmPath("/users/" + userId + "/reset-password"),
                Map.of("type", "password", "value", password, "temporary", false));
        return new Answer(response.statusCode(), response.body());
    }

    public Answer tryUpdateUser(String userId, Map<String, Object> user) {
        HttpResponse<String> response = send("PUT", realmPath("/users/" + userId), user);
        return new Answer(response.statusCode(), response.body());
    }

    public Map<String, Object> user(String userId) {
        return read(send("GET", realmPath("/users/" + userId + "?userProfileMetadata=true"), null), new TypeReference<>() { });
    }

    public String userIdByUsername(String username) {
        List<Map<String, Object>> users = read(send("GET", realmPath("/users?exact=true&username=" + encode(username)), null),
                new TypeReference<>() { });
        if (users.size() != 1) {
            throw new IllegalStateException("No single user " + username + ": " + users);
        }
        return (String) users.get(0).get("id");
    }

    public Map<String, Object> realm() {
        return read(send("GET", realmPath(""), null), new TypeReference<>() { });
    }

    public void updateRealm(Map<String, Object> partial) {
        expect(send("PUT", realmPath(""), partial), 204);
    }

    public List<Map<String, Object>> events(String userId) {
        return read(send("GET", realmPath("/events?max=500&user=" + userId), null), new TypeReference<>() { });
    }

    public Map<String, Object> bruteForceStatus(String userId) {
        return read(send("GET", realmPath("/attack-detection/brute-force/users/" + userId), null), new TypeReference<>() { });
    }

    /** The brute-force protector counts asynchronously: waits until it has seen {@code expected} failures; returns what it saw. */
    public int awaitBruteForceFailures(String userId, int expected) {
        long deadline = System.currentTimeMillis() + 10_000;
        int seen = -1;
        while (System.currentTimeMillis() < deadline) {
            seen = ((Number) bruteForceStatus(userId).get("numFailures")).intValue();
            if (seen == expected) {
                return seen;
            }
            Pause.millis(200);
        }
        return seen;
    }

    public void clearBruteForce(String userId) {
        expect(send("DELETE", realmPath("/attack-detection/brute-force/users/" + userId), null), 204);
    }

    /** The config of the email key execution in the realm's browser flow. */
    public Map<String, Object> emailKeyConfig() {
        return executionConfig("kenpo-email-key");
    }

    public void updateEmailKeyConfig(Map<String, String> config) {
        updateExecutionConfig("kenpo-email-key", config);
    }

    /** The config of one of the pack's executions in the realm's browser flow. */
    public Map<String, Object> executionConfig(String providerId) {
        return executionConfigIn("kenpo browser forms", providerId);
    }

    public Map<String, Object> executionConfigIn(String flowAlias, String providerId) {
        return read(send("GET", realmPath("/authentication/config/" + configId(flowAlias, providerId)), null), new TypeReference<>() { });
    }

    /** Updates an execution's config in the browser flow or, failing that, in the reset-credentials flow. */
    public void updateExecutionConfig(String providerId, Map<String, String> config) {
        String flow = flowExecutions("kenpo browser forms").stream().anyMatch(e -> providerId.equals(e.get("providerId")))
                ? "kenpo browser forms" : "kenpo reset credentials";
        Map<String, Object> current = executionConfigIn(flow, providerId);
        current.put("config", config);
        expect(send("PUT", realmPath("/authentication/config/" + configId(flow, providerId)), current), 204);
    }

    public List<Map<String, Object>> flowExecutions(String flowAlias) {
        return read(send("GET", realmPath("/authentication/flows/" + encode(flowAlias) + "/executions"), null),
                new TypeReference<>() { });
    }

    /** GET on any admin path (relative to /admin), as JSON. */
    public <T> T get(String adminPath, TypeReference<T> type) {
        return read(send("GET", "/admin" + adminPath, null), type);
    }

    /**
     * Every test comes from 127.0.0.1, so per-client limits of the lookup add up across test classes:
     * lifts the lookup's per-client limit and returns what restores it.
     */
    @SuppressWarnings("unchecked")
    public Runnable liftLookupClientLimit() {
        Map<String, String> original = new java.util.HashMap<>((Map<String, String>)
                executionConfigIn("kenpo reset credentials", "kenpo-password-reissue").get("config"));
        Map<String, String> lifted = new java.util.HashMap<>(original);
        lifted.put("kenpo.lookup.perClientPerHour", "10000");
        updateExecutionConfig("kenpo-password-reissue", lifted);
        return () -> updateExecutionConfig("kenpo-password-reissue", original);
    }

    /** POST a raw body on any admin path (relative to /admin), with or without the admin's token. */
    public Answer postBody(String adminPath, String contentType, byte[] body, boolean authenticated) {
        return postBody(adminPath, contentType, body, authenticated ? null : "", authenticated);
    }

    /** POST a raw body with someone else's bearer token (e.g. a member's, to prove it is refused). */
    public Answer postBodyAs(String adminPath, String contentType, byte[] body, String bearerToken) {
        return postBody(adminPath, contentType, body, bearerToken, false);
    }

    private Answer postBody(String adminPath, String contentType, byte[] body, String otherToken, boolean authenticated) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin" + adminPath))
                    .timeout(Duration.ofMinutes(10))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (authenticated) {
                request.header("Authorization", "Bearer " + token());
            } else if (otherToken != null && !otherToken.isEmpty()) {
                request.header("Authorization", "Bearer " + otherToken);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST without a body on any admin path (relative to /admin); returns the raw answer. */
    public Answer post(String adminPath) {
        HttpResponse<String> response = send("POST", "/admin" + adminPath, null);
        return new Answer(response.statusCode(), response.body());
    }

    private String configId(String flowAlias, String providerId) {
        return flowExecutions(flowAlias).stream()
                .filter(e -> providerId.equals(e.get("providerId")))
                .map(e -> (String) e.get("authenticationConfig"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No configured " + providerId + " in the browser flow"));
    }

    private String realmPath(String path) {
        return "/admin/realms/" + KeycloakServer.REALM + path;
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
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

    private synchronized String token() throws IOException, InterruptedException {
        if (token != null && System.currentTimeMillis() < tokenExpiresAt) {
            return token;
        }
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        expect(response, 200);
        Map<String, Object> json = JSON.readValue(response.body(), new TypeReference<>() { });
        token = (String) json.get("access_token");
        tokenExpiresAt = System.currentTimeMillis() + 30_000;
        return token;
    }

    private static <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        expect(response, 200);
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable admin API answer: " + response.body(), e);
        }
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
