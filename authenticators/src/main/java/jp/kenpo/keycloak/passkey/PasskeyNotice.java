package jp.kenpo.keycloak.passkey;

import java.util.Map;

import jp.kenpo.keycloak.mail.MailJob;
import jp.kenpo.keycloak.mail.MemberMailer;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * 「パスキー登録のお知らせ」 or 「パスキー削除のお知らせ」 to one address of the member; {@code byUnion} when union
 * staff removed the passkey in the admin console (a job stored before that component existed reads it as false).
 */
record PasskeyNotice(String address, String languageTag, String loginId, boolean added, String at, boolean byUnion) implements MailJob {

    @Override
    public String description() {
        return added ? "Passkey added notice" : byUnion ? "Passkey removed by the union notice" : "Passkey removed notice";
    }

    @Override
    public String recipient() {
        return address;
    }

    @Override
    public void send(KeycloakSession session, RealmModel realm) throws EmailException {
        String subject = added ? "kenpoPasskeyAddedSubject" : byUnion ? "kenpoPasskeyRemovedByUnionSubject" : "kenpoPasskeyRemovedSubject";
        new MemberMailer(session, realm).sendToAddress(address, languageTag, subject, "kenpo-passkey-notice.ftl",
                Map.of("loginId", loginId, "at", at, "added", added, "byUnion", byUnion));
    }
}
