package jp.kenpo.keycloak.firstlogin.emptymail;

import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.firstlogin.RegistrationStartMail;
import jp.kenpo.keycloak.mail.MailJob;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The reply to one 空メール: the same 「利用登録手続きのご案内」 as the web form, then the event that says it went out. */
record EmptyMailReply(RegistrationStartMail mail) implements MailJob {

    @Override
    public String description() {
        return "Empty-mail registration reply";
    }

    @Override
    public String recipient() {
        return mail.email();
    }

    @Override
    public void send(KeycloakSession session, RealmModel realm) throws EmailException {
        mail.send(session, realm);
        new EventBuilder(realm, session).event(EventType.SEND_VERIFY_EMAIL)
                .detail(EventDetails.EMPTY_MAIL, "answered")
                .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(mail.email()))
                .success();
    }
}
