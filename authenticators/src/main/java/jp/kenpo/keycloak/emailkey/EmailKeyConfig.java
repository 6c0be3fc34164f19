package jp.kenpo.keycloak.emailkey;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.AdminText;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The email key's settings, typed, with the union manual's values as defaults (in one place).
 * Unset or unreadable values fall back to the default; values are kept within sane bounds so a
 * typo in the admin console cannot produce a 1-digit key or a key that never expires.
 */
public record EmailKeyConfig(int digits, int validitySeconds, int maxAttempts, int resendIntervalSeconds, int maxResends) {

    public static final String DIGITS = "kenpo.emailKey.digits";
    public static final String VALIDITY_SECONDS = "kenpo.emailKey.validitySeconds";
    public static final String MAX_ATTEMPTS = "kenpo.emailKey.maxAttempts";
    public static final String RESEND_INTERVAL_SECONDS = "kenpo.emailKey.resendIntervalSeconds";
    public static final String MAX_RESENDS = "kenpo.emailKey.maxResends";

    private record Setting(String key, int defaultValue, int min, int max) {
    }

    private static final Setting S_DIGITS = new Setting(DIGITS, 10, 6, 12);
    private static final Setting S_VALIDITY = new Setting(VALIDITY_SECONDS, 600, 1, 3600);
    private static final Setting S_ATTEMPTS = new Setting(MAX_ATTEMPTS, 5, 1, 20);
    private static final Setting S_INTERVAL = new Setting(RESEND_INTERVAL_SECONDS, 30, 0, 600);
    private static final Setting S_RESENDS = new Setting(MAX_RESENDS, 5, 0, 20);
    private static final List<Setting> SETTINGS = List.of(S_DIGITS, S_VALIDITY, S_ATTEMPTS, S_INTERVAL, S_RESENDS);

    public static final EmailKeyConfig DEFAULTS = from(Map.of());

    public static EmailKeyConfig from(AuthenticatorConfigModel model) {
        return from(model == null || model.getConfig() == null ? Map.of() : model.getConfig());
    }

    public static EmailKeyConfig from(Map<String, String> config) {
        return new EmailKeyConfig(
                read(config, S_DIGITS),
                read(config, S_VALIDITY),
                read(config, S_ATTEMPTS),
                read(config, S_INTERVAL),
                read(config, S_RESENDS));
    }

    /** Validity in whole minutes for the member's texts, rounded up (a 90 s key is "2 minutes", never "1"). */
    public int validityMinutes() {
        return (validitySeconds + 59) / 60;
    }

    static List<ProviderConfigProperty> configProperties() {
        AdminText text = AdminText.of(EmailKeyConfig.class);
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (Setting s : SETTINGS) {
            builder.property()
                    .name(s.key())
                    .label(text.get(s.key() + ".label"))
                    .helpText(text.get(s.key() + ".help") + " (" + s.min() + "–" + s.max() + ")")
                    .type(ProviderConfigProperty.STRING_TYPE)
                    .defaultValue(String.valueOf(s.defaultValue()))
                    .add();
        }
        return builder.build();
    }

    private static int read(Map<String, String> config, Setting s) {
        String raw = config.get(s.key());
        if (raw == null || raw.isBlank()) {
            return s.defaultValue();
        }
        try {
            int value = Integer.parseInt(raw.trim());
            return Math.max(s.min(), Math.min(s.max(), value));
        } catch (NumberFormatException e) {
            return s.defaultValue();
        }
    }
}
