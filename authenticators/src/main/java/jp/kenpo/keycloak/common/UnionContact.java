package jp.kenpo.keycloak.common;

import java.util.Map;

import org.keycloak.models.RealmModel;

/**
 * The union's 問い合わせ先 (name, TEL, hours, email, web page) and the page 「自分のID、パスワードで何ができるの？」,
 * set once per language by the union in the admin console: Realm settings → Localization → Realm overrides, keys
 * {@link #NAME} … {@link #HELP_URL}. Screens and mails read the same keys as messages ({@code msg("kenpoContactTel")}
 * in {@code footer.ftl} and the mail layout {@code kenpo-mail.ftl}); the letter reads them here. The bundles hold the
 * keys empty: an unset contact shows nothing and the texts keep saying 「健康保険組合へお問い合わせください」.
 */
public record UnionContact(String name, String tel, String hours, String email, String url, String helpUrl) {

    public static final String NAME = "kenpoContactName";
    public static final String TEL = "kenpoContactTel";
    public static final String HOURS = "kenpoContactHours";
    public static final String EMAIL = "kenpoContactEmail";
    public static final String URL = "kenpoContactUrl";
    public static final String HELP_URL = "kenpoContactHelpUrl";

    /** The contact as set for the language (e.g. {@code ja}); blanks for what is not set. */
    public static UnionContact of(RealmModel realm, String languageTag) {
        Map<String, String> texts = realm.getRealmLocalizationTextsByLocale(languageTag);
        return of(texts == null ? Map.of() : texts);
    }

    static UnionContact of(Map<String, String> texts) {
        return new UnionContact(text(texts, NAME), text(texts, TEL), text(texts, HOURS), text(texts, EMAIL),
                text(texts, URL), text(texts, HELP_URL));
    }

    private static String text(Map<String, String> texts, String key) {
        String value = texts.get(key);
        return value == null ? "" : value.strip();
    }

    /** Whether there is anything to show (a name or a way to reach the union). */
    public boolean isSet() {
        return !name.isEmpty() || !tel.isEmpty() || !email.isEmpty() || !url.isEmpty();
    }
}
