package jp.kenpo.keycloak.lookup;

import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.JapanTime;
import jp.kenpo.keycloak.common.NoStore;
import jp.kenpo.keycloak.common.TemporaryPasswordGenerator;
import jp.kenpo.keycloak.common.UnionName;
import jp.kenpo.keycloak.mail.QueuedMail;
import jp.kenpo.keycloak.member.Households;
import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.member.Registration;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * The one-time page of お問い合わせ結果のご連絡 ({@code /realms/<realm>/kenpo-lookup/credentials}).
 * Opening the link shows a button (mail scanners that follow links must not use it up); pressing it
 * consumes the link, issues a fresh temporary password, marks the account not yet registered (so the
 * first login goes through 利用者情報入力, then the email key) and shows the ID and password once,
 * with {@code Cache-Control: no-store}. The insured member of the household is told by mail.
 *
 * <p>During the hold the link shows when it opens; afterwards the button shows the ID, or one neutral page
 * whatever else was found. The insured member's stop and approve links ({@code stop}, {@code approve}) work
 * the same way: opening shows a button, only pressing it acts.
 */
public class LookupCredentialsResource implements RealmResourceProvider {

    static final String PATH = "kenpo-lookup";

    private final KeycloakSession session;

    public LookupCredentialsResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @GET
    @Path("credentials")
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("key") String key) {
        RealmModel realm = session.getContext().getRealm();
        Optional<LookupRequestEntity> request = LookupRequests.find(session, realm, key, LookupRequests.Purpose.LINK, false);
        LookupRequest.LinkPage state = request.map(r -> r.state().link(Time.currentTimeMillis())).orElse(LookupRequest.LinkPage.USED);
        return switch (state) {
            case USED -> used(realm);
            case ON_HOLD -> onHold(realm, request.get());
            case READY -> NoStore.page(form(realm).setAttribute("kenpoRevealKey", key)
                    .setAttribute("kenpoRevealAction", action())
                    .createForm("kenpo-lookup-reveal.ftl"));
        };
    }

    @POST
    @Path("credentials")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response reveal(@FormParam("key") String key) {
        RealmModel realm = session.getContext().getRealm();
        Optional<LookupRequestEntity> found = LookupRequests.find(session, realm, key, LookupRequests.Purpose.LINK, true);
        if (found.isEmpty()) {
            return used(realm);
        }
        LookupRequestEntity request = found.get();
        LookupRequest state = request.state();
        UserModel user = request.getUserId() == null ? null : session.users().getUserById(realm, request.getUserId());
        switch (state.reveal(Time.currentTimeMillis())) {
            case USED:
                return used(realm);
            case ON_HOLD:
                event(realm, EventType.RESET_PASSWORD_ERROR, user, request).detail(EventDetails.LOOKUP, "opened_before_hold")
                        .error("kenpo_lookup_on_hold");
                return onHold(realm, request);
            case NEUTRAL:
                // The link is used up; the page is the same for no match, not eligible, registered and stopped.
                request.setLinkHash(null);
                return notCompleted(realm);
            case CREDENTIALS:
            default:
                break;
        }
        request.setLinkHash(null);
        if (user == null || !user.isEnabled() || MemberLookup.isRegistered(user)) {
            return notCompleted(realm);
        }
        request.apply(state.revealed());
        String temporary = TemporaryPasswordGenerator.generate();
        user.credentialManager().updateCredential(UserCredentialModel.password(temporary, false));
        user.setSingleAttribute(MemberAttributes.REGISTRATION, Registration.PENDING);
        user.setSingleAttribute(MemberAttributes.LOOKUP_PASSWORD_ISSUED_AT, Instant.now().toString());
        event(realm, EventType.RESET_PASSWORD, user, request).detail(EventDetails.LOOKUP, "credentials_shown").success();
        notifyInsured(realm, user);
        return NoStore.page(form(realm)
                .setAttribute("kenpoLoginId", user.getUsername())
                .setAttribute("kenpoTemporaryPassword", temporary)
                .createForm("kenpo-lookup-credentials.ftl"));
    }

    /** The insured member's stop link: a page with a button (mail scanners open links); the button stops. */
    @GET
    @Path("stop")
    @Produces(MediaType.TEXT_HTML)
    public Response confirmStop(@QueryParam("key") String key) {
        RealmModel realm = session.getContext().getRealm();
        Optional<LookupRequestEntity> request = LookupRequests.find(session, realm, key, LookupRequests.Purpose.STOP, false);
        if (request.isEmpty()) {
            return household(realm, "ended", key);
        }
        LookupRequest state = request.get().state();
        if (state.status() == LookupRequest.Status.STOPPED) {
            return household(realm, "stopped", key);
        }
        return household(realm, state.canStop(Time.currentTimeMillis()) ? "stop" : "ended", key);
    }

    @POST
    @Path("stop")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response stop(@FormParam("key") String key) {
        RealmModel realm = session.getContext().getRealm();
        Optional<LookupRequestEntity> found = LookupRequests.find(session, realm, key, LookupRequests.Purpose.STOP, true);
        if (found.isEmpty()) {
            return household(realm, "ended", null);
        }
        LookupRequestEntity request = found.get();
        if (request.state().status() == LookupRequest.Status.STOPPED) {
            return household(realm, "stopped", null);
        }
        long now = Time.currentTimeMillis();
        if (!request.state().canStop(now)) {
            return household(realm, "ended", null);
        }
        LookupRequests.Stopped stopped = LookupRequests.stop(session, realm, request, STOPPED_BY_INSURED, now);
        UserModel user = request.getUserId() == null ? null : session.users().getUserById(realm, request.getUserId());
        stoppedEvent(new EventBuilder(realm, session, session.getContext().getConnection()), user, request, STOPPED_BY_INSURED, stopped);
        return household(realm, "stopped", null);
    }

    /** Approval mode: the insured member's approve link; a page with a button, and the button approves and mails the link. */
    @GET
    @Path("approve")
    @Produces(MediaType.TEXT_HTML)
    public Response confirmApprove(@QueryParam("key") String key) {
        RealmModel realm = session.getContext().getRealm();
        Optional<LookupRequestEntity> request = LookupRequests.find(session, realm, key, LookupRequests.Purpose.APPROVE, false);
        boolean live = request.isPresent() && request.get().state().canApprove(Time.currentTimeMillis());
        return household(realm, live ? "approve" : "ended", key);
    }

    @POST
    @Path("approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response approve(@FormParam("key") String key) {
        RealmModel realm = session.getContext().getRealm();
        Optional<LookupRequestEntity> found = LookupRequests.find(session, realm, key, LookupRequests.Purpose.APPROVE, true);
        long now = Time.currentTimeMillis();
        if (found.isEmpty() || !found.get().state().canApprove(now) || found.get().getEmail() == null) {
            return household(realm, "ended", null);
        }
        LookupRequestEntity request = found.get();
        LookupConfig config = LookupConfig.of(realm);
        request.apply(request.state().approved(now, config.linkValiditySeconds() * 1000L));
        request.setApproveHash(null);
        String address = request.getEmail();
        request.setEmail(null);
        UserModel user = request.getUserId() == null ? null : session.users().getUserById(realm, request.getUserId());
        QueuedMail.submit(session, realm, new LookupLinkMail(address, request.getLanguage(), request.getId(),
                        session.getContext().getUri().getBaseUri(), config.linkValidityHours()),
                event(realm, EventType.SEND_RESET_PASSWORD_ERROR, user, request).detail(EventDetails.LOOKUP, "link_not_queued"));
        event(realm, EventType.RESET_PASSWORD, user, request).detail(EventDetails.LOOKUP, "approved").success();
        return household(realm, "approved", null);
    }

    /** Who stopped a request, as events and the staff list name it. */
    static final String STOPPED_BY_INSURED = "insured";

    static void stoppedEvent(EventBuilder builder, UserModel user, LookupRequestEntity request, String by, LookupRequests.Stopped stopped) {
        builder.event(EventType.RESET_PASSWORD).user(user)
                .detail(EventDetails.LOOKUP, stopped.recovered() ? "stopped_recovered" : "stopped")
                .detail(EventDetails.LOOKUP_REQUEST, request.getId())
                .detail(EventDetails.LOOKUP_STOPPED_BY, by)
                .detail(EventDetails.ENDED_SESSIONS, Integer.toString(stopped.endedSessions()))
                .success();
    }

    private EventBuilder event(RealmModel realm, EventType type, UserModel user, LookupRequestEntity request) {
        EventBuilder builder = new EventBuilder(realm, session, session.getContext().getConnection()).event(type)
                .detail(EventDetails.LOOKUP_REQUEST, request.getId());
        return user == null ? builder : builder.user(user);
    }

    private String action() {
        return session.getContext().getUri().getRequestUriBuilder().replaceQuery(null).build().toString();
    }

    private void notifyInsured(RealmModel realm, UserModel dependent) {
        Households.of(session, realm, dependent)
                .filter(u -> MemberAttributes.RELATIONSHIP_SELF.equals(u.getFirstAttribute(MemberAttributes.RELATIONSHIP)))
                .filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
                .findFirst()
                .ifPresent(insured -> QueuedMail.submit(session, realm, new HouseholdNoticeMail(insured.getEmail(),
                        session.getContext().resolveLocale(insured).toLanguageTag(), JapanTime.nowForMail()),
                        new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.RESET_PASSWORD_ERROR)
                                .user(dependent).detail(EventDetails.LOOKUP, "household_notice")));
    }

    private LoginFormsProvider form(RealmModel realm) {
        // Pages of a mail link have no login attempt to go back to: their ログイン画面へ button starts one.
        return session.getProvider(LoginFormsProvider.class).setAttribute("kenpoUnion", UnionName.of(realm))
                .setAttribute("kenpoLoginUrl", Urls.accountBase(session.getContext().getUri().getBaseUri()).path("/").build(realm.getName()).toString());
    }

    private Response onHold(RealmModel realm, LookupRequestEntity request) {
        return NoStore.page(form(realm).setAttribute("kenpoOpensAt", LookupMail.forMail(request.getOpensAt() == null ? request.getCreatedAt()
                : request.getOpensAt())).setAttribute("kenpoAwaitingApproval", request.getOpensAt() == null)
                .createForm("kenpo-lookup-on-hold.ftl"));
    }

    private Response notCompleted(RealmModel realm) {
        return NoStore.page(form(realm).createForm("kenpo-lookup-not-completed.ftl"));
    }

    /** The insured member's pages: {@code stop} and {@code approve} (a button), {@code stopped}, {@code approved}, {@code ended}. */
    private Response household(RealmModel realm, String state, String key) {
        LoginFormsProvider form = form(realm).setAttribute("kenpoHouseholdState", state);
        if (key != null) {
            form.setAttribute("kenpoHouseholdKey", key).setAttribute("kenpoHouseholdAction", action());
        }
        return NoStore.page(form.createForm("kenpo-lookup-household.ftl"));
    }

    private Response used(RealmModel realm) {
        return NoStore.page(form(realm).createForm("kenpo-lookup-used.ftl"));
    }


    @Override
    public void close() {
    }
}
