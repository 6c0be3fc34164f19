package jp.kenpo.keycloak.lookup.postal;

import java.util.List;

import jp.kenpo.keycloak.mail.MailJobKinds;
import org.keycloak.events.EventType;

/** The notice of a postal request to union staff, for the mail outbox. */
public class PostalMailJobs implements MailJobKinds {

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("postal-notice", PostalNoticeMail.class, EventType.RESET_PASSWORD_ERROR));
    }
}
