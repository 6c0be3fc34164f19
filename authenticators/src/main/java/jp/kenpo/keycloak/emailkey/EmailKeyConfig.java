package jp.kenpo.keycloak.emailkey;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.common.IntSetting;
import jp.kenpo.keycloak.common.StepConfig;
import jp.kenpo.keycloak.common.Validity;
import jp.kenpo.keycloak.trust.TrustedBrowserConfig;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The email key's settings, typed, with the union manual's values as defaults (in one place) and
 * bounds that keep a typo from producing a 1-digit key or a key that never expires. The key has at
 * least 8 digits whatever an admin configures (fewer would make guessing within the brute-force limits too likely).
 */
public record EmailKeyConfig(int digits, int validitySeconds, int maxAttempts, int resendIntervalSeconds, int maxResends,
        int mailsPerHour) {

    public static final String DIGITS = "kenpo.emailKey.digits";
    public static final String VALIDITY_SECONDS = "kenpo.emailKey.validitySeconds";
    public static final String MAX_ATTEMPTS = "kenpo.emailKey.maxAttempts";
    public static final String RESEND_INTERVAL_SECONDS = "kenpo.emailKey.resendIntervalSeconds";
    public static final String MAX_RESENDS = "kenpo.emailKey.maxResends";
    public static final String MAILS_PER_HOUR = "kenpo.emailKey.mailsPerHour";

    private static final IntSetting S_DIGITS = new IntSetting(DIGITS, 10, 8, 12);
    private static final IntSetting S_VALIDITY = new IntSetting(VALIDITY_SECONDS, 600, 1, 3600);
    private static final IntSetting S_ATTEMPTS = new IntSetting(MAX_ATTEMPTS, 5, 1, 20);
    private static final IntSetting S_INTERVAL = new IntSetting(RESEND_INTERVAL_SECONDS, 30, 0, 600);
    private static final IntSetting S_RESENDS = new IntSetting(MAX_RESENDS, 5, 0, 20);
    /** Key mails to one member per hour across all login attempts (whoever holds the password starts new ones). */
    private static final IntSetting S_MAILS_PER_HOUR = new IntSetting(MAILS_PER_HOUR, 10, 1, 100);
    private static final List<IntSetting> SETTINGS = List.of(S_DIGITS, S_VALIDITY, S_ATTEMPTS, S_INTERVAL, S_RESENDS, S_MAILS_PER_HOUR);

    public static final EmailKeyConfig DEFAULTS = from(Map.of());

    public static EmailKeyConfig from(AuthenticatorConfigModel model) {
        return from(StepConfig.of(model));
    }

    public static EmailKeyConfig from(Map<String, String> config) {
        return new EmailKeyConfig(S_DIGITS.read(config), S_VALIDITY.read(config), S_ATTEMPTS.read(config),
                S_INTERVAL.read(config), S_RESENDS.read(config), S_MAILS_PER_HOUR.read(config));
    }

    /** Validity in whole minutes for the member's texts, rounded up (a 90 s key is "2 minutes", never "1"). */
    public int validityMinutes() {
        return Validity.minutes(validitySeconds);
    }

    static List<ProviderConfigProperty> configProperties() {
        AdminText text = AdminText.of(EmailKeyConfig.class);
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        SETTINGS.forEach(s -> s.addTo(builder, text));
        // このブラウザを信頼する is offered on this step's screen, so its setting sits with the step's.
        TrustedBrowserConfig.addTo(builder);
        return builder.build();
    }
}
