package jp.kenpo.keycloak.lookup;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.common.IntSetting;
import jp.kenpo.keycloak.common.StepConfig;
import jp.kenpo.keycloak.common.Validity;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** ID・パスワードの取得 settings, with defaults in one place. */
public record LookupConfig(Eligibility.AgeReckoning ageReckoning, int minimumAge, int linkValiditySeconds,
                           int perClientPerHour, int perNumberPerDay, String staffAddress,
                           LookupDelivery delivery, int holdSeconds, int postalPerClientPerDay, int postalPerNumberPerDay) {

    public static final String AGE_RECKONING = "kenpo.lookup.ageReckoning";
    public static final String MINIMUM_AGE = "kenpo.lookup.minimumAge";
    public static final String LINK_VALIDITY_SECONDS = "kenpo.lookup.linkValiditySeconds";
    public static final String PER_CLIENT_PER_HOUR = "kenpo.lookup.perClientPerHour";
    public static final String PER_NUMBER_PER_DAY = "kenpo.lookup.perNumberPerDay";
    public static final String STAFF_ADDRESS = "kenpo.postal.staffAddress";
    public static final String DELIVERY = "kenpo.lookup.delivery";
    public static final String HOLD_SECONDS = "kenpo.lookup.holdSeconds";
    public static final String POSTAL_PER_CLIENT_PER_DAY = "kenpo.postal.perClientPerDay";
    public static final String POSTAL_PER_NUMBER_PER_DAY = "kenpo.postal.perNumberPerDay";

    private static final IntSetting S_MIN_AGE = new IntSetting(MINIMUM_AGE, 40, 0, 120);
    private static final IntSetting S_VALIDITY = new IntSetting(LINK_VALIDITY_SECONDS, 86_400, 1, 604_800);
    private static final IntSetting S_CLIENT = new IntSetting(PER_CLIENT_PER_HOUR, 10, 1, 10_000);
    private static final IntSetting S_NUMBER = new IntSetting(PER_NUMBER_PER_DAY, 5, 1, 1_000);
    /** The hold before a link opens (24 h by default, at most 30 days). */
    private static final IntSetting S_HOLD = new IntSetting(HOLD_SECONDS, 86_400, 1, 2_592_000);
    private static final IntSetting S_POSTAL_CLIENT = new IntSetting(POSTAL_PER_CLIENT_PER_DAY, 10, 1, 10_000);
    private static final IntSetting S_POSTAL_NUMBER = new IntSetting(POSTAL_PER_NUMBER_PER_DAY, 3, 1, 1_000);

    public static final LookupConfig DEFAULTS = from(Map.of());

    public static LookupConfig from(AuthenticatorConfigModel model) {
        return from(StepConfig.of(model));
    }

    /** The settings of the realm's lookup step, for pages and links outside the step. */
    public static LookupConfig of(RealmModel realm) {
        return from(StepConfig.of(realm, MemberLookupAuthenticatorFactory.PROVIDER_ID));
    }

    public static LookupConfig from(Map<String, String> config) {
        Eligibility.AgeReckoning reckoning = "lookupDate".equalsIgnoreCase(config.getOrDefault(AGE_RECKONING, "").trim())
                ? Eligibility.AgeReckoning.LOOKUP_DATE : Eligibility.AgeReckoning.FISCAL_YEAR_END;
        return new LookupConfig(reckoning, S_MIN_AGE.read(config), S_VALIDITY.read(config),
                S_CLIENT.read(config), S_NUMBER.read(config),
                config.getOrDefault(STAFF_ADDRESS, "").trim(),
                LookupDelivery.of(config.get(DELIVERY)), S_HOLD.read(config), S_POSTAL_CLIENT.read(config), S_POSTAL_NUMBER.read(config));
    }

    public int linkValidityHours() {
        return Validity.hours(linkValiditySeconds);
    }

    public int holdHours() {
        return Validity.hours(holdSeconds);
    }

    static List<ProviderConfigProperty> configProperties() {
        AdminText text = AdminText.of(LookupConfig.class);
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create()
                .property().name(DELIVERY).label(text.get(DELIVERY + ".label")).helpText(text.get(DELIVERY + ".help"))
                .type(ProviderConfigProperty.LIST_TYPE).options(LookupDelivery.configValues())
                .defaultValue(LookupDelivery.HOLD.value()).add()
                .property().name(AGE_RECKONING).label(text.get(AGE_RECKONING + ".label")).helpText(text.get(AGE_RECKONING + ".help"))
                .type(ProviderConfigProperty.LIST_TYPE).options("fiscalYearEnd", "lookupDate").defaultValue("fiscalYearEnd").add();
        List.of(S_HOLD, S_MIN_AGE, S_VALIDITY, S_CLIENT, S_NUMBER).forEach(s -> s.addTo(builder, text));
        builder.property().name(STAFF_ADDRESS).label(text.get(STAFF_ADDRESS + ".label")).helpText(text.get(STAFF_ADDRESS + ".help"))
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("").add();
        List.of(S_POSTAL_CLIENT, S_POSTAL_NUMBER).forEach(s -> s.addTo(builder, text));
        return builder.build();
    }

}
