package jp.kenpo.keycloak.common;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
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
 * Starts the browser flow at one of the pack's screens ({@link StartScreen}) from a link in a mail
 * or on a page: in the member's own login attempt when the link is opened in the same browser (so the
 * portal app that started it gets the member back), otherwise in a new attempt that ends in the
 * account console. The flow step that owns the screen takes the start note when the flow runs.
 */
public final class LoginEntry {

    /** {@code /realms/<realm>/kenpo-start/<screen>}: the page that opens a screen from a link. */
    public static final String START_PATH = "kenpo-start";
    private static final String START_SCREEN_NOTE = "kenpo.login.startScreen";

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

    /** This browser's login attempt for that client and tab, or a new one for the account console. */
    public static AuthenticationSessionModel resumeOrFresh(KeycloakSession session, RealmModel realm, String clientId, String tabId) {
        AuthenticationSessionModel authSession = resume(session, realm, clientId, tabId);
        return authSession != null ? authSession : fresh(session, realm);
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
    public static Response continueAt(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession, StartScreen screen) {
        authSession.setAuthNote(START_SCREEN_NOTE, screen.name());
        session.getContext().setAuthenticationSession(authSession);
        URI next = new AuthenticationFlowURLHelper(session, realm, session.getContext().getUri()).getLastExecutionUrl(authSession);
        return Response.status(Response.Status.FOUND).location(next).header("Cache-Control", "no-store").build();
    }

    /** The screen this attempt was started at, taken (so it counts once) only when it is one of {@code mine}. */
    public static Optional<StartScreen> take(AuthenticationSessionModel authSession, Set<StartScreen> mine) {
        String note = authSession.getAuthNote(START_SCREEN_NOTE);
        for (StartScreen screen : mine) {
            if (screen.name().equals(note)) {
                authSession.removeAuthNote(START_SCREEN_NOTE);
                return Optional.of(screen);
            }
        }
        return Optional.empty();
    }

    /** A link that opens {@code screen} in this login attempt (or, in another browser, in a new one). */
    public static String link(AuthenticationFlowContext context, StartScreen screen) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return UriBuilder.fromUri(context.getSession().getContext().getUri().getBaseUri())
                .path("realms").path(context.getRealm().getName()).path(START_PATH).path(screen.pathName())
                .queryParam("client_id", authSession.getClient().getClientId())
                .queryParam("tab_id", authSession.getTabId())
                .build().toString();
    }
}
