package jp.kenpo.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class BackgroundMailQueueFactoryTest {

    @Test
    void threadsAndQueueBoundAreServerOptionsWithDefaults() {
        BackgroundMailQueueFactory defaults = new BackgroundMailQueueFactory();
        defaults.init(scope(Map.of()));
        assertEquals(2, defaults.threads());
        assertEquals(1_000, defaults.maxPending());

        BackgroundMailQueueFactory set = new BackgroundMailQueueFactory();
        set.init(scope(Map.of("threads", "4", "maxPending", "50")));
        assertEquals(4, set.threads());
        assertEquals(50, set.maxPending());

        BackgroundMailQueueFactory nonsense = new BackgroundMailQueueFactory();
        nonsense.init(scope(Map.of("threads", "0", "maxPending", "-3")));
        assertEquals(1, nonsense.threads(), "at least one thread");
        assertEquals(1, nonsense.maxPending(), "at least one waiting mail");
        assertEquals(Set.of("threads", "maxPending"),
                Set.copyOf(defaults.getConfigMetadata().stream().map(p -> p.getName()).toList()));
    }

    private static Config.Scope scope(Map<String, String> values) {
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
