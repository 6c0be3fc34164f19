package jp.kenpo.keycloak.forgot;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jp.kenpo.keycloak.common.LoginEntry;
import jp.kenpo.keycloak.common.StartScreen;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * The link of 「パスワード再発行のご案内」 ({@code /realms/<realm>/kenpo-reissue/temporary-login}): opens
 * 仮ログイン. The link carries no secret (the temporary password in the mail is the secret); it names
 * the login attempt that asked for the mail, so a member who opens it in the same browser returns to
 * the portal app the attempt came from.
 */
public class TemporaryLoginResource implements RealmResourceProvider {

    static final String PATH = "kenpo-reissue";

    private final KeycloakSession session;

    public TemporaryLoginResource(KeycloakSession session) {
        this.session = session;
    }

    static URI uri(URI baseUri, String realmName, String clientId, String tabId) {
        UriBuilder builder = UriBuilder.fromUri(baseUri).path("realms").path(realmName).path(PATH).path("temporary-login");
        if (clientId != null && tabId != null) {
            builder.queryParam("client_id", clientId).queryParam("tab_id", tabId);
        }
        return builder.build();
    }

    @Override
    public Object getResource() {
        return this;
    }

    @GET
    @Path("temporary-login")
    @Produces(MediaType.TEXT_HTML)
    public Response temporaryLogin(@QueryParam("client_id") String clientId, @QueryParam("tab_id") String tabId) {
        RealmModel realm = session.getContext().getRealm();
        return LoginEntry.continueAt(session, realm, LoginEntry.resumeOrFresh(session, realm, clientId, tabId), StartScreen.TEMPORARY_LOGIN);
    }

    @Override
    public void close() {
    }
}
