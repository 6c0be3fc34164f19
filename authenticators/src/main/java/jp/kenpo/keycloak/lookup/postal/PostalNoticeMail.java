package jp.kenpo.keycloak.lookup.postal;

import java.util.Map;

import jp.kenpo.keycloak.mail.MailJob;
import jp.kenpo.keycloak.mail.MemberMailer;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Tells union staff that a postal request is waiting (its number only: no personal data in the mail). */
record PostalNoticeMail(String staffAddress, String requestId) implements MailJob {

    @Override
    public String description() {
        return "Postal request notice";
    }

    @Override
    public String recipient() {
        return staffAddress;
    }

    @Override
    public void send(KeycloakSession session, RealmModel realm) throws EmailException {
        new MemberMailer(session, realm).sendToAddress(staffAddress, "ja", "kenpoPostalNoticeSubject", "kenpo-postal-notice.ftl",
                Map.of("requestId", requestId));
    }
}
