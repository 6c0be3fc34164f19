package jp.kenpo.keycloak.login;

import java.net.URI;

import jakarta.ws.rs.core.Response;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.services.util.AuthenticationFlowURLHelper;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * Starts the browser flow at one of the pack's screens from a link in a mail: in the member's own
 * login attempt when the link is opened in the same browser (so the portal app that started it gets
 * the member back), otherwise in a new attempt that ends in the account console.
 */
public final class LoginEntry {

    private LoginEntry() {
    }

    /** The login attempt of this browser for that client and tab, if it still exists. */
    public static AuthenticationSessionModel resume(KeycloakSession session, RealmModel realm, String clientId, String tabId) {
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        if (client == null || !client.isEnabled() || tabId == null) {
            return null;
        }
        AuthenticationSessionModel authSession = new AuthenticationSessionManager(session).getCurrentAuthenticationSession(realm, client, tabId);
        if (authSession != null) {
            AuthenticationProcessor.resetFlow(authSession, LoginActionsService.AUTHENTICATE_PATH);
        }
        return authSession;
    }

    /** A new login attempt for the account console, as Keycloak's own mail links start one. */
    public static AuthenticationSessionModel fresh(KeycloakSession session, RealmModel realm) {
        ClientModel client = realm.getClientByClientId(Constants.ACCOUNT_CONSOLE_CLIENT_ID);
        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session).createAuthenticationSession(realm, true);
        AuthenticationSessionModel authSession = root.createAuthenticationSession(client);
        URI base = session.getContext().getUri().getBaseUri();
        String redirectUri = Urls.accountBase(base).path("/").build(realm.getName()).toString();
        authSession.setAction(AuthenticationSessionModel.Action.AUTHENTICATE.name());
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setRedirectUri(redirectUri);
        authSession.setClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM, redirectUri);
        authSession.setClientNote(OIDCLoginProtocol.RESPONSE_TYPE_PARAM, OAuth2Constants.CODE);
        authSession.setClientNote(OIDCLoginProtocol.ISSUER, Urls.realmIssuer(base, realm.getName()));
        return authSession;
    }

    /** Redirects the browser into the flow, which opens at {@code screen}. */
    public static Response continueAt(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession, String screen) {
        authSession.setAuthNote(LoginIdPasswordForm.START_SCREEN_NOTE, screen);
        session.getContext().setAuthenticationSession(authSession);
        URI next = new AuthenticationFlowURLHelper(session, realm, session.getContext().getUri()).getLastExecutionUrl(authSession);
        return Response.status(Response.Status.FOUND).location(next).header("Cache-Control", "no-store").build();
    }
}
