package jp.kenpo.keycloak.firstlogin;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.AdminText;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Settings of 利用者情報入力, with the union manual's values as defaults (in one place). */
public record MemberRegistrationConfig(String defaultNickname, int nicknameMaxLength) {

    public static final String DEFAULT_NICKNAME = "kenpo.registration.defaultNickname";
    public static final String NICKNAME_MAX_LENGTH = "kenpo.registration.nicknameMaxLength";

    private static final String DEFAULT_NICKNAME_VALUE = "ご本人";
    private static final int DEFAULT_NICKNAME_MAX = 20;

    public static final MemberRegistrationConfig DEFAULTS = from(Map.of());

    public static MemberRegistrationConfig from(AuthenticatorConfigModel model) {
        return from(model == null || model.getConfig() == null ? Map.of() : model.getConfig());
    }

    public static MemberRegistrationConfig from(Map<String, String> config) {
        String nickname = config.getOrDefault(DEFAULT_NICKNAME, "").trim();
        int max = DEFAULT_NICKNAME_MAX;
        try {
            String raw = config.get(NICKNAME_MAX_LENGTH);
            if (raw != null && !raw.isBlank()) {
                max = Math.max(1, Math.min(100, Integer.parseInt(raw.trim())));
            }
        } catch (NumberFormatException ignored) {
            // keep the default
        }
        return new MemberRegistrationConfig(nickname.isEmpty() ? DEFAULT_NICKNAME_VALUE : nickname, max);
    }

    static List<ProviderConfigProperty> configProperties() {
        AdminText text = AdminText.of(MemberRegistrationConfig.class);
        return ProviderConfigurationBuilder.create()
                .property().name(DEFAULT_NICKNAME).label(text.get(DEFAULT_NICKNAME + ".label"))
                .helpText(text.get(DEFAULT_NICKNAME + ".help")).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(DEFAULT_NICKNAME_VALUE).add()
                .property().name(NICKNAME_MAX_LENGTH).label(text.get(NICKNAME_MAX_LENGTH + ".label"))
                .helpText(text.get(NICKNAME_MAX_LENGTH + ".help")).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(String.valueOf(DEFAULT_NICKNAME_MAX)).add()
                .build();
    }
}
