package jp.kenpo.keycloak.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * A single-use-object store in memory with the atomicity of Keycloak's Infinispan one ({@code putIfAbsent}
 * is atomic, {@code get} then {@code put} is not). With {@code readers > 0}, each {@code get} waits until
 * that many reads happened: the worst interleaving of a burst, made certain.
 */
final class MemoryStore implements SingleUseObjectProvider {

    final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private final CountDownLatch reads;

    MemoryStore(int readers) {
        this.reads = new CountDownLatch(readers);
    }

    @Override
    public void put(String key, long lifespanSeconds, Map<String, String> notes) {
        entries.put(key, Map.copyOf(notes));
    }

    @Override
    public Map<String, String> get(String key) {
        Map<String, String> value = entries.get(key);
        reads.countDown();
        try {
            reads.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return value;
    }

    @Override
    public Map<String, String> remove(String key) {
        return entries.remove(key);
    }

    @Override
    public boolean replace(String key, Map<String, String> notes) {
        return entries.replace(key, Map.copyOf(notes)) != null;
    }

    @Override
    public boolean putIfAbsent(String key, long lifespanSeconds) {
        return entries.putIfAbsent(key, Map.of()) == null;
    }

    @Override
    public boolean contains(String key) {
        return entries.containsKey(key);
    }

    @Override
    public void close() {
    }
}
