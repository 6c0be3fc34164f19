package jp.kenpo.keycloak.lookup;

import java.util.List;

import jp.kenpo.keycloak.mail.MailJobKinds;
import org.keycloak.events.EventType;

/** The mail jobs of ID・パスワードの取得, for the mail outbox. */
public class LookupMailJobs implements MailJobKinds {

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("lookup-result", LookupMail.class, EventType.SEND_RESET_PASSWORD_ERROR),
                new Kind("lookup-link", LookupLinkMail.class, EventType.SEND_RESET_PASSWORD_ERROR),
                new Kind("household-notice", HouseholdNoticeMail.class, EventType.RESET_PASSWORD_ERROR));
    }
}
