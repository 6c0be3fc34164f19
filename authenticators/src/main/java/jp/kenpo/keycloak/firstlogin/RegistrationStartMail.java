package jp.kenpo.keycloak.firstlogin;

import java.util.HashMap;
import java.util.Map;

import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.Validity;
import jp.kenpo.keycloak.mail.MailJob;
import jp.kenpo.keycloak.mail.MemberMailer;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The background half of 新規利用登録 by email: renders and sends 「利用登録手続きのご案内」 with the link
 * made on the request. Sent after the answer, so the page never waits for the mail server.
 */
record RegistrationStartMail(String email, String languageTag, String link, int validitySeconds, String ipAddress) implements MailJob {

    @Override
    public String description() {
        return "Registration mail";
    }

    @Override
    public void send(KeycloakSession session, RealmModel realm) throws EmailException {
        Map<String, Object> attributes = new HashMap<>(Validity.mailAttributes(validitySeconds()));
        attributes.put("link", link());
        new MemberMailer(session, realm).sendToAddress(email(), languageTag(), RegistrationMail.SUBJECT, RegistrationMail.TEMPLATE, attributes);
        new EventBuilder(realm, session).event(EventType.SEND_VERIFY_EMAIL)
                .ipAddress(ipAddress())
                .detail(EventDetails.REGISTRATION_MAIL, "sent")
                .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email()))
                .success();
    }
}
