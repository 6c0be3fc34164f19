package jp.kenpo.keycloak.lookup;

import java.util.Map;

import jp.kenpo.keycloak.mail.MailJob;
import jp.kenpo.keycloak.mail.MemberMailer;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Approval mode: the link mail 「お問い合わせ結果のご連絡」, sent once the insured member approved. */
record LookupLinkMail(String address, String languageTag, String link, int validityHours) implements MailJob {

    @Override
    public String description() {
        return "Lookup link mail after approval";
    }

    @Override
    public String recipient() {
        return address;
    }

    @Override
    public void send(KeycloakSession session, RealmModel realm) throws EmailException {
        new MemberMailer(session, realm).sendToAddress(address, languageTag, LookupMail.SUBJECT, "kenpo-lookup-result.ftl",
                Map.of("link", link, "validityHours", validityHours));
    }
}
