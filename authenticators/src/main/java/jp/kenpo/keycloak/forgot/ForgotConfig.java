package jp.kenpo.keycloak.forgot;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.AdminText;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** パスワード再発行 settings, with the union manual's values as defaults (in one place). */
public record ForgotConfig(int validitySeconds, int temporaryPasswordLength, int perAddressPerHour, int perClientPerHour,
                           boolean endOtherSessions) {

    public static final String VALIDITY_SECONDS = "kenpo.reissue.validitySeconds";
    public static final String TEMPORARY_PASSWORD_LENGTH = "kenpo.reissue.temporaryPasswordLength";
    public static final String PER_ADDRESS_PER_HOUR = "kenpo.reissue.perAddressPerHour";
    public static final String PER_CLIENT_PER_HOUR = "kenpo.reissue.perClientPerHour";
    public static final String END_OTHER_SESSIONS = "kenpo.reissue.endOtherSessions";

    private record Setting(String key, int defaultValue, int min, int max) {
    }

    private static final Setting S_VALIDITY = new Setting(VALIDITY_SECONDS, 10_800, 1, 86_400);
    private static final Setting S_LENGTH = new Setting(TEMPORARY_PASSWORD_LENGTH, 10, 8, 39);
    private static final Setting S_ADDRESS = new Setting(PER_ADDRESS_PER_HOUR, 3, 1, 100);
    private static final Setting S_CLIENT = new Setting(PER_CLIENT_PER_HOUR, 20, 1, 10_000);
    private static final List<Setting> SETTINGS = List.of(S_VALIDITY, S_LENGTH, S_ADDRESS, S_CLIENT);

    public static final ForgotConfig DEFAULTS = from(Map.of());

    public static ForgotConfig from(AuthenticatorConfigModel model) {
        return from(model == null || model.getConfig() == null ? Map.of() : model.getConfig());
    }

    public static ForgotConfig from(Map<String, String> config) {
        String end = config.get(END_OTHER_SESSIONS);
        return new ForgotConfig(read(config, S_VALIDITY), read(config, S_LENGTH), read(config, S_ADDRESS),
                read(config, S_CLIENT), end == null || end.isBlank() || Boolean.parseBoolean(end.trim()));
    }

    /** Validity in whole hours for the mail when it is an hour or more, rounded up. */
    public int validityHours() {
        return (validitySeconds + 3599) / 3600;
    }

    public int validityMinutes() {
        return (validitySeconds + 59) / 60;
    }

    static List<ProviderConfigProperty> configProperties() {
        AdminText text = AdminText.of(ForgotConfig.class);
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (Setting s : SETTINGS) {
            builder.property().name(s.key()).label(text.get(s.key() + ".label"))
                    .helpText(text.get(s.key() + ".help") + " (" + s.min() + "–" + s.max() + ")")
                    .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(s.defaultValue())).add();
        }
        builder.property().name(END_OTHER_SESSIONS).label(text.get(END_OTHER_SESSIONS + ".label"))
                .helpText(text.get(END_OTHER_SESSIONS + ".help")).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true").add();
        return builder.build();
    }

    private static int read(Map<String, String> config, Setting s) {
        String raw = config.get(s.key());
        if (raw == null || raw.isBlank()) {
            return s.defaultValue();
        }
        try {
            return Math.max(s.min(), Math.min(s.max(), Integer.parseInt(raw.trim())));
        } catch (NumberFormatException e) {
            return s.defaultValue();
        }
    }
}
