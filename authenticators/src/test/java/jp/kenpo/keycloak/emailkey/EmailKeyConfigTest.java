package jp.kenpo.keycloak.emailkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.trust.TrustedBrowserConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

class EmailKeyConfigTest {

    @Test
    void defaultsAreTheUnionManualsValues() {
        EmailKeyConfig config = EmailKeyConfig.from((AuthenticatorConfigModel) null);
        assertEquals(new EmailKeyConfig(10, 600, 5, 30, 5, 10), config);
        assertEquals(10, config.validityMinutes());
    }

    @Test
    void readsValuesAndKeepsThemWithinBounds() {
        EmailKeyConfig config = EmailKeyConfig.from(Map.of(
                EmailKeyConfig.DIGITS, " 8 ",
                EmailKeyConfig.VALIDITY_SECONDS, "99999",
                EmailKeyConfig.MAX_ATTEMPTS, "0",
                EmailKeyConfig.RESEND_INTERVAL_SECONDS, "abc",
                EmailKeyConfig.MAX_RESENDS, ""));
        assertEquals(8, config.digits());
        assertEquals(3600, config.validitySeconds());
        assertEquals(1, config.maxAttempts());
        assertEquals(30, config.resendIntervalSeconds());
        assertEquals(5, config.maxResends());
    }

    @Test
    void theKeyHasAtLeastEightDigitsEvenWhenAnAdminConfiguresFewer() {
        for (String configured : List.of("1", "4", "6", "7", "-3")) {
            assertEquals(8, EmailKeyConfig.from(Map.of(EmailKeyConfig.DIGITS, configured)).digits(), configured);
        }
        assertTrue(new EmailKeyAuthenticatorFactory().getConfigProperties().get(0).getHelpText().contains("(8–12)"),
                "the admin console shows the real range");
    }

    @Test
    void validityMinutesRoundUp() {
        assertEquals(2, EmailKeyConfig.from(Map.of(EmailKeyConfig.VALIDITY_SECONDS, "90")).validityMinutes());
        assertEquals(1, EmailKeyConfig.from(Map.of(EmailKeyConfig.VALIDITY_SECONDS, "2")).validityMinutes());
    }

    @Test
    void everySettingIsOfferedInTheAdminConsoleWithBilingualHelp() {
        List<ProviderConfigProperty> properties = new EmailKeyAuthenticatorFactory().getConfigProperties();
        assertEquals(List.of(EmailKeyConfig.DIGITS, EmailKeyConfig.VALIDITY_SECONDS, EmailKeyConfig.MAX_ATTEMPTS,
                        EmailKeyConfig.RESEND_INTERVAL_SECONDS, EmailKeyConfig.MAX_RESENDS, EmailKeyConfig.MAILS_PER_HOUR,
                        TrustedBrowserConfig.DAYS),
                properties.stream().map(ProviderConfigProperty::getName).toList());
        for (ProviderConfigProperty p : properties) {
            assertTrue(p.getLabel().contains(" / "), p.getLabel());
            assertTrue(p.getHelpText().contains(" / "), p.getHelpText());
        }
        assertEquals("10", properties.get(0).getDefaultValue());
        assertEquals("600", properties.get(1).getDefaultValue());
        assertEquals("0", properties.get(6).getDefaultValue(), "このブラウザを信頼する is off unless the union turns it on");
        assertTrue(properties.get(6).getHelpText().contains("(0–90)"), properties.get(6).getHelpText());
    }

    @Test
    void trustedBrowserDaysAreOffByDefaultAndAtMostNinety() {
        assertEquals(0, TrustedBrowserConfig.from(Map.of()).days());
        assertEquals(false, TrustedBrowserConfig.from(Map.of()).enabled());
        assertEquals(90, TrustedBrowserConfig.from(Map.of(TrustedBrowserConfig.DAYS, "365")).days());
        assertEquals(0, TrustedBrowserConfig.from(Map.of(TrustedBrowserConfig.DAYS, "-5")).days());
        assertEquals(0, TrustedBrowserConfig.from(Map.of(TrustedBrowserConfig.DAYS, "thirty")).days());
        assertEquals(30L * 86_400, TrustedBrowserConfig.from(Map.of(TrustedBrowserConfig.DAYS, "30")).seconds());
    }

    @Test
    void theFactoryReportsFailuresAsOtpSoBruteForceCountsThem() {
        assertEquals("otp", new EmailKeyAuthenticatorFactory().getReferenceCategory());
    }
}
