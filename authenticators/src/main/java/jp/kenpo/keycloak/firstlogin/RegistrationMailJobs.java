package jp.kenpo.keycloak.firstlogin;

import java.util.List;

import jp.kenpo.keycloak.mail.MailJobKinds;
import org.keycloak.events.EventType;

/** The mail jobs of 新規利用登録 by email, for the mail outbox. */
public class RegistrationMailJobs implements MailJobKinds {

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("registration-start", RegistrationStartMail.class, EventType.SEND_VERIFY_EMAIL_ERROR));
    }
}
