package jp.kenpo.keycloak.memberimport;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An import's counts so far, by what happened to each row's member. */
public final class ImportSummary {

    /** In the order the answer and the admin event show them. */
    public enum Count { PROCESSED, CREATED, UPDATED, UNCHANGED, DISABLED, ENABLED, SKIPPED, REJECTED }

    private final EnumMap<Count, Integer> counts = new EnumMap<>(Count.class);

    public void add(Count count) {
        add(count, 1);
    }

    public void add(Count count, int n) {
        counts.merge(count, n, Integer::sum);
    }

    public int get(Count count) {
        return counts.getOrDefault(count, 0);
    }

    void addAll(ImportSummary other) {
        other.counts.forEach(this::add);
    }

    /** The counts by name ({@code processed}, {@code created}, …), every one present. */
    public Map<String, Integer> counts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Count count : Count.values()) {
            m.put(count.name().toLowerCase(Locale.ROOT), get(count));
        }
        return m;
    }

    public Map<String, Object> toMap(boolean dryRun) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dryRun", dryRun);
        m.putAll(counts());
        return m;
    }
}
