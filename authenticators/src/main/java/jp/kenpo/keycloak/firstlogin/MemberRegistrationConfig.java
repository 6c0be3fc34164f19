package jp.kenpo.keycloak.firstlogin;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.common.IntSetting;
import jp.kenpo.keycloak.common.StepConfig;
import jp.kenpo.keycloak.member.Registration;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Settings of 利用者情報入力, with the union manual's values as defaults (in one place). */
public record MemberRegistrationConfig(String defaultNickname, int nicknameMaxLength, int letterPasswordValidityDays,
                                       int lookupPasswordValidityHours) {

    public static final String DEFAULT_NICKNAME = "kenpo.registration.defaultNickname";
    public static final String NICKNAME_MAX_LENGTH = "kenpo.registration.nicknameMaxLength";

    public static final String LETTER_PASSWORD_VALIDITY_DAYS = "kenpo.registration.letterPasswordValidityDays";
    public static final String LOOKUP_PASSWORD_VALIDITY_HOURS = "kenpo.registration.lookupPasswordValidityHours";

    private static final IntSetting S_NICKNAME_MAX = new IntSetting(NICKNAME_MAX_LENGTH, 20, 1, 100);
    private static final IntSetting S_LETTER_DAYS = new IntSetting(LETTER_PASSWORD_VALIDITY_DAYS, 180, 1, 3_650);
    private static final IntSetting S_LOOKUP_HOURS = new IntSetting(LOOKUP_PASSWORD_VALIDITY_HOURS, 72, 1, 8_760);

    public static final MemberRegistrationConfig DEFAULTS = from(Map.of());

    public static MemberRegistrationConfig from(AuthenticatorConfigModel model) {
        return from(StepConfig.of(model));
    }

    public static MemberRegistrationConfig from(Map<String, String> config) {
        String nickname = config.getOrDefault(DEFAULT_NICKNAME, "").trim();
        return new MemberRegistrationConfig(nickname.isEmpty() ? Registration.DEFAULT_NICKNAME : nickname, S_NICKNAME_MAX.read(config),
                S_LETTER_DAYS.read(config), S_LOOKUP_HOURS.read(config));
    }

    /** The settings of the realm's 利用者情報入力 step, for pages outside it. */
    public static MemberRegistrationConfig of(RealmModel realm) {
        return from(StepConfig.of(realm, MemberRegistrationAuthenticatorFactory.PROVIDER_ID));
    }

    static List<ProviderConfigProperty> configProperties() {
        AdminText text = AdminText.of(MemberRegistrationConfig.class);
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create()
                .property().name(DEFAULT_NICKNAME).label(text.get(DEFAULT_NICKNAME + ".label"))
                .helpText(text.get(DEFAULT_NICKNAME + ".help")).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Registration.DEFAULT_NICKNAME).add();
        List.of(S_NICKNAME_MAX, S_LETTER_DAYS, S_LOOKUP_HOURS).forEach(s -> s.addTo(builder, text));
        return builder.build();
    }
}
