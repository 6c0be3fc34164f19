package jp.kenpo.keycloak.common;

import java.util.Map;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * A whole-number setting of a flow step: its default, and the bounds that keep a typo in the admin
 * console from producing, say, a key that never expires. Unset or unreadable values fall back to the default.
 */
public record IntSetting(String key, int defaultValue, int min, int max) {

    public int read(Map<String, String> config) {
        String raw = config == null ? null : config.get(key);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(raw.trim())));
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }

    /** Adds the setting with its bilingual label and help ({@code <key>.label}, {@code <key>.help}) and its range. */
    public ProviderConfigurationBuilder addTo(ProviderConfigurationBuilder builder, AdminText text) {
        return builder.property().name(key).label(text.get(key + ".label"))
                .helpText(text.get(key + ".help") + " (" + min + "–" + max + ")")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(String.valueOf(defaultValue)).add();
    }
}
