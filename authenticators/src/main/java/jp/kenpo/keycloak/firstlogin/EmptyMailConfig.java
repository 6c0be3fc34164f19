package jp.kenpo.keycloak.firstlogin;

import java.util.List;
import java.util.Map;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.common.IntSetting;
import jp.kenpo.keycloak.common.StepConfig;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * 空メール registration (manual ①, 手順 B): the union's registration mailbox, read over IMAP, whose
 * senders get 「利用登録手続きのご案内」. Kept on the config of the login step
 * ({@code kenpo-login-id-password-form}) next to the registration-mail settings; the mailbox password
 * is a vault reference ({@code ${vault.key}}), never the password itself.
 */
public record EmptyMailConfig(boolean enabled, String address, String host, int port, boolean tls, String user,
                              String password, String folder, String processedFolder, int intervalSeconds, int maxBytes,
                              int perAddressPerHour, int perRealmPerHour, String publicUrl) {

    /** The execution whose config holds these settings (read from outside the flow with {@link StepConfig}). */
    public static final String STEP = "kenpo-login-id-password-form";

    public static final String ENABLED = "kenpo.emptyMail.enabled";
    public static final String ADDRESS = "kenpo.emptyMail.address";
    public static final String HOST = "kenpo.emptyMail.host";
    public static final String TLS = "kenpo.emptyMail.tls";
    public static final String USER = "kenpo.emptyMail.user";
    public static final String PASSWORD = "kenpo.emptyMail.password";
    public static final String FOLDER = "kenpo.emptyMail.folder";
    public static final String PROCESSED_FOLDER = "kenpo.emptyMail.processedFolder";
    public static final String PUBLIC_URL = "kenpo.emptyMail.publicUrl";

    private static final IntSetting S_PORT = new IntSetting("kenpo.emptyMail.port", 993, 1, 65_535);
    private static final IntSetting S_INTERVAL = new IntSetting("kenpo.emptyMail.intervalSeconds", 60, 1, 86_400);
    private static final IntSetting S_MAX_BYTES = new IntSetting("kenpo.emptyMail.maxBytes", 262_144, 1_024, 10_485_760);
    private static final IntSetting S_ADDRESS = new IntSetting("kenpo.emptyMail.perAddressPerHour", 3, 1, 100);
    private static final IntSetting S_REALM = new IntSetting("kenpo.emptyMail.perRealmPerHour", 300, 1, 100_000);

    static final String DEFAULT_FOLDER = "INBOX";
    static final String DEFAULT_PROCESSED_FOLDER = "kenpo-processed";

    public static EmptyMailConfig of(RealmModel realm) {
        return from(StepConfig.of(realm, STEP));
    }

    public static EmptyMailConfig from(AuthenticatorConfigModel model) {
        return from(StepConfig.of(model));
    }

    public static EmptyMailConfig from(Map<String, String> config) {
        return new EmptyMailConfig(flag(config, ENABLED, false), text(config, ADDRESS, ""), text(config, HOST, ""),
                S_PORT.read(config), flag(config, TLS, true), text(config, USER, ""), text(config, PASSWORD, ""),
                text(config, FOLDER, DEFAULT_FOLDER),
                config.containsKey(PROCESSED_FOLDER) ? text(config, PROCESSED_FOLDER, "") : DEFAULT_PROCESSED_FOLDER,
                S_INTERVAL.read(config), S_MAX_BYTES.read(config), S_ADDRESS.read(config), S_REALM.read(config),
                text(config, PUBLIC_URL, ""));
    }

    /** Whether the screens may offer the registration address (on, and an address to write to). */
    public boolean offersAddress() {
        return enabled && !address.isBlank();
    }

    private static boolean flag(Map<String, String> config, String key, boolean defaultValue) {
        String raw = config == null ? null : config.get(key);
        return raw == null || raw.isBlank() ? defaultValue : Boolean.parseBoolean(raw.trim());
    }

    private static String text(Map<String, String> config, String key, String defaultValue) {
        String raw = config == null ? null : config.get(key);
        return raw == null || raw.isBlank() ? defaultValue : raw.trim();
    }

    public static List<ProviderConfigProperty> configProperties() {
        AdminText text = AdminText.of(EmptyMailConfig.class);
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        bool(builder, text, ENABLED, false);
        string(builder, text, ADDRESS, "");
        string(builder, text, HOST, "");
        S_PORT.addTo(builder, text);
        bool(builder, text, TLS, true);
        string(builder, text, USER, "");
        string(builder, text, PASSWORD, "");
        string(builder, text, FOLDER, DEFAULT_FOLDER);
        string(builder, text, PROCESSED_FOLDER, DEFAULT_PROCESSED_FOLDER);
        List.of(S_INTERVAL, S_MAX_BYTES, S_ADDRESS, S_REALM).forEach(s -> s.addTo(builder, text));
        string(builder, text, PUBLIC_URL, "");
        return builder.build();
    }

    private static void bool(ProviderConfigurationBuilder builder, AdminText text, String key, boolean defaultValue) {
        builder.property().name(key).label(text.get(key + ".label")).helpText(text.get(key + ".help"))
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(Boolean.toString(defaultValue)).add();
    }

    private static void string(ProviderConfigurationBuilder builder, AdminText text, String key, String defaultValue) {
        builder.property().name(key).label(text.get(key + ".label")).helpText(text.get(key + ".help"))
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(defaultValue).add();
    }
}
