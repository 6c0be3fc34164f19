package jp.kenpo.keycloak.bench;

import java.net.http.HttpClient;
import java.time.Duration;

import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;

/** The benchmark realms' portal clients (one redirect URI and secret) and members' browsers that stop there. */
final class PortalClient {

    static final String REDIRECT_URI = "http://127.0.0.1:3000/callback";
    static final String SECRET = "kenpo-bench-portal-secret";

    private PortalClient() {
    }

    /** The confidential client {@code clientId} of a realm. */
    static Oidc of(String realmUrl, String clientId, HttpClient http) {
        return new Oidc(realmUrl, clientId, SECRET, REDIRECT_URI, http);
    }

    /** One virtual member's browser; connections come from {@code http}, shared by all of them. */
    static Browser browser(HttpClient http) {
        return new Browser(http, "ja", REDIRECT_URI, Duration.ofSeconds(120));
    }
}
