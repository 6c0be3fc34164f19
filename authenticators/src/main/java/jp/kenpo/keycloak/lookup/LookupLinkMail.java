package jp.kenpo.keycloak.lookup;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jp.kenpo.keycloak.common.ServerKey;
import jp.kenpo.keycloak.mail.MailJob;
import jp.kenpo.keycloak.mail.MemberMailer;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Approval mode: the link mail 「お問い合わせ結果のご連絡」, sent once the insured member approved. The link's key is
 * issued when the mail is sent (its hash stored with the request in the same transaction), so no secret waits in
 * the mail outbox; a failed attempt rolls its key back and the next attempt issues another.
 */
record LookupLinkMail(String address, String languageTag, String requestId, URI baseUri, int validityHours) implements MailJob {

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
        Optional<LookupRequestEntity> request = LookupRequests.byId(session, realm, requestId);
        if (request.isEmpty()) {
            return;
        }
        String key = LookupRequests.newKey(ServerKey.Ring.of(session, realm).active(), request.get(), LookupRequests.Purpose.LINK);
        new MemberMailer(session, realm).sendToAddress(address, languageTag, LookupMail.SUBJECT, "kenpo-lookup-result.ftl",
                Map.of("link", LookupMail.url(baseUri, realm, "credentials", key), "validityHours", validityHours));
    }
}
