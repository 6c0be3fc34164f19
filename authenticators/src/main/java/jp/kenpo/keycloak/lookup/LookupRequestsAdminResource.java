package jp.kenpo.keycloak.lookup;

import jp.kenpo.keycloak.common.PackAdminResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DefaultValue;
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
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/<realm>/kenpo-lookup-requests}: union staff list the pending requests of
 * ID・パスワードの取得, oldest first and a page at a time (realm-management role view-users), masked (記号・番号
 * and address masked, no names), and stop one (manage-users), which takes back an account already revealed.
 * Answers are never cached.
 */
public class LookupRequestsAdminResource extends PackAdminResource {

    static final String RESOURCE = "KENPO_LOOKUP_REQUEST";
    static final int MAX_PAGE = 500;

    public LookupRequestsAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        super(session, realm, auth, adminEvent);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max) {
        auth.users().requireView();
        List<Map<String, Object>> rows = LookupRequests.pending(session, realm, first(first), max(max, MAX_PAGE),
                Time.currentTimeMillis()).stream().map(LookupRequestsAdminResource::toMap).toList();
        return NoStore.json(rows);
    }

    @POST
    @Path("{id}/stop")
    @Produces(MediaType.APPLICATION_JSON)
    public Response stop(@PathParam("id") String id) {
        auth.users().requireManage();
        LookupRequestEntity request = LookupRequests.byId(session, realm, id).filter(LookupRequestEntity::isMatched)
                .orElseThrow(() -> new NotFoundException("No such lookup request"));
        long now = Time.currentTimeMillis();
        if (request.state().canStop(now)) {
            String by = "staff:" + auth.adminAuth().getUser().getUsername();
            LookupRequests.Stopped stopped = LookupRequests.stop(session, realm, request, by, now);
            UserModel user = request.getUserId() == null ? null : session.users().getUserById(realm, request.getUserId());
            LookupCredentialsResource.stoppedEvent(new EventBuilder(realm, session, session.getContext().getConnection()), user, request,
                    "staff", stopped);
            adminEvent.operation(OperationType.UPDATE).resource(RESOURCE).resourcePath(session.getContext().getUri())
                    .detail(EventDetails.LOOKUP_REQUEST, stopped.recovered() ? "stopped_recovered" : "stopped").success();
        }
        return NoStore.json(toMap(request));
    }

    static Map<String, Object> toMap(LookupRequestEntity e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.getId());
        m.put("createdAt", e.getCreatedAt());
        m.put("opensAt", e.getOpensAt());
        m.put("expiresAt", e.getExpiresAt());
        m.put("delivery", e.getDelivery());
        m.put("status", e.getStatus());
        m.put("userId", e.getUserId());
        m.put("symbol", e.getMaskedSymbol());
        m.put("number", e.getMaskedNumber());
        m.put("maskedEmail", e.getMaskedEmail());
        m.put("endedAt", e.getEndedAt());
        m.put("endedBy", e.getEndedBy());
        return m;
    }
}
