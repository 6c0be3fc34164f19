package jp.kenpo.keycloak.forgot;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jp.kenpo.keycloak.common.ClientAddress;
import jp.kenpo.keycloak.common.EmailAddress;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.LoginEntry;
import jp.kenpo.keycloak.common.MailFrom;
import jp.kenpo.keycloak.common.PackAuthenticator;
import jp.kenpo.keycloak.common.StartScreen;
import jp.kenpo.keycloak.common.Throttle;
import jp.kenpo.keycloak.mail.MailQueue;
import jp.kenpo.keycloak.mail.QueuedMail;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.FormMessage;

/**
 * パスワード再発行 (the realm's reset-credentials flow): メールアドレス → 送信. The answer is the same
 * page, in the same time, for every valid address: looking the address up, issuing temporary passwords
 * and mailing happen on {@link MailQueue} after the response.
 */
public class PasswordReissueAuthenticator extends PackAuthenticator {

    static final String FORM = "kenpo-password-reissue.ftl";
    static final String SENT = "kenpo-password-reissue-sent.ftl";
    static final String FIELD = "reissueEmail";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(form(context).createForm(FORM));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        String email = EmailAddress.typed(formData.getFirst(FIELD));
        Optional<String> problem = EmailAddress.problem(email);
        if (problem.isPresent()) {
            context.challenge(form(context).setAttribute("kenpoReissueEmail", email)
                    .addError(new FormMessage(FIELD, problem.get())).createForm(FORM));
            return;
        }
        ForgotConfig config = ForgotConfig.from(context.getAuthenticatorConfig());
        Throttle throttle = Throttle.of(context.getSession());
        String ip = context.getConnection().getRemoteAddr();
        if (!throttle.admit(context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD_ERROR)
                        .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email)), "kenpo_reissue_throttled",
                // The address first: requests refused for their address do not use up the client's count.
                Throttle.Limit.perHour("reissue-address", email.toLowerCase(Locale.ROOT), config.perAddressPerHour()),
                Throttle.Limit.perHour("reissue-client", ClientAddress.throttleKey(ip), config.perClientPerHour()))) {
            context.challenge(form(context).setAttribute("kenpoReissueEmail", email)
                    .setError("kenpoReissueThrottled").createForm(FORM));
            return;
        }
        KeycloakSession session = context.getSession();
        ReissueMail mail = new ReissueMail(email,
                session.getContext().resolveLocale(null).toLanguageTag(),
                context.getAuthenticationSession().getClient().getClientId(),
                context.getAuthenticationSession().getTabId(),
                session.getContext().getUri().getBaseUri(),
                ip, config);
        // Queued for every valid address alike, so a full queue answers the same for every address.
        if (!QueuedMail.submit(session, context.getRealm(), mail, context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD_ERROR)
                .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email)))) {
            context.challenge(form(context).setAttribute("kenpoReissueEmail", email)
                    .setError("kenpoMailQueueFull").createForm(FORM));
            return;
        }
        context.getEvent().clone().event(EventType.RESET_PASSWORD)
                .detail(EventDetails.REISSUE, "requested")
                .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email)).success();
        context.challenge(MailFrom.on(context.form(), context.getRealm()).createForm(SENT));
    }

    /** The form, with the way to ID・パスワードの取得 for members the union has no address of, and the sender to allow. */
    private static LoginFormsProvider form(AuthenticationFlowContext context) {
        return MailFrom.on(context.form(), context.getRealm()).setAttribute("kenpoLookupUrl", LoginEntry.link(context, StartScreen.LOOKUP));
    }

    /** Asked before anyone is known: the address is all it gets. */
    @Override
    public boolean requiresUser() {
        return false;
    }
}
