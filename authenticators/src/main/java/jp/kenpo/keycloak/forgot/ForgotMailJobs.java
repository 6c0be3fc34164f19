package jp.kenpo.keycloak.forgot;

import java.util.List;

import jp.kenpo.keycloak.mail.MailJobKinds;
import org.keycloak.events.EventType;

/** The mail jobs of パスワード再発行 and パスワード変更, for the mail outbox. */
public class ForgotMailJobs implements MailJobKinds {

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("password-reissue", ReissueMail.class, EventType.SEND_RESET_PASSWORD_ERROR),
                new Kind("password-changed", PasswordChangedNotice.class, EventType.UPDATE_PASSWORD_ERROR));
    }
}
