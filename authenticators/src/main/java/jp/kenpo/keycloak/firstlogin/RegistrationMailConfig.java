package jp.kenpo.keycloak.firstlogin;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.common.IntSetting;
import jp.kenpo.keycloak.common.StepConfig;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** 新規利用登録 by email: the link's validity and the request limits, with defaults in one place. */
public record RegistrationMailConfig(int validitySeconds, int perAddressPerHour, int perClientPerHour) {

    public static final String VALIDITY_SECONDS = "kenpo.registrationMail.validitySeconds";
    public static final String PER_ADDRESS_PER_HOUR = "kenpo.registrationMail.perAddressPerHour";
    public static final String PER_CLIENT_PER_HOUR = "kenpo.registrationMail.perClientPerHour";

    private static final IntSetting S_VALIDITY = new IntSetting(VALIDITY_SECONDS, 86_400, 1, 604_800);
    private static final IntSetting S_ADDRESS = new IntSetting(PER_ADDRESS_PER_HOUR, 3, 1, 100);
    private static final IntSetting S_CLIENT = new IntSetting(PER_CLIENT_PER_HOUR, 20, 1, 10_000);

    public static final RegistrationMailConfig DEFAULTS = from(Map.of());

    public static RegistrationMailConfig from(AuthenticatorConfigModel model) {
        return from(StepConfig.of(model));
    }

    public static RegistrationMailConfig from(Map<String, String> config) {
        return new RegistrationMailConfig(S_VALIDITY.read(config), S_ADDRESS.read(config), S_CLIENT.read(config));
    }

    public static List<ProviderConfigProperty> configProperties() {
        AdminText text = AdminText.of(RegistrationMailConfig.class);
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        List.of(S_VALIDITY, S_ADDRESS, S_CLIENT).forEach(s -> s.addTo(builder, text));
        // 空メール registration answers with the same mail: its settings sit on the same step, after these.
        List<ProviderConfigProperty> all = new java.util.ArrayList<>(builder.build());
        all.addAll(EmptyMailConfig.configProperties());
        return List.copyOf(all);
    }
}
