package jp.kenpo.keycloak.common;

import java.util.List;
import java.util.Map;

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
 * in the member's language.
 */
public final class MemberMailer {

    private final KeycloakSession session;
    private final RealmModel realm;

    public MemberMailer(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * Renders {@code html/<template>} and {@code text/<template>} and sends them to the user's address.
     * The subject is the message {@code subjectKey} with the union's name as {0}.
     */
    public void send(UserModel user, AuthenticationSessionModel authSession, String subjectKey, String template,
                     Map<String, Object> attributes) throws EmailException {
        EmailTemplateProvider provider = session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user);
        if (authSession != null) {
            provider.setAuthenticationSession(authSession);
        }
        provider.send(subjectKey, List.of(unionName()), template, attributes);
    }

    /**
     * Sends to an address that need not belong to any account (e.g. 新規利用登録 by email). The mail is
     * rendered for a transient user carrying only the address, in the language of the current screen.
     */
    public void sendToAddress(String address, String subjectKey, String template, Map<String, Object> attributes)
            throws EmailException {
        sendToAddress(address, null, subjectKey, template, attributes);
    }

    /** As {@link #sendToAddress(String, String, String, Map)}, in the given language (e.g. the one of the request that queued the mail). */
    public void sendToAddress(String address, String languageTag, String subjectKey, String template, Map<String, Object> attributes)
            throws EmailException {
        UserModel recipient = new InMemoryUserAdapter(session, realm, "kenpo-mail-recipient");
        recipient.setEmail(address);
        if (languageTag != null) {
            recipient.setSingleAttribute(UserModel.LOCALE, languageTag);
        }
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(recipient)
                .send(subjectKey, List.of(unionName()), template, attributes, address);
    }

    /** The union's name as members know it: the realm's display name, set in one place. */
    public String unionName() {
        String displayName = realm.getDisplayName();
        return displayName == null || displayName.isBlank() ? realm.getName() : displayName;
    }
}
