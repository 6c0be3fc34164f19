package jp.kenpo.keycloak.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.PasswordChangePage;
import jp.kenpo.keycloak.pages.ReissuePage;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No token without the pack's steps: a password grant (OAuth "direct access grant") to the realm's
 * token endpoint, which would skip the email key and every page of the pack, fails for every kind of
 * member through every client the realm has, including the ones Keycloak creates (admin-cli, account…).
 */
@ExtendWith(KeycloakServerExtension.class)
class DirectGrantIT {

    private static final String PASSWORD = "Kenpo2026Ab";
    private static final Pattern TEMPORARY = Pattern.compile("ログインID：(\\S+)\\s+仮パスワード：(\\S+)");

    private final KeycloakServer server;

    DirectGrantIT(KeycloakServer server) {
        this.server = server;
    }

    /** A client as the test sees it: its id, and its secret when it is confidential (an attacker who has it). */
    private record Client(String clientId, String secret) {
    }

    /** Every client of the realm, listed now, so that a client added later is covered too. */
    private List<Client> everyClient() {
        List<Map<String, Object>> clients = server.admin().get("/realms/kenpo/clients?max=1000", new TypeReference<>() { });
        List<Client> all = new ArrayList<>();
        for (Map<String, Object> c : clients) {
            String secret = null;
            if (!Boolean.TRUE.equals(c.get("publicClient")) && !Boolean.TRUE.equals(c.get("bearerOnly"))) {
                Map<String, Object> s = server.admin().get("/realms/kenpo/clients/" + c.get("id") + "/client-secret", new TypeReference<>() { });
                secret = (String) s.get("value");
            }
            all.add(new Client((String) c.get("clientId"), secret));
        }
        return all;
    }

    private HttpResponse<String> passwordGrant(Client client, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client.clientId());
        if (client.secret() != null) {
            form.put("client_secret", client.secret());
        }
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Browser.formBody(form))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Tries the login ID and password through every client; collects every client that handed out a token. */
    private void assertNoClientGivesATokenFor(String who, String username, String password) {
        List<Client> clients = everyClient();
        assertTrue(clients.stream().anyMatch(c -> c.clientId().equals("admin-cli")), "Keycloak's own clients are listed too: " + clients);
        List<String> gaveTokens = new ArrayList<>();
        for (Client client : clients) {
            HttpResponse<String> answer = passwordGrant(client, username, password);
            if (answer.statusCode() == 200 || answer.body().contains("access_token")) {
                gaveTokens.add(client.clientId() + " (" + answer.statusCode() + ")");
            }
        }
        assertEquals(List.of(), gaveTokens, who + ": a password grant must give no token through any client");
    }

    @Test
    void aRegisteredMembersLoginIdAndPasswordGiveNoTokenThroughAnyClient() {
        String loginId = Members.loginId("dg");
        server.admin().createMember(loginId, loginId + "@example.jp", PASSWORD,
                Map.of("kenpoRegistration", List.of("registered")));
        assertNoClientGivesATokenFor("registered member", loginId, PASSWORD);
    }

    @Test
    void aLettersPreIssuedIdAndTemporaryPasswordGiveNoTokenThroughAnyClient() {
        String loginId = Members.preIssuedId();
        String temporary = Members.temporaryPassword();
        server.admin().createPreIssuedMember(loginId, temporary);
        assertNoClientGivesATokenFor("pending (letter) member", loginId, temporary);
    }

    @Test
    void afterATemporaryLoginNeitherPasswordGivesATokenThroughAnyClient() {
        String loginId = Members.loginId("dg");
        String email = loginId + "@example.jp";
        server.admin().createMember(loginId, email, PASSWORD);
        Browser browser = new Browser();
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
        ReissuePage form = new ReissuePage(browser, browser.get(login.forgotLink().absUrl("href")));
        assertTrue(form.send(email).isSentPage());
        var mail = server.mailbox().awaitNext(email, 0);
        Matcher m = TEMPORARY.matcher(mail.text());
        assertTrue(m.find(), mail.text());
        String temporary = m.group(2);

        // 仮ログイン: the member is at パスワード変更, not done yet.
        LoginPage temporaryLogin = new LoginPage(browser, browser.get(mail.link()));
        PasswordChangePage change = new PasswordChangePage(browser, temporaryLogin.submit(loginId, temporary));
        assertEquals("パスワード変更", change.title());

        assertNoClientGivesATokenFor("member after 仮ログイン (temporary password)", loginId, temporary);
        assertNoClientGivesATokenFor("member after 仮ログイン (current password)", loginId, PASSWORD);
    }

    @Test
    void theRealmBindsADenyAllDirectGrantFlowAndNoClientOverridesIt() {
        Map<String, Object> realm = server.admin().realm();
        String flow = (String) realm.get("directGrantFlow");
        List<Map<String, Object>> executions = server.admin().flowExecutions(flow);
        assertEquals(List.of("deny-access-authenticator"), executions.stream().map(e -> e.get("providerId")).toList(), flow);
        assertEquals("REQUIRED", executions.get(0).get("requirement"));

        List<Map<String, Object>> clients = server.admin().get("/realms/kenpo/clients?max=1000", new TypeReference<>() { });
        for (Map<String, Object> c : clients) {
            assertFalse(Boolean.TRUE.equals(c.get("directAccessGrantsEnabled")), c.get("clientId") + " has direct grants on");
            Object overrides = c.get("authenticationFlowBindingOverrides");
            assertFalse(overrides instanceof Map<?, ?> o && o.containsKey("direct_grant"),
                    c.get("clientId") + " overrides the direct-grant flow: " + overrides);
        }
    }
}
