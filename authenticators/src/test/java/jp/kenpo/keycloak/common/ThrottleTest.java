package jp.kenpo.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final ServerKey KEY = ServerKey.derive("test-key", new byte[64]);

    @Test
    void aBurstOfFiftyParallelRequestsPassesAtMostTheLimit() throws Exception {
        MemoryStore store = new MemoryStore(50);
        Throttle throttle = new Throttle(store, KEY);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> throttle.tryAcquire("test", "a@example.jp", 3, 3_600)));
            }
            int admitted = 0;
            for (Future<Boolean> answer : answers) {
                admitted += answer.get() ? 1 : 0;
            }
            assertEquals(3, admitted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countsUpToTheLimitThenRefusesAndSubjectsAndPurposesAreApart() {
        Throttle throttle = new Throttle(new MemoryStore(0), KEY);
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.tryAcquire("p", "s", 5, 3_600), "request " + (i + 1));
        }
        assertFalse(throttle.tryAcquire("p", "s", 5, 3_600));
        assertTrue(throttle.tryAcquire("p", "other", 5, 3_600));
        assertTrue(throttle.tryAcquire("q", "s", 5, 3_600));
    }

    @Test
    void aLargeLimitCostsFewReadsPerRequest() {
        MemoryStore store = new MemoryStore(0);
        Throttle throttle = new Throttle(store, KEY);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(throttle.tryAcquire("p", "s", 10_000, 3_600));
        }
        assertFalse(throttle.tryAcquire("p", "s", 10_000, 3_600));
        assertEquals(10_000, store.entries.size(), "one slot per admitted request");
    }

    @Test
    void noLimitAdmitsEverything() {
        Throttle throttle = new Throttle(new MemoryStore(0), KEY);
        assertTrue(throttle.tryAcquire("p", "s", 0, 3_600));
    }

    @Test
    void keysHoldNoSubjectInClearNorItsPlainHash() {
        MemoryStore store = new MemoryStore(0);
        new Throttle(store, KEY).tryAcquire("p", "192.0.2.1", 3, 3_600);
        String keys = store.entries.keySet().toString();
        assertFalse(keys.contains("192.0.2.1"), keys);
        assertFalse(keys.contains(Secrets.sha256("192.0.2.1")), "an unkeyed hash of an IP is reversed by hashing every IP: " + keys);
    }

    @Test
    void anotherServerKeyGivesOtherKeys() {
        MemoryStore store = new MemoryStore(0);
        new Throttle(store, KEY).tryAcquire("p", "192.0.2.1", 1, 3_600);
        assertTrue(new Throttle(store, ServerKey.derive("other", new byte[] {1})).tryAcquire("p", "192.0.2.1", 1, 3_600));
        assertFalse(new Throttle(store, KEY).tryAcquire("p", "192.0.2.1", 1, 3_600));
    }
}
