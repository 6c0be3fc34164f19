package jp.kenpo.keycloak.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Latency samples of one step, in nanoseconds; thread-safe, percentiles by nearest rank. */
final class Latencies {

    private final List<Long> samples = new ArrayList<>();

    synchronized void add(long nanos) {
        samples.add(nanos);
    }

    synchronized void addAll(Latencies other) {
        for (long nanos : other.raw()) {
            samples.add(nanos);
        }
    }

    synchronized int count() {
        return samples.size();
    }

    /** The p-th percentile (0 < p ≤ 100) in milliseconds, or NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
    }

    synchronized long[] raw() {
        return samples.stream().mapToLong(Long::longValue).toArray();
    }
}
