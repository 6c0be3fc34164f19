package jp.kenpo.keycloak.firstlogin;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.LoginEntry;
import jp.kenpo.keycloak.common.NoStore;
import jp.kenpo.keycloak.common.StartScreen;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Opens the link of 「利用登録手続きのご案内」 ({@code /realms/<realm>/kenpo-registration/start?key=…}):
 * opening it shows a page with a button; the button checks the token, records it as used, and starts a
 * login at the 新規利用登録 screen with the mailed address prefilled (not verified: its first email key
 * proves it). The login lands in the account console, as Keycloak's own mail links do.
 *
 * <p>Keycloak's action-token endpoint cannot serve this link: it requires the token to name an
 * existing user, and a member asking for this mail is not known yet.
 */
public class RegistrationStartResource implements RealmResourceProvider {

    static final String PATH = "kenpo-registration";
    static final String OPEN = "kenpo-registration-open.ftl";

    private final KeycloakSession session;

    public RegistrationStartResource(KeycloakSession session) {
        this.session = session;
    }

    static URI startUri(URI baseUri, String realmName, String key) {
        return UriBuilder.fromUri(baseUri).path("realms").path(realmName).path(PATH).path("start")
                .queryParam("key", key).build();
    }

    @Override
    public Object getResource() {
        return this;
    }

    /**
     * Opening the link shows a page with a button and uses nothing up: mail gateways' scanners that
     * open links must not spend the member's link.
     */
    @GET
    @Path("start")
    @Produces(MediaType.TEXT_HTML)
    public Response open(@QueryParam("key") String key) {
        RealmModel realm = session.getContext().getRealm();
        RegistrationStartToken token = decode(key, realm);
        if (token == null) {
            return linkProblem("kenpoRegistrationLinkInvalid");
        }
        if (!token.isActive()) {
            return linkProblem("kenpoRegistrationLinkExpired");
        }
        if (session.singleUseObjects().contains(usedKey(token))) {
            return linkProblem("kenpoRegistrationLinkUsed");
        }
        return NoStore.page(session.getProvider(LoginFormsProvider.class)
                .setAttribute("kenpoOpenKey", key)
                .setAttribute("kenpoOpenAction", session.getContext().getUri().getRequestUriBuilder().replaceQuery(null).build().toString())
                .createForm(OPEN));
    }

    /** The button: checks the token, records it as used (once), and starts a login at 新規利用登録. */
    @POST
    @Path("start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response start(@FormParam("key") String key) {
        RealmModel realm = session.getContext().getRealm();
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.EXECUTE_ACTION_TOKEN).detail(EventDetails.REGISTRATION_MAIL, "opened");
        RegistrationStartToken token = decode(key, realm);
        if (token == null) {
            event.error("kenpo_registration_link_invalid");
            return linkProblem("kenpoRegistrationLinkInvalid");
        }
        if (!token.isActive()) {
            event.detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(token.getEmail())).error("kenpo_registration_link_expired");
            return linkProblem("kenpoRegistrationLinkExpired");
        }
        long lifespan = Math.max(1, token.getExp() - Time.currentTime());
        if (!session.singleUseObjects().putIfAbsent(usedKey(token), lifespan)) {
            event.detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(token.getEmail())).error("kenpo_registration_link_used");
            return linkProblem("kenpoRegistrationLinkUsed");
        }

        AuthenticationSessionModel authSession = LoginEntry.fresh(session, realm);
        // Prefilled only: anyone can have this mail sent to an address of theirs and hand the link on,
        // so the address is proven by its first email key, as a typed one.
        authSession.setAuthNote(MemberRegistrationAuthenticator.MAILED_EMAIL_NOTE, token.getEmail());
        event.client(authSession.getClient()).detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(token.getEmail())).success();
        return NoStore.page(LoginEntry.continueAt(session, realm, authSession, StartScreen.FIRST_LOGIN));
    }

    private RegistrationStartToken decode(String key, RealmModel realm) {
        RegistrationStartToken token = key == null || key.isBlank() ? null : session.tokens().decode(key, RegistrationStartToken.class);
        String issuer = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
        if (token == null || !RegistrationStartToken.TYPE.equals(token.getType()) || !issuer.equals(token.getIssuer())
                || token.getEmail() == null) {
            return null;
        }
        return token;
    }

    private static String usedKey(RegistrationStartToken token) {
        return "kenpo-registration-start:" + token.getId();
    }


    private Response linkProblem(String messageKey) {
        return NoStore.page(session.getProvider(LoginFormsProvider.class)
                .setError(messageKey)
                .createErrorPage(Response.Status.BAD_REQUEST));
    }

    @Override
    public void close() {
    }
}
