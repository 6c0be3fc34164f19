package jp.kenpo.keycloak.forgot;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.common.IntSetting;
import jp.kenpo.keycloak.common.StepConfig;
import jp.kenpo.keycloak.common.TemporaryPasswordGenerator;
import jp.kenpo.keycloak.common.Validity;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
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

    private static final IntSetting S_VALIDITY = new IntSetting(VALIDITY_SECONDS, 10_800, 1, 86_400);
    private static final IntSetting S_LENGTH = new IntSetting(TEMPORARY_PASSWORD_LENGTH, TemporaryPasswordGenerator.LENGTH, 8, 39);
    private static final IntSetting S_ADDRESS = new IntSetting(PER_ADDRESS_PER_HOUR, 3, 1, 100);
    private static final IntSetting S_CLIENT = new IntSetting(PER_CLIENT_PER_HOUR, 20, 1, 10_000);

    public static final ForgotConfig DEFAULTS = from(Map.of());

    public static ForgotConfig from(AuthenticatorConfigModel model) {
        return from(StepConfig.of(model));
    }

    /** The settings of the realm's パスワード再発行 step, for screens outside it (仮ログイン). */
    public static ForgotConfig of(RealmModel realm) {
        return from(StepConfig.of(realm, PasswordReissueAuthenticatorFactory.PROVIDER_ID));
    }

    public static ForgotConfig from(Map<String, String> config) {
        String end = config.get(END_OTHER_SESSIONS);
        return new ForgotConfig(S_VALIDITY.read(config), S_LENGTH.read(config), S_ADDRESS.read(config), S_CLIENT.read(config),
                end == null || end.isBlank() || Boolean.parseBoolean(end.trim()));
    }

    /** Validity in whole hours for the mail when it is an hour or more, rounded up. */
    public int validityHours() {
        return Validity.hours(validitySeconds);
    }

    public int validityMinutes() {
        return Validity.minutes(validitySeconds);
    }

    static List<ProviderConfigProperty> configProperties() {
        AdminText text = AdminText.of(ForgotConfig.class);
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        List.of(S_VALIDITY, S_LENGTH, S_ADDRESS, S_CLIENT).forEach(s -> s.addTo(builder, text));
        return builder.property().name(END_OTHER_SESSIONS).label(text.get(END_OTHER_SESSIONS + ".label"))
                .helpText(text.get(END_OTHER_SESSIONS + ".help")).type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("true").add().build();
    }
}
