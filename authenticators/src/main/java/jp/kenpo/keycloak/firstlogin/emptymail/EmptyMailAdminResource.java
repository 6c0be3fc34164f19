package jp.kenpo.keycloak.firstlogin.emptymail;

import jp.kenpo.keycloak.common.PackAdminResource;
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
public class EmptyMailAdminResource extends PackAdminResource {

    public EmptyMailAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                  AdminEventBuilder adminEvent) {
        super(session, realm, auth, adminEvent);
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        auth.realm().requireViewRealm();
        return NoStore.json(EmptyMailStatus.view(session, realm, EmptyMailConfig.of(realm).enabled()));
    }
}
