package jp.kenpo.keycloak.lookup;

import java.util.Map;

import jp.kenpo.keycloak.mail.MailJob;
import jp.kenpo.keycloak.mail.MemberMailer;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Tells the insured member of a household that a dependent's ID and temporary password were shown. */
record HouseholdNoticeMail(String address, String languageTag, String issuedAt) implements MailJob {

    @Override
    public String description() {
        return "Household notice";
    }

    @Override
    public String recipient() {
        return address;
    }

    @Override
    public void send(KeycloakSession session, RealmModel realm) throws EmailException {
        new MemberMailer(session, realm).sendToAddress(address, languageTag, "kenpoHouseholdNoticeSubject",
                "kenpo-household-notice.ftl", Map.of("issuedAt", issuedAt));
    }
}
