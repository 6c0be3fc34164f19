package jp.kenpo.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

class BackgroundMailQueueFactoryTest {

    @Test
    void threadsAndQueueBoundAreServerOptionsWithDefaults() {
        BackgroundMailQueueFactory defaults = new BackgroundMailQueueFactory();
        defaults.init(scope(Map.of()));
        assertEquals(2, defaults.threads());
        assertEquals(1_000, defaults.maxPending());
        assertEquals(1_000, defaults.startDelayMillis(), "a mail's work never overlaps the answer that queued it");

        BackgroundMailQueueFactory set = new BackgroundMailQueueFactory();
        set.init(scope(Map.of("threads", "4", "maxPending", "50", "startDelayMillis", "0")));
        assertEquals(4, set.threads());
        assertEquals(50, set.maxPending());
        assertEquals(0, set.startDelayMillis());

        BackgroundMailQueueFactory nonsense = new BackgroundMailQueueFactory();
        nonsense.init(scope(Map.of("threads", "0", "maxPending", "-3")));
        assertEquals(1, nonsense.threads(), "at least one thread");
        assertEquals(1, nonsense.maxPending(), "at least one waiting mail");
        assertEquals(Set.of("threads", "maxPending", "startDelayMillis"),
                Set.copyOf(defaults.getConfigMetadata().stream().map(p -> p.getName()).toList()));
    }

    @Test
    void aFullQueueRefusesTheMailAndCallersAndAdminsAreTold() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.globalRegistry.add(registry);
        CountDownLatch release = new CountDownLatch(1);
        // A session factory that holds the first job until the test ends: the queue stays full.
        KeycloakSessionFactory stuck = (KeycloakSessionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeycloakSessionFactory.class}, (proxy, method, args) -> {
                    release.await(10, TimeUnit.SECONDS);
                    throw new IllegalStateException("test");
                });
        BackgroundMailQueueFactory factory = new BackgroundMailQueueFactory();
        factory.init(scope(Map.of("maxPending", "1")));
        factory.postInit(stuck);
        try {
            MailQueue queue = factory.create(null);
            MailJob job = new MailJob() {
                @Override
                public String description() {
                    return "test mail";
                }

                @Override
                public void send(KeycloakSession session, RealmModel realm) {
                }
            };
            RealmModel realm = (RealmModel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RealmModel.class},
                    (proxy, method, args) -> "getId".equals(method.getName()) ? "realm-id" : null);
            List<String> reported = new ArrayList<>();
            assertTrue(QueuedMail.submit(queue, realm, job, reported::add));
            assertEquals(List.of(), reported);
            assertFalse(QueuedMail.submit(queue, realm, job, reported::add), "past the bound the mail is refused");
            assertEquals(List.of("kenpo_mail_queue_full"), reported, "the caller learns it and records the event error");
            assertEquals(1.0, registry.get("kenpo.mail.queue.full").counter().count());
            assertEquals(1.0, registry.get("kenpo.mail.queue.pending").gauge().value());
        } finally {
            release.countDown();
            factory.close();
            Metrics.globalRegistry.remove(registry);
        }
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
