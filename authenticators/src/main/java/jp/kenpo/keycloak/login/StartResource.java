package jp.kenpo.keycloak.login;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kenpo.keycloak.common.LoginEntry;
import jp.kenpo.keycloak.common.StartScreen;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * {@code /realms/<realm>/kenpo-start/<screen>?client_id=…&tab_id=…}: the target of links that open
 * one of the pack's screens from a page of another flow (e.g. ID・パスワードの取得 from パスワード再発行).
 * The links carry no secret; an unknown screen opens ログイン.
 */
public class StartResource implements RealmResourceProvider {

    private final KeycloakSession session;

    public StartResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @GET
    @Path("{screen}")
    @Produces(MediaType.TEXT_HTML)
    public Response start(@PathParam("screen") String screen, @QueryParam("client_id") String clientId,
                          @QueryParam("tab_id") String tabId) {
        RealmModel realm = session.getContext().getRealm();
        return LoginEntry.continueAt(session, realm, LoginEntry.resumeOrFresh(session, realm, clientId, tabId),
                StartScreen.ofPathName(screen).orElse(StartScreen.LOGIN));
    }

    @Override
    public void close() {
    }
}
