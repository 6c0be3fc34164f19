package jp.kenpo.keycloak.lookup;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.AdminText;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** ID・パスワードの取得 settings, with defaults in one place. */
public record LookupConfig(Eligibility.AgeReckoning ageReckoning, int minimumAge, int linkValiditySeconds,
                           int perClientPerHour, int perNumberPerDay, String staffAddress) {

    public static final String AGE_RECKONING = "kenpo.lookup.ageReckoning";
    public static final String MINIMUM_AGE = "kenpo.lookup.minimumAge";
    public static final String LINK_VALIDITY_SECONDS = "kenpo.lookup.linkValiditySeconds";
    public static final String PER_CLIENT_PER_HOUR = "kenpo.lookup.perClientPerHour";
    public static final String PER_NUMBER_PER_DAY = "kenpo.lookup.perNumberPerDay";
    public static final String STAFF_ADDRESS = "kenpo.postal.staffAddress";

    public static final LookupConfig DEFAULTS = from(Map.of());

    public static LookupConfig from(AuthenticatorConfigModel model) {
        return from(model == null || model.getConfig() == null ? Map.of() : model.getConfig());
    }

    public static LookupConfig from(Map<String, String> config) {
        Eligibility.AgeReckoning reckoning = "lookupDate".equalsIgnoreCase(config.getOrDefault(AGE_RECKONING, "").trim())
                ? Eligibility.AgeReckoning.LOOKUP_DATE : Eligibility.AgeReckoning.FISCAL_YEAR_END;
        return new LookupConfig(reckoning, read(config, MINIMUM_AGE, 40, 0, 120), read(config, LINK_VALIDITY_SECONDS, 86_400, 1, 604_800),
                read(config, PER_CLIENT_PER_HOUR, 10, 1, 10_000), read(config, PER_NUMBER_PER_DAY, 5, 1, 1_000),
                config.getOrDefault(STAFF_ADDRESS, "").trim());
    }

    public int linkValidityHours() {
        return (linkValiditySeconds + 3599) / 3600;
    }

    public static List<ProviderConfigProperty> configProperties() {
        AdminText text = AdminText.of(LookupConfig.class);
        return ProviderConfigurationBuilder.create()
                .property().name(AGE_RECKONING).label(text.get(AGE_RECKONING + ".label")).helpText(text.get(AGE_RECKONING + ".help"))
                .type(ProviderConfigProperty.LIST_TYPE).options("fiscalYearEnd", "lookupDate").defaultValue("fiscalYearEnd").add()
                .property().name(MINIMUM_AGE).label(text.get(MINIMUM_AGE + ".label")).helpText(text.get(MINIMUM_AGE + ".help"))
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("40").add()
                .property().name(LINK_VALIDITY_SECONDS).label(text.get(LINK_VALIDITY_SECONDS + ".label")).helpText(text.get(LINK_VALIDITY_SECONDS + ".help"))
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("86400").add()
                .property().name(PER_CLIENT_PER_HOUR).label(text.get(PER_CLIENT_PER_HOUR + ".label")).helpText(text.get(PER_CLIENT_PER_HOUR + ".help"))
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("10").add()
                .property().name(PER_NUMBER_PER_DAY).label(text.get(PER_NUMBER_PER_DAY + ".label")).helpText(text.get(PER_NUMBER_PER_DAY + ".help"))
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("5").add()
                .property().name(STAFF_ADDRESS).label(text.get(STAFF_ADDRESS + ".label")).helpText(text.get(STAFF_ADDRESS + ".help"))
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("").add()
                .build();
    }

    private static int read(Map<String, String> config, String key, int defaultValue, int min, int max) {
        String raw = config.get(key);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(raw.trim())));
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }
}
