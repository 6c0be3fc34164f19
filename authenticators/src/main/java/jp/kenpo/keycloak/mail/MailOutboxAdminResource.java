package jp.kenpo.keycloak.mail;

import jp.kenpo.keycloak.common.PackAdminResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.BadRequestException;
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
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/<realm>/kenpo-mail-outbox}: the state of the mail outbox (realm-management role
 * view-users): the realm's mails per state, the bound and how full it is (all realms), and the realm's mails in
 * one state, oldest first ({@code state}: dead by default, or pending, sending, sent; address masked, never the mail);
 * and a retry of a dead mail (manage-users). Answers are never cached.
 */
public class MailOutboxAdminResource extends PackAdminResource {

    static final String RESOURCE = "KENPO_MAIL_OUTBOX";
    static final int MAX_PAGE = 500;
    static final List<String> STATES = List.of(MailOutboxRules.PENDING, MailOutboxRules.SENDING, MailOutboxRules.SENT, MailOutboxRules.DEAD);

    public MailOutboxAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        super(session, realm, auth, adminEvent);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@QueryParam("state") @DefaultValue(MailOutboxRules.DEAD) String state,
                           @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max) {
        auth.users().requireView();
        if (!STATES.contains(state)) {
            throw new BadRequestException("state must be one of " + STATES);
        }
        EntityManager em = MailOutbox.em(session);
        MailOutboxSettings settings = settings();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("maxPending", settings.maxPending());
        answer.put("waiting", MailOutbox.waiting(em));
        answer.put("maxAttempts", settings.retry().maxAttempts());
        answer.put("counts", MailOutbox.counts(em, realm.getId()));
        answer.put("state", state);
        answer.put("mails", MailOutbox.inState(em, realm.getId(), state, first(first), max(max, MAX_PAGE)).stream()
                .map(MailOutboxAdminResource::toMap).toList());
        return NoStore.json(answer);
    }

    @POST
    @Path("{id}/retry")
    @Produces(MediaType.APPLICATION_JSON)
    public Response retry(@PathParam("id") String id) {
        auth.users().requireManage();
        if (!MailOutbox.retry(MailOutbox.em(session), realm.getId(), id, Time.currentTimeMillis())) {
            throw new NotFoundException("No such dead mail");
        }
        factory().ifPresent(f -> f.wakeAfterCommit(session));
        adminEvent.operation(OperationType.ACTION).resource(RESOURCE).resourcePath(session.getContext().getUri())
                .detail(EventDetails.MAIL_JOB, id).success();
        return NoStore.json(Map.of("id", id, "state", MailOutboxRules.PENDING));
    }

    private MailOutboxSettings settings() {
        return factory().map(BackgroundMailQueueFactory::settings).orElse(MailOutboxSettings.DEFAULTS);
    }

    private Optional<BackgroundMailQueueFactory> factory() {
        return session.getKeycloakSessionFactory().getProviderFactory(MailQueue.class, BackgroundMailQueueFactory.ID)
                instanceof BackgroundMailQueueFactory factory ? Optional.of(factory) : Optional.empty();
    }

    static Map<String, Object> toMap(MailOutboxEntity e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.getId());
        m.put("kind", e.getKind());
        m.put("maskedEmail", e.getMaskedEmail());
        m.put("state", e.getState());
        m.put("attempts", e.getAttempts());
        m.put("nextAttemptAt", e.getNextAttemptAt());
        m.put("lastError", e.getLastError());
        m.put("createdAt", e.getCreatedAt());
        m.put("updatedAt", e.getUpdatedAt());
        return m;
    }
}
