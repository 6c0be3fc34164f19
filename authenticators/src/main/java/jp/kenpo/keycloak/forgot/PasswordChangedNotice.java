package jp.kenpo.keycloak.forgot;

import java.util.Map;

import jp.kenpo.keycloak.mail.MailJob;
import jp.kenpo.keycloak.mail.MemberMailer;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** 「パスワード変更のお知らせ」 to one address of an account whose password was changed after 仮ログイン. */
record PasswordChangedNotice(String address, String languageTag, String loginId, String changedAt) implements MailJob {

    @Override
    public String description() {
        return "Password changed notice";
    }

    @Override
    public String recipient() {
        return address;
    }

    @Override
    public void send(KeycloakSession session, RealmModel realm) throws EmailException {
        new MemberMailer(session, realm).sendToAddress(address, languageTag, "kenpoPasswordChangedSubject", "kenpo-password-changed.ftl",
                Map.of("loginId", loginId, "changedAt", changedAt));
    }
}
