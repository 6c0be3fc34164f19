package jp.kenpo.keycloak.passkey;

import java.util.List;

import jp.kenpo.keycloak.mail.MailJobKinds;
import org.keycloak.events.EventType;

/** The passkey notices (パスキー登録・削除のお知らせ), for the mail outbox. */
public class PasskeyMailJobs implements MailJobKinds {

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("passkey-notice", PasskeyNotice.class, EventType.SEND_VERIFY_EMAIL_ERROR));
    }
}
