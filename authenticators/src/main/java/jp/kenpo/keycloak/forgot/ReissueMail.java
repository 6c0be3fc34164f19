package jp.kenpo.keycloak.forgot;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.common.Validity;
import jp.kenpo.keycloak.mail.MailJob;
import jp.kenpo.keycloak.mail.MemberMailer;
import jp.kenpo.keycloak.member.Registration;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The background half of パスワード再発行: finds the accounts registered with the address, gives each
 * a fresh temporary password, and mails 「パスワード再発行のご案内」 listing every login ID with its own
 * temporary password (families share addresses). An address of no account, or not verified, gets no mail.
 */
record ReissueMail(String email, String languageTag, String clientId, String tabId, URI baseUri, String ipAddress,
                   ForgotConfig config) implements MailJob {

    static final String SUBJECT = "kenpoReissueSubject";
    static final String TEMPLATE = "kenpo-password-reissue.ftl";

    @Override
    public String description() {
        return "Password reissue mail";
    }

    @Override
    public String recipient() {
        return email;
    }

    @Override
    public void send(KeycloakSession session, RealmModel realm) throws EmailException {
        List<UserModel> accounts = accounts(session, realm, email());
        if (accounts.isEmpty()) {
            return;
        }
        List<Map<String, String>> entries = new ArrayList<>();
        for (UserModel account : accounts) {
            String temporary = TemporaryPasswords.issue(session, realm, account, config());
            entries.add(Map.of("loginId", account.getUsername(), "temporaryPassword", temporary));
        }
        MemberMailer mailer = new MemberMailer(session, realm);
        Map<String, Object> attributes = new HashMap<>(Validity.mailAttributes(config().validitySeconds()));
        attributes.put("accounts", entries);
        attributes.put("link", TemporaryLoginResource.uri(baseUri(), realm.getName(), clientId(), tabId()).toString());
        mailer.sendToAddress(email(), languageTag(), SUBJECT, TEMPLATE, attributes);
        for (UserModel account : accounts) {
            new EventBuilder(realm, session).event(EventType.SEND_RESET_PASSWORD).user(account)
                    .ipAddress(ipAddress())
                    .detail(EventDetails.REISSUE, "mail_sent")
                    .detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email()))
                    .success();
        }
    }

    /**
     * Enabled, registered accounts whose address is exactly this one (case-insensitive) and verified, in
     * login-ID order. An address becomes verified by its first email key (or 仮ログイン, which itself
     * needs a mail here); one only typed at 利用者情報入力 or given by an admin never gets a password.
     */
    static List<UserModel> accounts(KeycloakSession session, RealmModel realm, String email) {
        return session.users()
                .searchForUserStream(realm, Map.of(UserModel.EMAIL, email, UserModel.EXACT, Boolean.TRUE.toString()))
                .filter(u -> email.equalsIgnoreCase(u.getEmail()))
                .filter(UserModel::isEnabled)
                .filter(UserModel::isEmailVerified)
                .filter(u -> !Registration.isPending(u))
                .sorted(Comparator.comparing(UserModel::getUsername))
                .toList();
    }
}
