package jp.kenpo.keycloak.firstlogin;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.kenpo.keycloak.common.ClientAddress;
import jp.kenpo.keycloak.common.EmailAddress;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.Throttle;
import jp.kenpo.keycloak.common.Validity;
import jp.kenpo.keycloak.mail.MemberMailer;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * 新規利用登録 by email (manual ②): mails 「利用登録手続きのご案内」 with a one-time link to the 新規利用登録
 * screen. Every valid address gets the same mail and the same answer, whether or not it belongs to an
 * account (nothing is looked up), so the page tells a stranger nothing.
 */
public final class RegistrationMail {

    private static final Logger LOG = Logger.getLogger(RegistrationMail.class);

    static final String SUBJECT = "kenpoRegistrationStartSubject";
    static final String TEMPLATE = "kenpo-registration-start.ftl";

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
        String link = link(session, realm, email, config, context.getAuthenticationSession().getClient().getClientId());
        Map<String, Object> attributes = new HashMap<>(Validity.mailAttributes(config.validitySeconds()));
        attributes.put("link", link);
        MemberMailer mailer = new MemberMailer(session, realm);
        try {
            mailer.sendToAddress(email, null, SUBJECT, TEMPLATE, attributes);
        } catch (EmailException e) {
            LOG.warnf("Registration mail could not be sent (%s)", e.getClass().getSimpleName());
            context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL_ERROR)
                    .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email)).error("kenpo_registration_mail_failed");
            return new Outcome(Result.SEND_FAILED, email);
        }
        context.getEvent().clone().event(EventType.SEND_VERIFY_EMAIL)
                .detail(EventDetails.REGISTRATION_MAIL, "sent")
                .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email)).success();
        return new Outcome(Result.SENT, email);
    }

    private static String link(KeycloakSession session, RealmModel realm, String email, RegistrationMailConfig config, String clientId) {
        RegistrationStartToken token = new RegistrationStartToken();
        token.id(UUID.randomUUID().toString());
        token.type(RegistrationStartToken.TYPE);
        long now = Time.currentTime();
        token.iat(now);
        token.exp(now + config.validitySeconds());
        token.issuer(Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        token.issuedFor(clientId);
        token.setEmail(email);
        String encoded = session.tokens().encode(token);
        return RegistrationStartResource.startUri(session.getContext().getUri().getBaseUri(), realm.getName(), encoded).toString();
    }
}
