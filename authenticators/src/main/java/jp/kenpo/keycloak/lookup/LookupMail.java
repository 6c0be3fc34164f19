package jp.kenpo.keycloak.lookup;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.UriBuilder;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.common.MailQueue;
import jp.kenpo.keycloak.common.MemberMailer;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * 「[組合] お問い合わせ結果のご連絡 (Results)」, sent after the response whatever the lookup found:
 * a one-time link for a member whose ID can be issued; for a member already registered, the login ID
 * and the way to パスワード再発行, to the account's own address only; otherwise, that no member matched.
 */
final class LookupMail {

    static final String SUBJECT = "kenpoLookupResultSubject";

    record Request(String outcome, String email, String languageTag, URI baseUri, LookupConfig config) {
    }

    private LookupMail() {
    }

    static MailQueue.Job job(Request request) {
        return (session, realm) -> {
            MemberMailer mailer = new MemberMailer(session, realm);
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("unionName", mailer.unionName());
            String[] parts = request.outcome().split(":", 2);
            UserModel user = parts.length == 2 ? session.users().getUserById(realm, parts[1]) : null;
            if ("ISSUABLE".equals(parts[0]) && user != null && !MemberLookup.isRegistered(user)) {
                String key = LookupLinks.create(session, realm, user.getId(), request.config().linkValiditySeconds());
                attributes.put("link", UriBuilder.fromUri(request.baseUri()).path("realms").path(realm.getName())
                        .path(LookupCredentialsResource.PATH).path("credentials").queryParam("key", key).build().toString());
                attributes.put("validityHours", request.config().linkValidityHours());
                mailer.sendToAddress(request.email(), request.languageTag(), SUBJECT, "kenpo-lookup-result.ftl", attributes);
                new EventBuilder(realm, session).event(EventType.SEND_RESET_PASSWORD).user(user)
                        .detail("kenpo_lookup", "link_sent").detail("kenpo_masked_email", EmailMasker.mask(request.email())).success();
            } else if ("REGISTERED".equals(parts[0]) && user != null) {
                if (user.getEmail() == null || user.getEmail().isBlank()) {
                    return;
                }
                attributes.put("loginId", user.getUsername());
                mailer.sendToAddress(user.getEmail(), request.languageTag(), SUBJECT, "kenpo-lookup-registered.ftl", attributes);
                new EventBuilder(realm, session).event(EventType.SEND_RESET_PASSWORD).user(user)
                        .detail("kenpo_lookup", "registered_notice_sent").detail("kenpo_masked_email", EmailMasker.mask(user.getEmail())).success();
            } else {
                mailer.sendToAddress(request.email(), request.languageTag(), SUBJECT, "kenpo-lookup-no-match.ftl", attributes);
            }
        };
    }
}
