package jp.kenpo.keycloak.forgot;

import java.util.Locale;

import jakarta.ws.rs.core.MultivaluedMap;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.InputNormalizer;
import jp.kenpo.keycloak.common.MailQueue;
import jp.kenpo.keycloak.common.PackAuthenticator;
import jp.kenpo.keycloak.common.Throttle;
import jp.kenpo.keycloak.lookup.LookupScreens;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.utils.EmailValidationUtil;

/**
 * パスワード再発行 (the realm's reset-credentials flow): メールアドレス → 送信. The answer is the same
 * page, in the same time, for every valid address: looking the address up, issuing temporary passwords
 * and mailing happen on {@link MailQueue} after the response.
 */
public class PasswordReissueAuthenticator extends PackAuthenticator {

    static final String FORM = "kenpo-password-reissue.ftl";
    static final String SENT = "kenpo-password-reissue-sent.ftl";
    static final String FIELD = "reissueEmail";

    private final MailQueue queue;

    PasswordReissueAuthenticator(MailQueue queue) {
        this.queue = queue;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(context.form().createForm(FORM));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (LookupScreens.handle(context)) {
            return;
        }
        MultivaluedMap<String, String> formData = context.getHttpRequest().getDecodedFormParameters();
        String email = InputNormalizer.compact(formData.getFirst(FIELD) == null ? "" : formData.getFirst(FIELD));
        if (email.isEmpty() || !EmailValidationUtil.isValidEmail(email)) {
            context.challenge(context.form().setAttribute("kenpoReissueEmail", email)
                    .addError(new FormMessage(FIELD, email.isEmpty() ? "kenpoEmailRequired" : "kenpoEmailInvalid"))
                    .createForm(FORM));
            return;
        }
        ForgotConfig config = ForgotConfig.from(context.getAuthenticatorConfig());
        Throttle throttle = new Throttle(context.getSession().singleUseObjects());
        String ip = context.getConnection().getRemoteAddr();
        if (!throttle.tryAcquire("reissue-client", ip, config.perClientPerHour(), 3600)
                || !throttle.tryAcquire("reissue-address", email.toLowerCase(Locale.ROOT), config.perAddressPerHour(), 3600)) {
            context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD_ERROR)
                    .detail("kenpo_masked_email", EmailMasker.mask(email)).error("kenpo_reissue_throttled");
            context.challenge(context.form().setAttribute("kenpoReissueEmail", email)
                    .setError("kenpoReissueThrottled").createForm(FORM));
            return;
        }
        KeycloakSession session = context.getSession();
        ReissueMail.Request request = new ReissueMail.Request(email,
                session.getContext().resolveLocale(null).toLanguageTag(),
                context.getAuthenticationSession().getClient().getClientId(),
                context.getAuthenticationSession().getTabId(),
                session.getContext().getUri().getBaseUri(),
                ip, config);
        queue.submit(context.getRealm().getId(), "Password reissue mail", ReissueMail.job(request));
        context.getEvent().clone().event(EventType.RESET_PASSWORD)
                .detail("kenpo_reissue", "requested")
                .detail("kenpo_masked_email", EmailMasker.mask(email)).success();
        context.challenge(context.form().createForm(SENT));
    }


    /** Asked before anyone is known: the address is all it gets. */
    @Override
    public boolean requiresUser() {
        return false;
    }
}
