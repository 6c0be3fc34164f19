package jp.kenpo.keycloak.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.UnionName;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

/**
 * Sends the pack's mails through the realm's email theme and SMTP settings, so that a union
 * restyles or rewords every mail in one place (the {@code kenpo} email theme) and the mail is
 * in the member's language. Every mail gets the union's name: as {@code {0}} of the subject and as
 * {@code unionName} in the template.
 */
public final class MemberMailer {

    /** The template attribute with the union's name (also set by emailkey's key mail, which renders the same way). */
    public static final String UNION_NAME = "unionName";

    private final KeycloakSession session;
    private final RealmModel realm;

    public MemberMailer(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Renders {@code html/<template>} and {@code text/<template>} and sends them to the user's address. */
    public void send(UserModel user, AuthenticationSessionModel authSession, String subjectKey, String template,
                     Map<String, Object> attributes) throws EmailException {
        EmailTemplateProvider provider = session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user);
        if (authSession != null) {
            provider.setAuthenticationSession(authSession);
        }
        String union = UnionName.of(realm);
        provider.send(subjectKey, List.of(union), template, withUnion(attributes, union));
    }

    /**
     * Sends to an address that need not belong to any account (e.g. 新規利用登録 by email), in the given
     * language (e.g. the one of the request that queued the mail; null for the realm's default). The mail
     * is rendered for a transient user carrying only the address.
     */
    public void sendToAddress(String address, String languageTag, String subjectKey, String template, Map<String, Object> attributes)
            throws EmailException {
        UserModel recipient = new InMemoryUserAdapter(session, realm, "kenpo-mail-recipient");
        recipient.setEmail(address);
        if (languageTag != null) {
            recipient.setSingleAttribute(UserModel.LOCALE, languageTag);
        }
        String union = UnionName.of(realm);
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(recipient)
                .send(subjectKey, List.of(union), template, withUnion(attributes, union), address);
    }

    private static Map<String, Object> withUnion(Map<String, Object> attributes, String union) {
        Map<String, Object> all = new HashMap<>(attributes);
        all.put(UNION_NAME, union);
        return all;
    }
}
