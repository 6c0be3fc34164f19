package jp.kenpo.keycloak.passkey;

import java.util.Map;

import jp.kenpo.keycloak.mail.MailJob;
import jp.kenpo.keycloak.mail.MemberMailer;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** 「パスキー登録のお知らせ」 or 「パスキー削除のお知らせ」 to one address of the member. */
record PasskeyNotice(String address, String languageTag, String loginId, boolean added, String at) implements MailJob {

    @Override
    public String description() {
        return added ? "Passkey added notice" : "Passkey removed notice";
    }

    @Override
    public String recipient() {
        return address;
    }

    @Override
    public void send(KeycloakSession session, RealmModel realm) throws EmailException {
        new MemberMailer(session, realm).sendToAddress(address, languageTag,
                added ? "kenpoPasskeyAddedSubject" : "kenpoPasskeyRemovedSubject", "kenpo-passkey-notice.ftl",
                Map.of("loginId", loginId, "at", at, "added", added));
    }
}
