package jp.kenpo.keycloak.firstlogin.emptymail;

import java.util.List;

import jp.kenpo.keycloak.mail.MailJobKinds;
import org.keycloak.events.EventType;

/** The 空メール reply, for the mail outbox. */
public class EmptyMailJobs implements MailJobKinds {

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("empty-mail-reply", EmptyMailReply.class, EventType.SEND_VERIFY_EMAIL_ERROR));
    }
}
