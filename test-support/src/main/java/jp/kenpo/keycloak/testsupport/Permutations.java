package jp.kenpo.keycloak.testsupport;

import java.util.Arrays;
import java.util.Random;

/**
 * Whether two samples of timings could come from one distribution: a two-sided permutation test on the
 * difference of their medians. The p-value is the share of random relabellings of the pooled samples whose
 * median difference is at least as large as the observed one (with the usual +1 so it is never 0).
 */
public final class Permutations {

    private Permutations() {
    }

    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The two-sided p-value of {@code rounds} seeded relabellings. */
    public static double pValue(double[] a, double[] b, int rounds, long seed) {
        double observed = Math.abs(median(a) - median(b));
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        Random random = new Random(seed);
        double[] first = new double[a.length];
        double[] second = new double[b.length];
        int asExtreme = 0;
        for (int r = 0; r < rounds; r++) {
            // Fisher–Yates shuffle, then the first a.length values form the first group.
            for (int i = pooled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double t = pooled[i];
                pooled[i] = pooled[j];
                pooled[j] = t;
            }
            System.arraycopy(pooled, 0, first, 0, a.length);
            System.arraycopy(pooled, a.length, second, 0, b.length);
            if (Math.abs(median(first) - median(second)) >= observed - 1e-12) {
                asExtreme++;
            }
        }
        return (asExtreme + 1.0) / (rounds + 1.0);
    }
}
