package jp.kenpo.keycloak.firstlogin;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.common.IntSetting;
import jp.kenpo.keycloak.common.StepConfig;
import jp.kenpo.keycloak.member.Registration;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Settings of 利用者情報入力, with the union manual's values as defaults (in one place). */
public record MemberRegistrationConfig(String defaultNickname, int nicknameMaxLength) {

    public static final String DEFAULT_NICKNAME = "kenpo.registration.defaultNickname";
    public static final String NICKNAME_MAX_LENGTH = "kenpo.registration.nicknameMaxLength";

    private static final IntSetting S_NICKNAME_MAX = new IntSetting(NICKNAME_MAX_LENGTH, 20, 1, 100);

    public static final MemberRegistrationConfig DEFAULTS = from(Map.of());

    public static MemberRegistrationConfig from(AuthenticatorConfigModel model) {
        return from(StepConfig.of(model));
    }

    public static MemberRegistrationConfig from(Map<String, String> config) {
        String nickname = config.getOrDefault(DEFAULT_NICKNAME, "").trim();
        return new MemberRegistrationConfig(nickname.isEmpty() ? Registration.DEFAULT_NICKNAME : nickname, S_NICKNAME_MAX.read(config));
    }

    static List<ProviderConfigProperty> configProperties() {
        AdminText text = AdminText.of(MemberRegistrationConfig.class);
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create()
                .property().name(DEFAULT_NICKNAME).label(text.get(DEFAULT_NICKNAME + ".label"))
                .helpText(text.get(DEFAULT_NICKNAME + ".help")).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(Registration.DEFAULT_NICKNAME).add();
        return S_NICKNAME_MAX.addTo(builder, text).build();
    }
}
