package jp.kenpo.keycloak.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import jp.kenpo.keycloak.testsupport.AdminRest;

/** The admin REST API, as union IT would call it with curl. */
public final class AdminApi {

    private final AdminRest rest;
    private final String realm;

    AdminApi(String baseUrl, String username, String password) {
        this(new AdminRest(baseUrl, username, password, Duration.ofSeconds(30)), KeycloakServer.REALM);
    }

    private AdminApi(AdminRest rest, String realm) {
        this.rest = rest;
        this.realm = realm;
    }

    /** The same calls on another realm of the test server (one a test created). */
    public AdminApi inRealm(String otherRealm) {
        return new AdminApi(rest, otherRealm);
    }

    /** Creates a realm from its representation (POST /admin/realms), as union IT would import a second one. */
    public void createRealm(Map<String, Object> representation) {
        AdminRest.expect(rest.send("POST", "/admin/realms", representation), 201);
    }

    /** Creates a member with member data (attributes, or null) and a normal password; returns the user id. */
    public String createMember(String loginId, String email, String password, Map<String, List<String>> attributes) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", loginId);
        user.put("enabled", true);
        if (email != null) {
            user.put("email", email);
            user.put("emailVerified", true);
        }
        if (attributes != null) {
            user.put("attributes", attributes);
        }
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        return rest.create(realmPath("/users"), user);
    }

    /** Creates an enabled member with a normal (non-temporary) password; returns the user id. */
    public String createMember(String loginId, String email, String password) {
        return createMember(loginId, email, password, null);
    }

    /** Answer of an admin call whose failure is the point of a test. */
    public record Answer(int status, String body, byte[] bytes, java.net.http.HttpHeaders headers) {
        public Answer(int status, String body, byte[] bytes) {
            this(status, body, bytes, java.net.http.HttpHeaders.of(Map.of(), (k, v) -> true));
        }

        public Answer(int status, String body) {
            this(status, body, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.body(),
                    response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), response.headers());
        }

        /** The answer's Cache-Control header, or "" when it has none. */
        public String cacheControl() {
            return headers.firstValue("Cache-Control").orElse("");
        }
    }

    /** GET on any admin path (relative to /admin); returns the raw answer with its headers. */
    public Answer getAnswer(String adminPath) {
        return Answer.of(rest.send("GET", "/admin" + adminPath, null));
    }

    /** Creates a user from a full representation; returns the raw answer (201 on success). */
    public Answer tryCreateUser(Map<String, Object> user) {
        HttpResponse<String> response = rest.send("POST", realmPath("/users"), user);
        return new Answer(response.statusCode(), response.body());
    }

    /** A pre-issued insured member as union IT creates it: the letter's ID and temporary password, not yet registered. */
    public String createPreIssuedMember(String loginId, String temporaryPassword) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", loginId);
        user.put("enabled", true);
        user.put("attributes", Map.of("kenpoRegistration", List.of("pending")));
        user.put("credentials", List.of(Map.of("type", "password", "value", temporaryPassword, "temporary", false)));
        return rest.create(realmPath("/users"), user);
    }

    public Answer tryResetPassword(String userId, String password) {
        HttpResponse<String> response = rest.send("PUT", realmPath("/users/" + userId + "/reset-password"),
                Map.of("type", "password", "value", password, "temporary", false));
        return new Answer(response.statusCode(), response.body());
    }

    public Answer tryUpdateUser(String userId, Map<String, Object> user) {
        HttpResponse<String> response = rest.send("PUT", realmPath("/users/" + userId), user);
        return new Answer(response.statusCode(), response.body());
    }

    /** Deletes one credential of a user, as union staff do in the admin console (Users → Credentials → Delete). */
    public Answer deleteCredential(String userId, String credentialId) {
        HttpResponse<String> response = rest.send("DELETE", realmPath("/users/" + userId + "/credentials/" + credentialId), null);
        return new Answer(response.statusCode(), response.body());
    }

    /** Sets one attribute of a user as an admin edits it in the console (the rest of the user unchanged). */
    @SuppressWarnings("unchecked")
    public void setAttribute(String userId, String name, String value) {
        Map<String, Object> user = new LinkedHashMap<>(user(userId));
        user.remove("userProfileMetadata");
        Map<String, Object> attributes = new LinkedHashMap<>((Map<String, Object>) user.getOrDefault("attributes", Map.of()));
        attributes.put(name, List.of(value));
        user.put("attributes", attributes);
        Answer answer = tryUpdateUser(userId, user);
        if (answer.status() != 204) {
            throw new IllegalStateException("Could not set " + name + ": " + answer.status() + " " + answer.body());
        }
    }

    public Map<String, Object> user(String userId) {
        return AdminRest.read(rest.send("GET", realmPath("/users/" + userId + "?userProfileMetadata=true"), null), new TypeReference<>() { });
    }

    public String userIdByUsername(String username) {
        List<Map<String, Object>> users = AdminRest.read(rest.send("GET", realmPath("/users?exact=true&username=" + AdminRest.encode(username)), null),
                new TypeReference<>() { });
        if (users.size() != 1) {
            throw new IllegalStateException("No single user " + username + ": " + users);
        }
        return (String) users.get(0).get("id");
    }

    /** Sets a confidential client's secret, as an admin does under Clients → Credentials. */
    public void setClientSecret(String clientId, String secret) {
        List<Map<String, Object>> clients = AdminRest.read(rest.send("GET", realmPath("/clients?clientId=" + AdminRest.encode(clientId)), null),
                new TypeReference<>() { });
        Map<String, Object> client = clients.get(0);
        client.put("secret", secret);
        AdminRest.expect(rest.send("PUT", realmPath("/clients/" + client.get("id")), client), 204);
    }

    /** Sets realm overrides of texts (Realm settings → Localization → Realm overrides) for one language. */
    public void setRealmTexts(String languageTag, Map<String, String> texts) {
        AdminRest.expect(rest.send("POST", realmPath("/localization/" + languageTag), texts), 204);
    }

    /** The realm overrides of texts for one language. */
    public Map<String, String> realmTexts(String languageTag) {
        return AdminRest.read(rest.send("GET", realmPath("/localization/" + languageTag), null), new TypeReference<>() { });
    }

    public Map<String, Object> realm() {
        return AdminRest.read(rest.send("GET", realmPath(""), null), new TypeReference<>() { });
    }

    public void updateRealm(Map<String, Object> partial) {
        AdminRest.expect(rest.send("PUT", realmPath(""), partial), 204);
    }

    public List<Map<String, Object>> events(String userId) {
        return AdminRest.read(rest.send("GET", realmPath("/events?max=500&user=" + userId), null), new TypeReference<>() { });
    }

    /** The realm's latest admin events (what admins changed), newest first. */
    public List<Map<String, Object>> adminEvents() {
        return AdminRest.read(rest.send("GET", realmPath("/admin-events?max=500"), null), new TypeReference<>() { });
    }

    public Map<String, Object> bruteForceStatus(String userId) {
        return AdminRest.read(rest.send("GET", realmPath("/attack-detection/brute-force/users/" + userId), null), new TypeReference<>() { });
    }

    /** The brute-force protector counts asynchronously: waits until it has seen {@code expected} failures; returns what it saw. */
    public int awaitBruteForceFailures(String userId, int expected) {
        return Pause.until(() -> ((Number) bruteForceStatus(userId).get("numFailures")).intValue(), seen -> seen == expected);
    }

    public void clearBruteForce(String userId) {
        AdminRest.expect(rest.send("DELETE", realmPath("/attack-detection/brute-force/users/" + userId), null), 204);
    }

    private Map<String, Object> executionConfigIn(String flowAlias, String providerId) {
        return AdminRest.read(rest.send("GET", realmPath("/authentication/config/" + configId(flowAlias, providerId)), null), new TypeReference<>() { });
    }

    /** Updates an execution's config in the browser flow or, failing that, in the reset-credentials flow. */
    private void updateExecutionConfig(String providerId, Map<String, String> config) {
        String flow = flowOf(providerId);
        Map<String, Object> current = executionConfigIn(flow, providerId);
        current.put("config", config);
        AdminRest.expect(rest.send("PUT", realmPath("/authentication/config/" + configId(flow, providerId)), current), 204);
    }

    public List<Map<String, Object>> flowExecutions(String flowAlias) {
        return AdminRest.read(rest.send("GET", realmPath("/authentication/flows/" + AdminRest.encode(flowAlias) + "/executions"), null),
                new TypeReference<>() { });
    }

    /** GET on any admin path (relative to /admin), as JSON. */
    public <T> T get(String adminPath, TypeReference<T> type) {
        return AdminRest.read(rest.send("GET", "/admin" + adminPath, null), type);
    }

    /** A change of settings that lasts until it is closed (try-with-resources), so tests leave the realm as they found it. */
    public interface ConfigChange extends AutoCloseable {
        @Override
        void close();
    }

    /** Changes some settings of one of the pack's executions (browser or reset-credentials flow) until closed. */
    @SuppressWarnings("unchecked")
    public ConfigChange changeExecutionConfig(String providerId, Map<String, String> changes) {
        Map<String, String> original = new java.util.HashMap<>((Map<String, String>) executionConfigIn(flowOf(providerId), providerId).get("config"));
        Map<String, String> changed = new java.util.HashMap<>(original);
        changed.putAll(changes);
        updateExecutionConfig(providerId, changed);
        return () -> updateExecutionConfig(providerId, original);
    }

    /** A port where no mail server listens (a mail server that is down). */
    public static final int NO_MAIL_SERVER = 1;

    /** Points the realm's mail settings at another SMTP port until closed. */
    @SuppressWarnings("unchecked")
    public ConfigChange changeMailServerPort(int port) {
        Map<String, Object> smtp = new java.util.HashMap<>((Map<String, Object>) realm().get("smtpServer"));
        Map<String, Object> changed = new java.util.HashMap<>(smtp);
        changed.put("port", Integer.toString(port));
        updateRealm(Map.of("smtpServer", changed));
        return () -> updateRealm(Map.of("smtpServer", smtp));
    }

    private static final int LARGE_BODY = 1024 * 1024;

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
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rest.baseUrl() + "/admin" + adminPath))
                    .timeout(Duration.ofMinutes(10))
                    .header("Content-Type", contentType)
                    // A large body asks first (Expect: 100-continue): a server that refuses it by its size answers
                    // before the body is sent, instead of closing the connection under a client still writing.
                    .expectContinue(body.length > LARGE_BODY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (authenticated) {
                request.header("Authorization", "Bearer " + rest.token());
            } else if (otherToken != null && !otherToken.isEmpty()) {
                request.header("Authorization", "Bearer " + otherToken);
            }
            HttpResponse<byte[]> response = rest.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer with its headers (e.g. to check Cache-Control). */
    public record RawAnswer(int status, String body, java.net.http.HttpHeaders headers) {
    }

    /** GET on any admin path (relative to /admin) with the admin's token, or with {@code bearerToken} when not null ("" for none). */
    public RawAnswer getRaw(String adminPath, String bearerToken) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rest.baseUrl() + "/admin" + adminPath))
                    .timeout(Duration.ofSeconds(30)).GET();
            String token = bearerToken == null ? rest.token() : bearerToken;
            if (!token.isEmpty()) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = rest.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new RawAnswer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The admin's bearer token, for requests the other methods cannot send (wrong methods, raw bytes). */
    public String token() {
        return rest.token();
    }

    /** POST without a body on any admin path (relative to /admin); returns the raw answer. */
    public Answer post(String adminPath) {
        return Answer.of(rest.send("POST", "/admin" + adminPath, null));
    }

    /** Sets the requirement (REQUIRED, DISABLED…) of one of the pack's executions until closed. */
    public ConfigChange changeRequirement(String providerId, String requirement) {
        String flow = flowOf(providerId);
        Map<String, Object> execution = flowExecutions(flow).stream()
                .filter(e -> providerId.equals(e.get("providerId"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + providerId + " in " + flow));
        String original = (String) execution.get("requirement");
        setRequirement(flow, execution, requirement);
        return () -> setRequirement(flow, execution, original);
    }

    private void setRequirement(String flow, Map<String, Object> execution, String requirement) {
        Map<String, Object> changed = new java.util.HashMap<>(execution);
        changed.put("requirement", requirement);
        AdminRest.expect(rest.send("PUT", realmPath("/authentication/flows/" + AdminRest.encode(flow) + "/executions"), changed), 204);
    }

    private String flowOf(String providerId) {
        return flowExecutions("kenpo browser forms").stream().anyMatch(e -> providerId.equals(e.get("providerId")))
                ? "kenpo browser forms" : "kenpo reset credentials";
    }

    private String configId(String flowAlias, String providerId) {
        return flowExecutions(flowAlias).stream()
                .filter(e -> providerId.equals(e.get("providerId")))
                .map(e -> (String) e.get("authenticationConfig"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No configured " + providerId + " in the browser flow"));
    }

    private String realmPath(String path) {
        return "/admin/realms/" + realm + path;
    }
}
