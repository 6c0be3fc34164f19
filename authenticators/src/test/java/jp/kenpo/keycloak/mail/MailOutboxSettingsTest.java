package jp.kenpo.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class MailOutboxSettingsTest {

    @Test
    void theOptionsHaveDefaults() {
        MailOutboxSettings defaults = MailOutboxSettings.from(scope(Map.of()));
        assertEquals(MailOutboxSettings.DEFAULTS, defaults);
        assertEquals(2, defaults.threads());
        assertEquals(1_000, defaults.maxPending());
        assertEquals(1_000, defaults.startDelayMillis(), "a mail's work never overlaps the answer that queued it");
        assertEquals(5, defaults.retry().baseSeconds(), "the first retry comes after 5 s, as before the outbox");
        assertEquals(Set.of("threads", "maxPending", "startDelayMillis", "pollSeconds", "leaseSeconds", "maxAttempts", "retryBaseSeconds",
                        "retryMaxSeconds", "sentRetentionHours", "deadRetentionDays"),
                Set.copyOf(MailOutboxSettings.metadata().stream().map(p -> p.getName()).toList()));
    }

    @Test
    void setOptionsAreReadAndNonsenseIsBounded() {
        MailOutboxSettings set = MailOutboxSettings.from(scope(Map.of("threads", "4", "maxPending", "50", "startDelayMillis", "0",
                "pollSeconds", "1", "leaseSeconds", "60", "maxAttempts", "3", "retryBaseSeconds", "1", "retryMaxSeconds", "2")));
        assertEquals(4, set.threads());
        assertEquals(50, set.maxPending());
        assertEquals(0, set.startDelayMillis());
        assertEquals(60, set.leaseSeconds());
        assertEquals(new MailOutboxRules.RetryPolicy(3, 1, 2), set.retry());

        MailOutboxSettings nonsense = MailOutboxSettings.from(scope(Map.of("threads", "0", "maxPending", "-3", "leaseSeconds", "1",
                "pollSeconds", "0")));
        assertEquals(1, nonsense.threads(), "at least one thread");
        assertEquals(1, nonsense.maxPending(), "at least one waiting mail");
        assertEquals(30, nonsense.leaseSeconds(), "a lease outlasts a slow mail server, or two nodes could send one mail");
        assertEquals(1, nonsense.pollSeconds());
    }

    static Config.Scope scope(Map<String, String> values) {
        return new Config.Scope() {
            @Override
            public String get(String key) {
                return values.get(key);
            }

            @Override
            public String get(String key, String defaultValue) {
                return values.getOrDefault(key, defaultValue);
            }

            @Override
            public String[] getArray(String key) {
                return values.containsKey(key) ? values.get(key).split(",") : null;
            }

            @Override
            public Integer getInt(String key) {
                return values.containsKey(key) ? Integer.valueOf(values.get(key)) : null;
            }

            @Override
            public Integer getInt(String key, Integer defaultValue) {
                return values.containsKey(key) ? Integer.valueOf(values.get(key)) : defaultValue;
            }

            @Override
            public Long getLong(String key) {
                return values.containsKey(key) ? Long.valueOf(values.get(key)) : null;
            }

            @Override
            public Long getLong(String key, Long defaultValue) {
                return values.containsKey(key) ? Long.valueOf(values.get(key)) : defaultValue;
            }

            @Override
            public Boolean getBoolean(String key) {
                return values.containsKey(key) ? Boolean.valueOf(values.get(key)) : null;
            }

            @Override
            public Boolean getBoolean(String key, Boolean defaultValue) {
                return values.containsKey(key) ? Boolean.valueOf(values.get(key)) : defaultValue;
            }

            @Override
            public Config.Scope scope(String... scope) {
                return this;
            }

            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public Config.Scope root() {
                return this;
            }
        };
    }
}
