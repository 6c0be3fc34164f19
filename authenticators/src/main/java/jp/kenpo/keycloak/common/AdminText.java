package jp.kenpo.keycloak.common;

import java.text.MessageFormat;
import java.util.Properties;

/**
 * Labels and help texts shown in the admin console for a feature's configuration.
 *
 * <p>The admin console shows a provider's label and help text as given, in one language, whatever
 * the admin's locale. Union admins read Japanese and IT contractors often English, so each text is
 * shown as "日本語 / English", both read from the feature's {@code admin-messages*.properties}
 * (never hard-coded in Java).
 */
public final class AdminText {

    private final Properties japanese;
    private final Properties english;

    private AdminText(Properties japanese, Properties english) {
        this.japanese = japanese;
        this.english = english;
    }

    /** Reads {@code admin-messages.properties} (Japanese) and {@code admin-messages_en.properties} beside {@code feature}. */
    public static AdminText of(Class<?> feature) {
        return new AdminText(Bundle.load(feature, "admin-messages.properties"), Bundle.load(feature, "admin-messages_en.properties"));
    }

    public String get(String key) {
        return format(key);
    }

    /** The text with its {@code {0}}… filled in (pass numbers as strings: they are not regrouped). */
    public String format(String key, Object... params) {
        String ja = fill(japanese.getProperty(key), params);
        String en = fill(english.getProperty(key), params);
        if (ja == null && en == null) {
            throw new IllegalArgumentException("No admin text for " + key);
        }
        if (ja == null || en == null || ja.equals(en)) {
            return ja != null ? ja : en;
        }
        return ja + " / " + en;
    }

    private static String fill(String pattern, Object... params) {
        return pattern == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params);
    }
}
