package jp.kenpo.keycloak.trust;

import java.util.Map;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.common.IntSetting;
import jp.kenpo.keycloak.common.StepConfig;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * このブラウザを信頼する: how many days a browser the member trusts may skip the 暗証キー. Set on the
 * email-key step (its execution config), because the offer is made on its screen. 0, the default, turns
 * the offer and the skipping off; at most 90 days.
 */
public record TrustedBrowserConfig(int days) {

    public static final String DAYS = "kenpo.trustedBrowser.days";

    private static final IntSetting S_DAYS = new IntSetting(DAYS, 0, 0, 90);

    public static final TrustedBrowserConfig OFF = new TrustedBrowserConfig(0);

    public static TrustedBrowserConfig from(AuthenticatorConfigModel model) {
        return from(StepConfig.of(model));
    }

    public static TrustedBrowserConfig from(Map<String, String> config) {
        return new TrustedBrowserConfig(S_DAYS.read(config));
    }

    public boolean enabled() {
        return days > 0;
    }

    public long seconds() {
        return days * 86_400L;
    }

    /** Adds the setting (bilingual label and help from this package's admin-messages) to a step's settings. */
    public static ProviderConfigurationBuilder addTo(ProviderConfigurationBuilder builder) {
        return S_DAYS.addTo(builder, AdminText.of(TrustedBrowserConfig.class));
    }
}
