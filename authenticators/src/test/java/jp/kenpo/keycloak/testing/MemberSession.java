package jp.kenpo.keycloak.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kenpo.keycloak.pages.EmailKeyPage;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;

/** A member logged in to the sample portal: its browser, tokens and the account REST API. */
public final class MemberSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer server;
    private final Browser browser;
    private final Map<String, Object> tokens;

    private MemberSession(KeycloakServer server, Browser browser, Map<String, Object> tokens) {
        this.server = server;
        this.browser = browser;
        this.tokens = tokens;
    }

    /** Logs in through the portal's authorization-code flow, with the email key read from the mail. */
    public static MemberSession login(KeycloakServer server, String loginId, String password, String email) {
        Browser browser = new Browser();
        Oidc.Authorization authorization = Oidc.authorization(server.realmUrl(), null);
        LoginPage login = new LoginPage(browser, browser.get(authorization.url()));
        int before = server.mailbox().count(email);
        Browser.Page next = login.submit(loginId, password);
        if (!next.isPortalRedirect()) {
            EmailKeyPage keyPage = new EmailKeyPage(browser, next);
            next = keyPage.submit(server.mailbox().awaitKey(email, before));
        }
        if (!next.isPortalRedirect()) {
            throw new AssertionError("login did not reach the portal: " + next.uri() + "\n" + next.document().text());
        }
        Map<String, Object> tokens = Oidc.exchange(server.realmUrl(), Oidc.query(next.uri()).get("code"), authorization.verifier());
        return new MemberSession(server, browser, tokens);
    }

    public Browser browser() {
        return browser;
    }

    public String accessToken() {
        return (String) tokens.get("access_token");
    }

    public Map<String, Object> idToken() {
        return Oidc.claims((String) tokens.get("id_token"));
    }

    public Map<String, Object> userinfo() {
        return getJson(server.realmUrl() + "/protocol/openid-connect/userinfo");
    }

    public Map<String, Object> account() {
        return getJson(server.realmUrl() + "/account/?userProfileMetadata=false");
    }

    /** POST /account with a full representation; returns status and body. */
    public AdminApi.Answer updateAccount(Map<String, Object> representation) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.realmUrl() + "/account/"))
                    .header("Authorization", "Bearer " + tokens.get("access_token"))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Accept-Language", "ja")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(representation))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new AdminApi.Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the member's passkeys as プロフィール設定 lists them (account REST API, /account/credentials). */
    @SuppressWarnings("unchecked")
    public List<String> passkeyCredentialIds() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.realmUrl() + "/account/credentials"))
                    .header("Authorization", "Bearer " + tokens.get("access_token"))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            List<Map<String, Object>> types = JSON.readValue(response.body(), new TypeReference<>() { });
            return types.stream().filter(t -> "webauthn-passwordless".equals(t.get("type")))
                    .flatMap(t -> ((List<Map<String, Object>>) t.get("userCredentialMetadatas")).stream())
                    .map(m -> (String) ((Map<String, Object>) m.get("credential")).get("id"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> getJson(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + tokens.get("access_token"))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readValue(response.body(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
