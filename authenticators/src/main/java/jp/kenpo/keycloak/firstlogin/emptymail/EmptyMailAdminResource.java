package jp.kenpo.keycloak.firstlogin.emptymail;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kenpo.keycloak.common.NoStore;
import jp.kenpo.keycloak.firstlogin.EmptyMailConfig;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code GET /admin/realms/<realm>/kenpo-empty-mail/status}: when the registration mailbox was last
 * read, with what outcome ({@code ok}, {@code unreachable}, {@code not_configured}) and how many mails
 * were received, answered, ignored and throttled then (needs the realm's view-realm role).
 */
public class EmptyMailAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public EmptyMailAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                  AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        auth.realm().requireViewRealm();
        return NoStore.json(EmptyMailStatus.view(session, realm, EmptyMailConfig.of(realm).enabled()));
    }
}
