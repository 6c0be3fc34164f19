package jp.kenpo.keycloak.lookup;


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
import jp.kenpo.keycloak.common.TemporaryPasswordGenerator;
import jp.kenpo.keycloak.common.UnionName;
import jp.kenpo.keycloak.mail.QueuedMail;
import jp.kenpo.keycloak.member.Households;
import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.member.Registration;
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
        if (!LookupLinks.isLive(session, realm, key)) {
            return used(realm);
        }
        return page(form(realm).setAttribute("kenpoRevealKey", key)
                .setAttribute("kenpoRevealAction", session.getContext().getUri().getRequestUriBuilder().replaceQuery(null).build().toString())
                .createForm("kenpo-lookup-reveal.ftl"));
    }

    @POST
    @Path("credentials")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response reveal(@FormParam("key") String key) {
        RealmModel realm = session.getContext().getRealm();
        String userId = LookupLinks.consume(session, realm, key);
        UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
        if (user == null || !user.isEnabled() || MemberLookup.isRegistered(user)) {
            return used(realm);
        }
        String temporary = TemporaryPasswordGenerator.generate();
        user.credentialManager().updateCredential(UserCredentialModel.password(temporary, false));
        user.setSingleAttribute(MemberAttributes.REGISTRATION, Registration.PENDING);
        new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.RESET_PASSWORD).user(user)
                .detail(EventDetails.LOOKUP, "credentials_shown").success();
        notifyInsured(realm, user);
        return page(form(realm)
                .setAttribute("kenpoLoginId", user.getUsername())
                .setAttribute("kenpoTemporaryPassword", temporary)
                .setAttribute("kenpoLoginUrl", Urls.accountBase(session.getContext().getUri().getBaseUri()).path("/").build(realm.getName()).toString())
                .createForm("kenpo-lookup-credentials.ftl"));
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
        return session.getProvider(LoginFormsProvider.class).setAttribute("kenpoUnion", UnionName.of(realm));
    }

    private Response used(RealmModel realm) {
        return page(form(realm).createForm("kenpo-lookup-used.ftl"));
    }

    /** Pages that show or lead to credentials are never stored by browsers or proxies. */
    private static Response page(Response response) {
        return Response.fromResponse(response)
                .header("Cache-Control", "no-store, no-cache, must-revalidate")
                .header("Pragma", "no-cache")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    @Override
    public void close() {
    }
}
