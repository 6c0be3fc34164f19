package jp.kenpo.keycloak.firstlogin;

import java.util.Locale;
import java.util.Optional;

import jp.kenpo.keycloak.common.ClientAddress;
import jp.kenpo.keycloak.common.EmailAddress;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.Throttle;
import jp.kenpo.keycloak.mail.MailQueue;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * 新規利用登録 by email (manual ②): mails 「利用登録手続きのご案内」 with a one-time link to the 新規利用登録
 * screen. Every valid address gets the same mail and the same answer, whether or not it belongs to an
 * account (nothing is looked up), so the page tells a stranger nothing; the mail goes out after the
 * answer through the pack's mail queue ({@link RegistrationStartMail}).
 */
public final class RegistrationMail {

    public enum Result { SENT, INVALID_ADDRESS, THROTTLED, SEND_FAILED }

    /** The result, the address as taken, and for an invalid address the message that says why. */
    public record Outcome(Result result, String email, String problem) {
        Outcome(Result result, String email) {
            this(result, email, null);
        }
    }

    private RegistrationMail() {
    }

    public static Outcome request(AuthenticationFlowContext context, String typedEmail, RegistrationMailConfig config) {
        String email = EmailAddress.typed(typedEmail);
        Optional<String> problem = EmailAddress.problem(email);
        if (problem.isPresent()) {
            return new Outcome(Result.INVALID_ADDRESS, email, problem.get());
        }
        KeycloakSession session = context.getSession();
        Throttle throttle = Throttle.of(session);
        String client = context.getConnection().getRemoteAddr();
        if (!throttle.admit(context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL_ERROR)
                        .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email)), "kenpo_registration_mail_throttled",
                Throttle.Limit.perHour("registration-mail-client", ClientAddress.throttleKey(client), config.perClientPerHour()),
                Throttle.Limit.perHour("registration-mail-address", email.toLowerCase(Locale.ROOT), config.perAddressPerHour()))) {
            return new Outcome(Result.THROTTLED, email);
        }

        RealmModel realm = context.getRealm();
        // Queued, so the answer never waits for the mail server (keycloak#26625); the same work for every valid address.
        RegistrationStartMail mail = new RegistrationStartMail(email, session.getContext().resolveLocale(null).toLanguageTag(),
                session.getContext().getUri().getBaseUri(), context.getAuthenticationSession().getClient().getClientId(),
                config.validitySeconds(), client);
        if (!session.getProvider(MailQueue.class).submit(realm, mail)) {
            context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL_ERROR)
                    .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email)).error("kenpo_registration_mail_failed");
            return new Outcome(Result.SEND_FAILED, email);
        }
        context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL)
                .detail(EventDetails.REGISTRATION_MAIL, "queued")
                .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email)).success();
        return new Outcome(Result.SENT, email);
    }
}
