package jp.kenpo.keycloak.lookup.postal;

import jp.kenpo.keycloak.common.PackAdminResource;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.NoStore;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/<realm>/kenpo-postal-requests}: union staff list postal requests (needs the
 * realm's view-users role) and close them (manage-users). The list pages with {@code first} (default 0)
 * and {@code max} (default 100, at most 1,000), oldest first, open requests before closed ones.
 */
public class PostalRequestsAdminResource extends PackAdminResource {

    /** The resource type of the admin events this records (Realm settings → Events → Admin events). */
    static final String RESOURCE = "KENPO_POSTAL_REQUEST";

    public PostalRequestsAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                       AdminEventBuilder adminEvent) {
        super(session, realm, auth, adminEvent);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        auth.users().requireView();
        return NoStore.json(PostalRequests.list(session, realm, status, first, max).stream().map(PostalRequestsAdminResource::toMap).toList());
    }

    @POST
    @Path("{id}/close")
    @Produces(MediaType.APPLICATION_JSON)
    public Response close(@PathParam("id") String id) {
        auth.users().requireManage();
        String by = auth.adminAuth().getUser().getUsername();
        PostalRequestEntity closed = PostalRequests.close(session, realm, id, by);
        if (closed == null) {
            throw new NotFoundException("No such postal request");
        }
        // The request's id only: its content is personal data.
        adminEvent.operation(OperationType.UPDATE).resource(RESOURCE)
                .resourcePath(session.getContext().getUri()).detail(EventDetails.POSTAL_REQUEST, "closed").success();
        return NoStore.json(toMap(closed));
    }


    static Map<String, Object> toMap(PostalRequestEntity e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.getId());
        m.put("createdAt", e.getCreatedAt());
        m.put("status", e.getStatus());
        m.put("name", e.getName());
        m.put("nameKana", e.getNameKana());
        m.put("symbol", e.getSymbol());
        m.put("number", e.getNumber());
        m.put("phone", e.getPhone());
        m.put("category", e.getCategory());
        m.put("message", e.getMessage());
        m.put("postalCode", e.getPostalCode());
        m.put("address", e.getAddress());
        m.put("closedAt", e.getClosedAt());
        m.put("closedBy", e.getClosedBy());
        return m;
    }
}
