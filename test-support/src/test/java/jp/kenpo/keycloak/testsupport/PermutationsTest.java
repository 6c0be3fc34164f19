package jp.kenpo.keycloak.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PermutationsTest {

    @Test
    void theMedianOfOddAndEvenSamples() {
        assertEquals(2.0, Permutations.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Permutations.median(new double[] {4, 1, 3, 2}));
        assertThrows(IllegalArgumentException.class, () -> Permutations.median(new double[0]));
    }

    @Test
    void samplesFromOneDistributionAreNotToldApart() {
        Random random = new Random(1);
        double[] a = new double[300];
        double[] b = new double[300];
        for (int i = 0; i < 300; i++) {
            a[i] = 10 + random.nextGaussian();
            b[i] = 10 + random.nextGaussian();
        }
        assertTrue(Permutations.pValue(a, b, 2_000, 7) > 0.05);
    }

    @Test
    void aShiftOfAFifthOfTheSpreadIsFoundIn300Samples() {
        Random random = new Random(2);
        double[] a = new double[300];
        double[] b = new double[300];
        for (int i = 0; i < 300; i++) {
            a[i] = 10 + random.nextGaussian();
            b[i] = 10.5 + random.nextGaussian();
        }
        assertTrue(Permutations.pValue(a, b, 2_000, 7) < 0.01);
    }

    @Test
    void identicalSamplesGiveOneAndTheSmallestPValueIsOneOverRoundsPlusOne() {
        double[] same = {1, 1, 1, 1};
        assertEquals(1.0, Permutations.pValue(same, same, 99, 3));
        double[] low = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] high = {101, 102, 103, 104, 105, 106, 107, 108};
        double p = Permutations.pValue(low, high, 999, 3);
        assertTrue(p >= 1.0 / 1000 && p < 0.01, Double.toString(p));
    }

    @Test
    void theSameSeedGivesTheSamePValue() {
        double[] a = {1, 5, 2, 8, 3};
        double[] b = {2, 6, 9, 4, 7, 1};
        assertEquals(Permutations.pValue(a, b, 500, 42), Permutations.pValue(a, b, 500, 42));
    }
}
