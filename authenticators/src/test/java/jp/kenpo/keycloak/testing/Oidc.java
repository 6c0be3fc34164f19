package jp.kenpo.keycloak.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The sample portal app's side of an authorization-code login with PKCE S256. */
public final class Oidc {

    public static final String CLIENT_ID = "kenpo-portal";
    public static final String CLIENT_SECRET = "kenpo-portal-dev-secret";
    public static final String REDIRECT_URI = "http://localhost:3000/callback";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Authorization(String url, String verifier, String state) {
    }

    public static Authorization authorization(String realmUrl, String uiLocale) {
        String verifier = random(32);
        String state = random(16);
        String url = realmUrl + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + CLIENT_ID
                + "&redirect_uri=" + AdminApi.encode(REDIRECT_URI)
                + "&state=" + state
                + "&code_challenge_method=S256&code_challenge=" + challenge(verifier)
                + (uiLocale == null ? "" : "&ui_locales=" + uiLocale);
        return new Authorization(url, verifier, state);
    }

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

    /** Exchanges the code as the confidential portal client; returns the token response. */
    public static Map<String, Object> exchange(String realmUrl, String code, String verifier) {
        String form = "grant_type=authorization_code&code=" + AdminApi.encode(code)
                + "&redirect_uri=" + AdminApi.encode(REDIRECT_URI)
                + "&code_verifier=" + verifier
                + "&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("Token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readValue(response.body(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    private Oidc() {
    }
}
