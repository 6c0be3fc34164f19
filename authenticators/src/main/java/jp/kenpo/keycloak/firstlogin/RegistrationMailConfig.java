package jp.kenpo.keycloak.firstlogin;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.AdminText;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** 新規利用登録 by email: the link's validity and the request limits, with defaults in one place. */
public record RegistrationMailConfig(int validitySeconds, int perAddressPerHour, int perClientPerHour) {

    public static final String VALIDITY_SECONDS = "kenpo.registrationMail.validitySeconds";
    public static final String PER_ADDRESS_PER_HOUR = "kenpo.registrationMail.perAddressPerHour";
    public static final String PER_CLIENT_PER_HOUR = "kenpo.registrationMail.perClientPerHour";

    private record Setting(String key, int defaultValue, int min, int max) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting(VALIDITY_SECONDS, 86_400, 1, 604_800),
            new Setting(PER_ADDRESS_PER_HOUR, 3, 1, 100),
            new Setting(PER_CLIENT_PER_HOUR, 20, 1, 10_000));

    public static final RegistrationMailConfig DEFAULTS = from(Map.of());

    public static RegistrationMailConfig from(AuthenticatorConfigModel model) {
        return from(model == null || model.getConfig() == null ? Map.of() : model.getConfig());
    }

    public static RegistrationMailConfig from(Map<String, String> config) {
        return new RegistrationMailConfig(read(config, SETTINGS.get(0)), read(config, SETTINGS.get(1)), read(config, SETTINGS.get(2)));
    }

    /** Whole hours for the mail when the link lives an hour or more, rounded up. */
    public int validityHours() {
        return (validitySeconds + 3599) / 3600;
    }

    /** Whole minutes for the mail when the link lives less than an hour, rounded up. */
    public int validityMinutes() {
        return (validitySeconds + 59) / 60;
    }

    public static List<ProviderConfigProperty> configProperties() {
        AdminText text = AdminText.of(RegistrationMailConfig.class);
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (Setting s : SETTINGS) {
            builder.property().name(s.key()).label(text.get(s.key() + ".label"))
                    .helpText(text.get(s.key() + ".help") + " (" + s.min() + "–" + s.max() + ")")
                    .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(s.defaultValue())).add();
        }
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
