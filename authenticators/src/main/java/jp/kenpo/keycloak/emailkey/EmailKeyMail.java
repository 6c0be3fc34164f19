package jp.kenpo.keycloak.emailkey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.kenpo.keycloak.common.UnionName;
import jp.kenpo.keycloak.mail.MemberMailer;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

/**
 * The 暗証キー mail: the realm's email theme ({@code kenpo-email-key.ftl}, text and HTML) and SMTP settings,
 * as {@link MemberMailer} sends every mail of the pack, but rendered once per realm, language and theme
 * and then filled in with each member's key ({@link RenderedOnce}): the mail goes out on every login, and
 * its rendering was most of the step's server time. Where the realm's email template provider is not
 * Keycloak's FreeMarker one, or the template depends on the member, every mail is rendered as before.
 */
final class EmailKeyMail {

    private static final RenderedOnce RENDERED = new RenderedOnce(Time::currentTimeMillis);

    private EmailKeyMail() {
    }

    static void send(KeycloakSession session, RealmModel realm, UserModel user, AuthenticationSessionModel authSession, String key,
                     int validityMinutes) throws EmailException {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("validityMinutes", validityMinutes);
        EmailTemplateProvider configured = session.getProvider(EmailTemplateProvider.class);
        if (!(configured instanceof FreeMarkerEmailTemplateProvider) || user.getEmail() == null) {
            Map<String, Object> withKey = new HashMap<>(attributes);
            withKey.put("emailKey", key);
            new MemberMailer(session, realm).send(user, authSession, EmailKeyMessages.MAIL_SUBJECT, EmailKeyAuthenticator.MAIL_TEMPLATE, withKey);
            return;
        }
        String union = UnionName.of(realm);
        Locale locale = session.getContext().resolveLocale(user);
        // Everything the rendering reads apart from the member and the key: it is kept per these.
        List<Object> cacheKey = List.of(realm.getId(), String.valueOf(realm.getEmailTheme()), locale, union, validityMinutes,
                String.valueOf(session.getContext().getUri().getBaseUri()),
                realm.getRealmLocalizationTextsByLocale(locale.toLanguageTag()).hashCode());
        RenderedOnce.Mail mail = RENDERED.mail(cacheKey, key, (k, standIn) -> {
            Map<String, Object> all = new HashMap<>(attributes);
            all.put("emailKey", k);
            all.put(MemberMailer.UNION_NAME, union);
            return new Rendering(session).render(realm, standIn ? standIn(session, realm, user, locale) : user, union, all);
        });
        session.getProvider(EmailSenderProvider.class).send(realm.getSmtpConfig(), user, mail.subject(), mail.text(), mail.html());
    }

    /**
     * A member who shares nothing with {@code user} but the language: every name, address and attribute
     * differs, so a template that shows any of them renders differently for the two.
     */
    private static UserModel standIn(KeycloakSession session, RealmModel realm, UserModel user, Locale locale) {
        UserModel other = new InMemoryUserAdapter(session, realm, "kenpo-stand-in");
        other.setUsername("kenpo-stand-in-" + user.getUsername());
        other.setEmail("stand-in." + user.getEmail());
        other.setFirstName("stand-in " + user.getFirstName());
        other.setLastName("stand-in " + user.getLastName());
        user.getAttributes().forEach((name, values) -> {
            if (!UserModel.LOCALE.equals(name) && !isProfileField(name)) {
                List<String> changed = new ArrayList<>();
                values.forEach(v -> changed.add("stand-in " + v));
                other.setAttribute(name, changed);
            }
        });
        other.setSingleAttribute(UserModel.LOCALE, locale.toLanguageTag());
        return other;
    }

    private static boolean isProfileField(String name) {
        return UserModel.USERNAME.equals(name) || UserModel.EMAIL.equals(name) || UserModel.FIRST_NAME.equals(name)
                || UserModel.LAST_NAME.equals(name);
    }

    /** Keycloak's own rendering of a theme mail (subject, text, HTML), without sending it. */
    private static final class Rendering extends FreeMarkerEmailTemplateProvider {
        Rendering(KeycloakSession session) {
            super(session);
        }

        RenderedOnce.Mail render(RealmModel realm, UserModel user, String union, Map<String, Object> attributes) throws EmailException {
            setRealm(realm);
            setUser(user);
            EmailTemplate t = processTemplate(EmailKeyMessages.MAIL_SUBJECT, List.of(union), EmailKeyAuthenticator.MAIL_TEMPLATE, attributes);
            return new RenderedOnce.Mail(t.getSubject(), t.getTextBody(), t.getHtmlBody());
        }
    }
}
