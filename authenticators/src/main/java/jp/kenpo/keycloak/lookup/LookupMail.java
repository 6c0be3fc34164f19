package jp.kenpo.keycloak.lookup;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.UriBuilder;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.EventDetails;
import jp.kenpo.keycloak.mail.MailJob;
import jp.kenpo.keycloak.mail.MemberMailer;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * 「[組合] お問い合わせ結果のご連絡 (Results)」, sent after the response whatever the lookup found:
 * a one-time link for a member whose ID can be issued; for a member already registered, the login ID
 * and the way to パスワード再発行, to the account's own address only; otherwise, that no member matched.
 */
record LookupMail(LookupOutcome outcome, String email, String languageTag, URI baseUri, LookupConfig config) implements MailJob {

    static final String SUBJECT = "kenpoLookupResultSubject";

    @Override
    public String description() {
        return "Lookup result mail";
    }

    @Override
    public void send(KeycloakSession session, RealmModel realm) throws EmailException {
        MemberMailer mailer = new MemberMailer(session, realm);
        Map<String, Object> attributes = new HashMap<>();
        UserModel user = outcome.userId() == null ? null : session.users().getUserById(realm, outcome.userId());
        if (outcome.kind() == MemberLookup.Kind.ISSUABLE && user != null && !MemberLookup.isRegistered(user)) {
            String key = LookupLinks.create(session, realm, user.getId(), config.linkValiditySeconds());
            attributes.put("link", UriBuilder.fromUri(baseUri).path("realms").path(realm.getName())
                    .path(LookupCredentialsResource.PATH).path("credentials").queryParam("key", key).build().toString());
            attributes.put("validityHours", config.linkValidityHours());
            mailer.sendToAddress(email, languageTag, SUBJECT, "kenpo-lookup-result.ftl", attributes);
            new EventBuilder(realm, session).event(EventType.SEND_RESET_PASSWORD).user(user)
                    .detail(EventDetails.LOOKUP, "link_sent").detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(email)).success();
        } else if (outcome.kind() == MemberLookup.Kind.REGISTERED && user != null) {
            if (user.getEmail() == null || user.getEmail().isBlank()) {
                return;
            }
            attributes.put("loginId", user.getUsername());
            mailer.sendToAddress(user.getEmail(), languageTag, SUBJECT, "kenpo-lookup-registered.ftl", attributes);
            new EventBuilder(realm, session).event(EventType.SEND_RESET_PASSWORD).user(user)
                    .detail(EventDetails.LOOKUP, "registered_notice_sent").detail(EventDetails.MASKED_EMAIL, EmailMasker.mask(user.getEmail())).success();
        } else {
            mailer.sendToAddress(email, languageTag, SUBJECT, "kenpo-lookup-no-match.ftl", attributes);
        }
    }
}
