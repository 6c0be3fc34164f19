package jp.kenpo.keycloak.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A portal app's side of an authorization-code login with PKCE S256, for one realm and confidential
 * client. The static methods are the test realm's sample portal ({@code kenpo-portal}).
 */
public final class Oidc {

    public static final String CLIENT_ID = "kenpo-portal";
    public static final String CLIENT_SECRET = "kenpo-portal-test-secret";
    public static final String REDIRECT_URI = "http://localhost:3000/callback";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where to send the member's browser, and what the app keeps until the code comes back. */
    public record Authorization(String url, String verifier, String state) {
    }

    private final String realmUrl;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final HttpClient http;

    public Oidc(String realmUrl, String clientId, String clientSecret, String redirectUri, HttpClient http) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        this.http = http;
    }

    /** The test realm's sample portal. */
    public static Oidc portal(String realmUrl) {
        return new Oidc(realmUrl, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, HttpClient.newHttpClient());
    }

    public static Authorization authorization(String realmUrl, String uiLocale) {
        return portal(realmUrl).authorization(uiLocale);
    }

    /** Exchanges the code as the sample portal; returns the token response. */
    public static Map<String, Object> exchange(String realmUrl, String code, String verifier) {
        return portal(realmUrl).exchange(code, verifier);
    }

    /** @param uiLocale the {@code ui_locales} the app asks for, or null */
    public Authorization authorization(String uiLocale) {
        String verifier = random(32);
        String state = random(16);
        String url = realmUrl + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + clientId
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&state=" + state
                + "&code_challenge_method=S256&code_challenge=" + challenge(verifier)
                + (uiLocale == null ? "" : "&ui_locales=" + uiLocale);
        return new Authorization(url, verifier, state);
    }

    /** Exchanges the code as the confidential client; returns the token response, or fails. */
    public Map<String, Object> exchange(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(Browser.formBody(form))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            Map<String, Object> tokens = JSON.readValue(response.body(), new TypeReference<>() { });
            if (!tokens.containsKey("id_token")) {
                throw new IllegalStateException("No ID token for scope openid: " + tokens.keySet());
            }
            return tokens;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The query parameters of a redirect to the app. */
    public static Map<String, String> query(URI redirect) {
        Map<String, String> params = new HashMap<>();
        String raw = redirect.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** The claims of a JWT (signature checked by Keycloak's token endpoint having issued it to us over loopback). */
    public static Map<String, Object> claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(payload), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
