package jp.kenpo.keycloak.firstlogin;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.Validity;
import jp.kenpo.keycloak.mail.MailJob;
import jp.kenpo.keycloak.mail.MemberMailer;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * 「利用登録手続きのご案内」: issues the one-time link to 新規利用登録 for {@code email} and mails it. The one
 * code path for every route to this mail: the web form (新規利用登録 by email) sends it on its request,
 * the 空メール reply queues it ({@code MailQueue}). Everything it needs is in the record, so it runs
 * without a request: {@code baseUri} is the server's public URL the link starts from (and the token's
 * issuer), {@code clientId} the client the token is issued for, {@code ipAddress} who asked (null for a
 * 空メール). The link is made when the mail is sent, so no secret waits in the queue.
 */
public record RegistrationStartMail(String email, String languageTag, URI baseUri, String clientId, int validitySeconds,
                                    String ipAddress) implements MailJob {

    static final String SUBJECT = "kenpoRegistrationStartSubject";
    static final String TEMPLATE = "kenpo-registration-start.ftl";

    @Override
    public String description() {
        return "Registration mail";
    }

    @Override
    public String recipient() {
        return email;
    }

    @Override
    public void send(KeycloakSession session, RealmModel realm) throws EmailException {
        Map<String, Object> attributes = new HashMap<>(Validity.mailAttributes(validitySeconds()));
        attributes.put("link", link(session, realm));
        new MemberMailer(session, realm).sendToAddress(email(), languageTag(), SUBJECT, TEMPLATE, attributes);
        new EventBuilder(realm, session).event(EventType.SEND_VERIFY_EMAIL)
                .ipAddress(ipAddress())
                .detail(EventDetails.REGISTRATION_MAIL, "sent")
                .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email()))
                .success();
    }

    private String link(KeycloakSession session, RealmModel realm) {
        RegistrationStartToken token = new RegistrationStartToken();
        token.id(UUID.randomUUID().toString());
        token.type(RegistrationStartToken.TYPE);
        long now = Time.currentTime();
        token.iat(now);
        token.exp(now + validitySeconds());
        token.issuer(Urls.realmIssuer(baseUri(), realm.getName()));
        token.issuedFor(clientId());
        token.setEmail(email());
        String encoded = session.tokens().encode(token);
        return RegistrationStartResource.startUri(baseUri(), realm.getName(), encoded).toString();
    }
}
