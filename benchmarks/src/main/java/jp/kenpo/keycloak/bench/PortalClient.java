package jp.kenpo.keycloak.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** The portal app's side of an authorization-code login with PKCE, for one realm and client. */
final class PortalClient {

    static final String SECRET = "kenpo-bench-portal-secret";

    private static final SecureRandom RANDOM = new SecureRandom();

    record Start(String url, String verifier) {
    }

    private final String realmUrl;
    private final String clientId;
    private final HttpClient http;

    PortalClient(String realmUrl, String clientId, HttpClient http) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.http = http;
    }

    Start start() {
        String verifier = random(32);
        return new Start(realmUrl + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + clientId
                + "&redirect_uri=" + URLEncoder.encode(MemberBrowser.REDIRECT_URI, StandardCharsets.UTF_8)
                + "&state=" + random(12) + "&ui_locales=ja"
                + "&code_challenge_method=S256&code_challenge=" + challenge(verifier), verifier);
    }

    /** Exchanges the code as the confidential client; fails unless tokens come back. */
    void exchange(String code, String verifier) {
        String form = MemberBrowser.encode(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", MemberBrowser.REDIRECT_URI, "code_verifier", verifier,
                "client_id", clientId, "client_secret", SECRET));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"id_token\"")) {
                throw new IllegalStateException("Token endpoint answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
